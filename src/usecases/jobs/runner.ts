/**
 * Runs long jobs (see ./types.ts) in chunks: one job at a time, one chunk at a time, a
 * checkpoint after every item, a one-off `continueJob` trigger while a job is unfinished.
 *
 * The continuation trigger doubles as a watchdog: it is set before a chunk starts working, to
 * fire after Apps Script's 6-minute limit, so a chunk killed at any point is resumed. A chunk
 * that pauses on its own re-arms it to fire in a minute; a finished job removes it.
 *
 * The runner's own property writes of a chunk (checkpoints, the queue, notes a step keeps for
 * later) are held and written together, in one `setProperties`: when a step needs something
 * durable at once (`setNote`, `persist`), when the chunk pauses or the job ends, and at least
 * every CHECKPOINT_EVERY_MS (10 s). A kill loses at most that much progress: the steps since the last
 * write run again, which they may (each item is idempotent), and the job still resumes.
 *
 * Requests made while a chunk holds the job lock (for up to ~4.5 minutes): the queue is written
 * only under the lock (its writes are read-modify-write, and the runner holds its own), so such
 * a request goes under a key of its own (`job.request.<time><random>`), which needs no lock, and
 * the requester makes sure a continuation trigger exists. The runner takes requests into the
 * queue, in their order and without duplicates of what is queued or running, whenever it reads
 * the jobs (the start of each job in a chunk), blanking their keys in the same write as the
 * queue. When it has nothing more to do it removes its trigger first and reads once more after:
 * a request written before that read is seen; one written after it finds no trigger and arms
 * its own (or sees the trigger of a chunk that will read again).
 */
import { JOBS_TEXT } from '../../core/messages';
import { setEach, type Ports } from '../../ports';
import { journal } from '../journal';
import { timeToken } from '../token';
import type { JobContext, JobDefinition, JobState, JobStatus } from './types';

export const CONTINUE_JOB_HANDLER = 'continueJob';
/** A chunk stops taking new items after this long (Apps Script kills at 6 minutes). */
export const CHUNK_BUDGET_MS = 270_000;
/** The watchdog fires after the 6-minute limit of the chunk it guards. */
const WATCHDOG_MS = 7 * 60_000;
/** A chunk that paused on its own continues after this long. */
const CONTINUE_SOON_MS = 60_000;
const LOCK_WAIT_MS = 1_000;
const HISTORY_SIZE = 12;
/**
 * Held checkpoints are written at least this often (the progress a kill may lose, and how
 * stale the sidebar's view of a running job may be).
 */
const CHECKPOINT_EVERY_MS = 10_000;

const CURRENT_KEY = 'job.current';
const QUEUE_KEY = 'job.queue';
const HISTORY_KEY = 'job.history';
/** A job asked for while the lock was busy: one key per request (see above). */
const REQUEST_PREFIX = 'job.request.';

export interface QueuedJob {
  code: string;
  params: Record<string, string>;
  queuedAt: string;
}

export interface JobsView {
  current: JobState | null;
  /** Queued jobs, with the requests not yet taken into the queue (in their order). */
  queue: QueuedJob[];
  history: JobState[];
  /** Keys of the requests merged into `queue`: blank them when the queue is written. */
  requests: string[];
}

export type ChunkOutcome =
  /** Nothing to do (no job). */
  | { kind: 'idle' }
  /** Another execution holds the job lock. */
  | { kind: 'busy' }
  /** The chunk used its time; the job continues from the trigger. */
  | { kind: 'paused'; state: JobState }
  /** Every job that could run is finished (the last one is returned). */
  | { kind: 'finished'; state: JobState };

export type StartOutcome = { started: 'now' | 'queued' | 'already'; chunk: ChunkOutcome };

function parse<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function readJobs(ports: Pick<Ports, 'properties'>): JobsView {
  // One read of every property where the store can list them, rather than three.
  const all = ports.properties.all?.();
  const get = (key: string) => (all ? (all[key] ?? null) : ports.properties.get(key));
  const current = parse<JobState | null>(get(CURRENT_KEY), null);
  const queue = parse<QueuedJob[]>(get(QUEUE_KEY), []);
  const requests = Object.keys(all ?? {})
    .filter((key) => key.startsWith(REQUEST_PREFIX) && all?.[key])
    .sort();
  for (const key of requests) {
    const asked = parse<QueuedJob | null>(get(key), null);
    if (asked && !isQueued(current, queue, asked.code, asked.params)) queue.push(asked);
  }
  return { current, queue, history: parse<JobState[]>(get(HISTORY_KEY), []), requests };
}

