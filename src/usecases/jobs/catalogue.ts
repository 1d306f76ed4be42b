/**
 * Every long job the add-on runs, by code. A new job (e.g. letters to schools) is one
 * definition listed here; `continueJob` finds it by the code kept in the checkpoint.
 */
import { reminderCanceller } from '../reminders/ledger';
import { mailingJob } from './mailing';
import { RECOMPUTE_JOB, REPORT_JOB } from './monitoring';
import { LETTERS_JOB } from './letters';
import type { JobDefinition } from './types';

export const JOB_CATALOGUE: ReadonlyMap<string, JobDefinition> = new Map(
  [mailingJob([(ports) => reminderCanceller(ports)]), RECOMPUTE_JOB, REPORT_JOB, LETTERS_JOB].map(
    (j) => [j.code, j],
  ),
);
