/**
 * Long jobs for the rest of the add-on: start one by code, continue the current one, read
 * their progress, and queue mail (which the mailing job sends). See ./types.ts for the model.
 */
import type { Ports } from '../../ports';
import { queueMails, readOutboxEntries, type OutgoingMail } from '../mail';
import { JOB_CATALOGUE } from './catalogue';
import { MAILING_JOB_CODE } from './mailing';
import {
  continueJob as continueWith,
  readJobs,
  startJob as startWith,
  type ChunkOutcome,
  type JobsView,
  type StartOutcome,
} from './runner';

export { CONTINUE_JOB_HANDLER, CHUNK_BUDGET_MS } from './runner';
export type { ChunkOutcome, JobsView, StartOutcome } from './runner';
export type { JobContext, JobDefinition, JobState, JobStep } from './types';
export { MAILING_JOB_CODE } from './mailing';
export { RECOMPUTE_JOB_CODE, REPORT_JOB_CODE } from './monitoring';
export { LETTERS_JOB_CODE } from './letters';

export function startJob(
  ports: Ports,
  code: string,
  params: Record<string, string> = {},
): StartOutcome {
  return startWith(ports, JOB_CATALOGUE, code, params);
}

export function continueJob(ports: Ports): ChunkOutcome {
  return continueWith(ports, JOB_CATALOGUE);
}

export function jobsView(ports: Pick<Ports, 'properties'>): JobsView {
  return readJobs(ports);
}

/**
 * Queues the messages whose keys are new, then starts the mailing job, which sends what the
 * quota allows now and the rest later. `sent`: what went out during this call.
 */
export function queueAndSend(
  ports: Ports,
  mails: readonly OutgoingMail[],
): { sent: number; queued: number } {
  const since = ports.clock.now().getTime();
  queueMails(ports, mails);
  startJob(ports, MAILING_JOB_CODE);
  const entries = readOutboxEntries(ports);
  return {
    sent: entries.filter((e) => e.sent instanceof Date && e.sent.getTime() >= since).length,
    queued: entries.filter((e) => e.sent === '').length,
  };
}