/** Whether a job with this code and these parameters is running or queued. */
function isQueued(
  current: JobState | null,
  queue: readonly QueuedJob[],
  code: string,
  params: Record<string, string>,
): boolean {
  const key = JSON.stringify(params);
  const same = (c: string, p: Record<string, string>) => c === code && JSON.stringify(p) === key;
  return (
    (current !== null && current.status === 'running' && same(current.code, current.params)) ||
    queue.some((q) => same(q.code, q.params))
  );
}

/** The queue as written, with the requests it took blanked in the same write (queue first). */
function queueEntries(view: JobsView): Record<string, string> {
  const entries: Record<string, string> = { [QUEUE_KEY]: JSON.stringify(view.queue) };
  for (const key of view.requests) entries[key] = '';
  return entries;
}

/** Writes the queue (with the requests it took) now, in one call. */
function writeQueue(ports: Ports, view: JobsView): void {
  if (view.requests.length === 0) ports.properties.set(QUEUE_KEY, JSON.stringify(view.queue));
  else setEach(ports.properties, queueEntries(view));
}

/**
 * Starts a job: at once when none runs, else after the running and queued ones. A job with the
 * same code and parameters that is already running or queued is not added twice.
 */
export function startJob(
  ports: Ports,
  catalogue: ReadonlyMap<string, JobDefinition>,
  code: string,
  params: Record<string, string> = {},
): StartOutcome {
  if (!catalogue.has(code)) throw new Error(`unknown job ${code}`);
  const locked = ports.jobLock.withLock(LOCK_WAIT_MS, () => {
    const view = readJobs(ports);
    const running = view.current !== null && view.current.status === 'running';
    if (isQueued(view.current, view.queue, code, params)) {
      // Requests it took stay in their keys until the runner writes the queue.
      return { started: 'already' as const, running };
    }
    view.queue.push({ code, params, queuedAt: ports.clock.now().toISOString() });
    writeQueue(ports, view);
    return { started: running ? ('queued' as const) : ('now' as const), running };
  });
  if (!locked.ok) return request(ports, code, params);
  const { started, running } = locked.value;
  // Nothing runs (or a kill left the job only queued): work now, in this execution.
  if (!running) return { started, chunk: continueJob(ports, catalogue) };
  // A queued job runs when the current one ends; make sure something will wake it up.
  armContinuation(ports, CONTINUE_SOON_MS);
  return { started, chunk: { kind: 'busy' } };
}

/**
 * The job lock is busy (a chunk runs): the job is asked for under a key of its own, read by
 * the runner at its next look (see the top of this file), and a continuation trigger is made
 * unless one exists (the runner removes its own only before its last look).
 */
function request(ports: Ports, code: string, params: Record<string, string>): StartOutcome {
  const busy = { kind: 'busy' } as const;
  // Read without the lock: what was written durably. A job queued or running is not asked again.
  const view = readJobs(ports);
  if (isQueued(view.current, view.queue, code, params)) return { started: 'already', chunk: busy };
  const now = ports.clock.now();
  // Keys sort in the order asked.
  const id = timeToken(ports.clock);
  const asked: QueuedJob = { code, params, queuedAt: now.toISOString() };
  ports.properties.set(REQUEST_PREFIX + id, JSON.stringify(asked));
  if (!ports.triggers.list().some((t) => t.handler === CONTINUE_JOB_HANDLER))
    ports.triggers.once(CONTINUE_JOB_HANDLER, CONTINUE_SOON_MS);
  return { started: 'queued', chunk: busy };
}

/** One chunk of work: the entry point of the `continueJob` trigger and of «Продолжить». */
export function continueJob(
  ports: Ports,
  catalogue: ReadonlyMap<string, JobDefinition>,
): ChunkOutcome {
  const startedMs = ports.clock.now().getTime();
  const locked = ports.jobLock.withLock(LOCK_WAIT_MS, () => runChunk(ports, catalogue, startedMs));
  return locked.ok ? locked.value : { kind: 'busy' };
}

