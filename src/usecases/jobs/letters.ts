/** Letters to schools as a long job: one item per responding school (usecases/letters.ts). */
import { JOBS_TEXT, LETTER_UI } from '../../core/messages';
import type { Ports } from '../../ports';
import { letterSchools, writeLetter } from '../letters';
import { compute, type Computation } from '../recompute';
import type { JobContext, JobDefinition } from './types';

export const LETTERS_JOB_CODE = 'letters';

function computation(ports: Ports, ctx: JobContext): Computation {
  return ctx.memo('letters.computation', () => compute(ports, ctx.params.period || undefined));
}

export const LETTERS_JOB: JobDefinition = {
  code: LETTERS_JOB_CODE,
  title: JOBS_TEXT.letters,
  steps: [
    {
      code: 'letters',
      title: JOBS_TEXT.stepLetters,
      items: (ports, ctx) => letterSchools(computation(ports, ctx)),
      run: (ports, schoolId, ctx) => void writeLetter(ports, computation(ports, ctx), schoolId),
    },
  ],
  summary: (ports, ctx) => LETTER_UI.done(letterSchools(computation(ports, ctx)).length),
};
