/**
 * A long job: named steps, each over a list of item keys, done in chunks that fit Apps Script's
 * 6-minute limit, with a checkpoint in document properties after every item (held and written
 * with the next write that must be durable, at least every 10 s: runner.ts).
 *
 * How to add one (e.g. letters): write a `JobDefinition` and list it in `jobs/catalogue.ts`;
 * start it with `startJob(ports, code, params)`. The runner guarantees:
 * - one job at a time (others wait in a queue, also those asked for while a chunk holds the
 *   lock: runner.ts), one chunk at a time (the job lock);
 * - a chunk stops before ~4.5 minutes, saves where it is and continues from a one-off time
 *   trigger (`continueJob`), removed when the job is done;
 * - a killed execution resumes at the item after the last checkpoint written (so items done
 *   since then run again).
 * What the step must guarantee: `run` is idempotent per item key. The item a kill interrupted
 * runs again, so it must find what it already made (a document's id in `ctx.note`, a mail's
 * key in the outbox, a row by its key) instead of making a second one.
 */
import type { Ports } from '../../ports';

export interface JobContext {
  readonly id: string;
  readonly params: Readonly<Record<string, string>>;
  /** When the job started (its first chunk). */
  readonly startedAt: Date;
  /** Computed once per execution and shared by the steps (e.g. the monitoring result). */
  memo<T>(key: string, make: () => T): T;
  /** A small value kept in the checkpoint across executions (a document id), or undefined. */
  note(key: string): string | undefined;
  /**
   * Saves a small value in the checkpoint at once (before the next call can be killed), or,
   * `held`, with the runner's next write (for a value the step finds again if it runs again).
   */
  setNote(key: string, value: string, held?: boolean): void;
  /** Writes these properties now, with the checkpoint the runner holds (one write). */
  persist(entries: Record<string, string>): void;
  /**
   * Keeps these properties to be written with the runner's next write (at the latest when the
   * chunk pauses or the job ends): for what may be lost in a kill (the step then runs again).
   */
  hold(entries: Record<string, string>): void;
}

export interface JobStep {
  /** Stable code of the step (kept in the checkpoint). */
  code: string;
  /** What the inspector sees while the step runs, in Russian. */
  title: string;
  /**
   * The step's item keys in a stable order. Called again after every pause or kill: the
   * runner resumes after the last key done, or from the start when the list no longer holds
   * it (so a list that shrinks as items are done, like the mail queue, also works).
   */
  items(ports: Ports, ctx: JobContext): string[];
  /**
   * Does one item, idempotently. Returns nothing, or a Russian reason to stop the whole job
   * now (e.g. the day's mail quota is spent); what is left waits for the next start.
   */
  run(ports: Ports, item: string, ctx: JobContext): string | void;
}

export interface JobDefinition {
  code: string;
  /** Russian name shown in the sidebar and the journal. */
  title: string;
  steps: readonly JobStep[];
  /** Optional: a Russian line for the journal and the sidebar when the job is done. */
  summary?(ports: Ports, ctx: JobContext): string;
}

export type JobStatus = 'running' | 'done' | 'stopped' | 'failed';

/** The checkpoint (document property `job.current`, JSON; finished ones go to `job.history`). */
export interface JobState {
  id: string;
  code: string;
  title: string;
  params: Record<string, string>;
  status: JobStatus;
  /** Index of the current step, its code and title. */
  step: number;
  stepCode: string;
  stepTitle: string;
  steps: number;
  /** The last item done in the current step; null at the step's start. */
  lastItem: string | null;
  /** Items done in the current step, and the step's size when it was last listed. */
  stepDone: number;
  stepTotal: number;
  /** Items done over the whole job. */
  done: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** Executions (chunks) the job took so far. */
  executions: number;
  /** Why it stopped or failed, or its summary when done (Russian). */
  message?: string;
  notes: Record<string, string>;
}