/** The runner's writes of one chunk, held until something must be durable (see above). */
class Held {
  private entries: Record<string, string> = {};
  private writtenMs: number;

  constructor(private readonly ports: Ports) {
    this.writtenMs = ports.clock.now().getTime();
  }

  put(entries: Record<string, string>): void {
    Object.assign(this.entries, entries);
    if (this.ports.clock.now().getTime() - this.writtenMs >= CHECKPOINT_EVERY_MS) this.write();
  }

  /** Writes what is held and `extra` now, in one call. */
  write(extra: Record<string, string> = {}): void {
    setEach(this.ports.properties, { ...this.entries, ...extra });
    this.entries = {};
    this.writtenMs = this.ports.clock.now().getTime();
  }
}

function save(ports: Ports, state: JobState, held: Held): void {
  state.updatedAt = ports.clock.now().toISOString();
  held.put({ [CURRENT_KEY]: JSON.stringify(state) });
}

/** Removes every continuation trigger, then sets one to fire `afterMs` from now. */
function armContinuation(ports: Ports, afterMs: number): void {
  disarm(ports);
  ports.triggers.once(CONTINUE_JOB_HANDLER, afterMs);
}

function disarm(ports: Ports): void {
  // One look at the triggers (not a list, then a look for each one removed).
  ports.triggers.remove(CONTINUE_JOB_HANDLER);
}

function newState(ports: Ports, def: JobDefinition, queued: QueuedJob): JobState {
  const now = ports.clock.now().toISOString();
  const first = def.steps[0];
  return {
    id: `${def.code}-${ports.clock.now().getTime().toString(36)}`,
    code: def.code,
    title: def.title,
    params: queued.params,
    status: 'running',
    step: 0,
    stepCode: first?.code ?? '',
    stepTitle: first?.title ?? '',
    steps: def.steps.length,
    lastItem: null,
    stepDone: 0,
    stepTotal: 0,
    done: 0,
    startedAt: now,
    updatedAt: now,
    executions: 0,
    notes: {},
  };
}

function contextOf(
  ports: Ports,
  state: JobState,
  memo: Map<string, unknown>,
  held: Held,
): JobContext {
  return {
    id: state.id,
    params: state.params,
    startedAt: new Date(state.startedAt),
    memo<T>(key: string, make: () => T): T {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as T;
    },
    note: (key) => state.notes[key],
    setNote(key, value, later) {
      state.notes[key] = value;
      save(ports, state, held);
      if (!later) held.write();
    },
    persist: (entries) => held.write(entries),
    hold: (entries) => held.put(entries),
  };
}

function finish(
  ports: Ports,
  def: JobDefinition,
  state: JobState,
  status: JobStatus,
  message: string | undefined,
  held: Held,
): void {
  state.status = status;
  state.finishedAt = ports.clock.now().toISOString();
  state.message = message;
  const history = readJobs(ports).history;
  history.unshift(state);
  // With what is held (the queue taken from, what steps kept): one write.
  held.write({
    [HISTORY_KEY]: JSON.stringify(history.slice(0, HISTORY_SIZE)),
    [CURRENT_KEY]: '',
  });
  const line = JOBS_TEXT.journalLine(def.title, JOBS_TEXT.status[status], message ?? '');
  journal(ports, JOBS_TEXT.journalEvent, line);
}

