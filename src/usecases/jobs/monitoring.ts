/**
 * Recompute and the analytical report as long jobs: each output sheet is a step, so a large
 * municipality's recompute continues in a fresh execution instead of hitting the time limit.
 * The computation is redone in memory in each execution (reading is cheap, writing is not).
 */
import { JOBS_TEXT } from '../../core/messages';
import type { Ports } from '../../ports';
import { participation } from '../../core/report/build';
import { reportDocument } from '../report';
import {
  compute,
  journalRecompute,
  prepareOutputs,
  writeOutput,
  type Computation,
  type RecomputeOutput,
} from '../recompute';
import type { JobContext, JobDefinition, JobStep } from './types';
import { upgradeRulesSheet } from '../upgradeRules';

export const RECOMPUTE_JOB_CODE = 'recompute';
export const REPORT_JOB_CODE = 'report';

function computation(ports: Ports, ctx: JobContext): Computation {
  return ctx.memo('monitoring.computation', () => {
    upgradeRulesSheet(ports); // once per spreadsheet (rev 2 defaults)
    return compute(ports, ctx.params.period || undefined);
  });
}

const one = () => ['all'];

function outputStep(which: RecomputeOutput, title: string): JobStep {
  return {
    code: which,
    title,
    items: one,
    run(ports, _item, ctx) {
      const done = computation(ports, ctx);
      // Every output sheet read before the first is written (once per execution).
      const prepared = ctx.memo('monitoring.outputs', () => prepareOutputs(ports, done));
      writeOutput(ports, done, which, prepared);
    },
  };
}

const RECOMPUTE_STEPS: readonly JobStep[] = [
  outputStep('indicators', JOBS_TEXT.stepIndicators),
  outputStep('summary', JOBS_TEXT.stepSummary),
  outputStep('dynamics', JOBS_TEXT.stepDynamics),
  outputStep('notResponded', JOBS_TEXT.stepNotResponded),
  outputStep('recommendations', JOBS_TEXT.stepRecommendations),
  outputStep('formulas', JOBS_TEXT.stepFormulas),
  outputStep('registryHistory', JOBS_TEXT.stepRegistryHistory),
  outputStep('charts', JOBS_TEXT.stepCharts),
  {
    code: 'journal',
    title: JOBS_TEXT.stepJournal,
    items: one,
    run: (ports, _item, ctx) => journalRecompute(ports, computation(ports, ctx)),
  },
];

export const RECOMPUTE_JOB: JobDefinition = {
  code: RECOMPUTE_JOB_CODE,
  title: JOBS_TEXT.recompute,
  steps: RECOMPUTE_STEPS,
  summary: (ports, ctx) => participation(computation(ports, ctx).result),
};

const DOC_NOTE = 'doc';
const URL_NOTE = 'url';

export const REPORT_JOB: JobDefinition = {
  code: REPORT_JOB_CODE,
  title: JOBS_TEXT.report,
  // The report leaves the output sheets to recompute (writing them here doubled its cost).
  steps: [
    {
      code: 'document',
      title: JOBS_TEXT.stepDocument,
      items: one,
      run(ports, _item, ctx) {
        const done = computation(ports, ctx);
        // The same period's report asked again the same day is the same document, rewritten.
        const dayKey = `report.doc|${done.result.period}|${ports.clock.format(ports.clock.now(), 'yyyy-MM-dd')}`;
        const doc = reportDocument(ports, done, {
          reuse: ctx.note(DOC_NOTE) ?? ports.properties.get(dayKey),
          created: (id) => ctx.setNote(DOC_NOTE, id),
        });
        ports.properties.set(dayKey, doc.id);
        ctx.setNote(URL_NOTE, doc.url);
      },
    },
  ],
  summary: (_ports, ctx) => JOBS_TEXT.reportReady(ctx.note(URL_NOTE) ?? ''),
};