function runChunk(
  ports: Ports,
  catalogue: ReadonlyMap<string, JobDefinition>,
  startedMs: number,
): ChunkOutcome {
  const memo = new Map<string, unknown>();
  const held = new Held(ports);
  let last: JobState | null = null;
  // True when the trigger was removed and none armed since: the read below is the last look.
  let disarmed = false;
  for (;;) {
    const view = readJobs(ports);
    // Requests taken into the queue: written, their keys blanked, with the runner's next write.
    if (view.requests.length > 0) held.put(queueEntries(view));
    let state = view.current && view.current.status === 'running' ? view.current : null;
    if (!state) {
      if (view.queue.length === 0) {
        if (!disarmed) {
          lastLook(ports);
          disarmed = true;
          continue;
        }
        held.write();
        return last ? { kind: 'finished', state: last } : { kind: 'idle' };
      }
      if (last && ports.clock.now().getTime() - startedMs > CHUNK_BUDGET_MS) {
        // The next queued job starts in a fresh execution.
        armContinuation(ports, CONTINUE_SOON_MS);
        held.write();
        return { kind: 'finished', state: last };
      }
      const next = view.queue.shift() as QueuedJob;
      const def = catalogue.get(next.code);
      if (!def) {
        held.write(queueEntries(view));
        continue;
      }
      // Held with the job's first checkpoint: a kill before they are written leaves the job
      // queued (or asked for), and the watchdog armed below starts it again.
      held.put(queueEntries(view));
      state = newState(ports, def, next);
      memo.clear();
    }
    const def = catalogue.get(state.code);
    if (!def) {
      ports.properties.set(CURRENT_KEY, '');
      continue;
    }
    // The watchdog first: if this execution dies anywhere below, the job still goes on.
    armContinuation(ports, WATCHDOG_MS);
    disarmed = false;
    state.executions += 1;
    save(ports, state, held);
    const ctx = contextOf(ports, state, memo, held);
    const outcome = runSteps(ports, def, state, ctx, startedMs, held);
    if (outcome === 'paused') {
      armContinuation(ports, CONTINUE_SOON_MS);
      return { kind: 'paused', state };
    }
    last = state;
    // Nothing was queued after it: the trigger goes now, so the read at the top is the last look.
    if (view.queue.length === 0) {
      lastLook(ports);
      disarmed = true;
    }
  }
}

/**
 * Removes the continuation trigger before the runner's last read of the jobs: a request
 * written before that read is seen; one written after it makes its own trigger, which stays.
 */
function lastLook(ports: Ports): void {
  disarm(ports);
  // A store that keeps what it read (the add-on's state sheet) reads again.
  ports.properties.invalidate?.();
}

/** Runs steps until the job ends ('ended', state finished) or the time is up ('paused'). */
function runSteps(
  ports: Ports,
  def: JobDefinition,
  state: JobState,
  ctx: JobContext,
  startedMs: number,
  held: Held,
): 'paused' | 'ended' {
  try {
    while (state.step < def.steps.length) {
      const step = def.steps[state.step];
      state.stepCode = step.code;
      state.stepTitle = step.title;
      const items = step.items(ports, ctx);
      let i = state.lastItem === null ? 0 : items.indexOf(state.lastItem) + 1;
      state.stepTotal = state.stepDone + (items.length - i);
      for (; i < items.length; i += 1) {
        if (ports.clock.now().getTime() - startedMs > CHUNK_BUDGET_MS) {
          save(ports, state, held);
          held.write();
          return 'paused';
        }
        const stop = step.run(ports, items[i], ctx);
        state.lastItem = items[i];
        state.stepDone += 1;
        state.done += 1;
        if (typeof stop === 'string') {
          finish(ports, def, state, 'stopped', stop, held);
          return 'ended';
        }
        // The last item's checkpoint is the step's own, just below.
        if (i < items.length - 1) save(ports, state, held);
      }
      state.step += 1;
      state.lastItem = null;
      state.stepDone = 0;
      state.stepTotal = 0;
      // The checkpoint names the step it is at (the sidebar shows it), not the one just done.
      const next = def.steps[state.step];
      if (next) {
        state.stepCode = next.code;
        state.stepTitle = next.title;
      }
      save(ports, state, held);
    }
    finish(ports, def, state, 'done', def.summary?.(ports, ctx), held);
    return 'ended';
  } catch (error) {
    // A step failed (not a kill: a killed execution cannot get here and write). The job ends
    // as failed with the reason, and the error still reaches the executions log (or the
    // user). It can be started again: its steps are idempotent.
    finish(
      ports,
      def,
      state,
      'failed',
      String(error instanceof Error ? error.message : error),
      held,
    );
    // The jobs queued or asked for after it still run, from a trigger (this chunk ends here).
    lastLook(ports);
    if (readJobs(ports).queue.length > 0)
      ports.triggers.once(CONTINUE_JOB_HANDLER, CONTINUE_SOON_MS);
    throw error;
  }
}
