/**
 * Recompute and the analytical report as long jobs: each output sheet is a step, so a large
 * municipality's recompute continues in a fresh execution instead of hitting the time limit.
 * The computation is redone in memory in each execution (reading is cheap, writing is not).
 *
 * The report first brings the output sheets up to date from the same computation (recompute's
 * steps), then writes the document: its figures always equal the sheets' (a report beside
 * stale sheets could disagree with them), and one click gives both. Per execution the inputs
 * are read once and the core runs once (ctx.memo).
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
import { OutputMemory } from '../outputMemory';

export const RECOMPUTE_JOB_CODE = 'recompute';
export const REPORT_JOB_CODE = 'report';

function computation(ports: Ports, ctx: JobContext): Computation {
  return ctx.memo('monitoring.computation', () => {
    upgradeRulesSheet(ports); // once per spreadsheet (rev 2 defaults)
    return compute(ports, ctx.params.period || undefined);
  });
}

const one = () => ['all'];

/**
 * The output tables and what the sheets hold (once per execution): sheets whose last write
 * is remembered are not read; their memory is dropped durably before any sheet is written
 * (with the runner's checkpoint, one write), so a write cut short never leaves a memory that
 * no longer describes the sheet.
 */
function outputs(ports: Ports, ctx: JobContext) {
  return ctx.memo('monitoring.outputs', () => {
    const done = computation(ports, ctx);
    const memory = OutputMemory.load(ports.properties);
    const prepared = prepareOutputs(ports, done, memory);
    const forgetting = memory.forgetting();
    if (Object.keys(forgetting).length > 0) ctx.persist(forgetting);
    return { done, memory, prepared };
  });
}

function outputStep(which: RecomputeOutput, title: string): JobStep {
  return {
    code: which,
    title,
    items: one,
    run(ports, _item, ctx) {
      const { done, memory, prepared } = outputs(ports, ctx);
      writeOutput(ports, done, which, prepared, memory);
      // Kept with the runner's next write, after this sheet's.
      ctx.hold(memory.take());
    },
  };
}

const OUTPUT_STEPS: readonly JobStep[] = [
  outputStep('indicators', JOBS_TEXT.stepIndicators),
  outputStep('summary', JOBS_TEXT.stepSummary),
  outputStep('dynamics', JOBS_TEXT.stepDynamics),
  outputStep('notResponded', JOBS_TEXT.stepNotResponded),
  outputStep('recommendations', JOBS_TEXT.stepRecommendations),
  outputStep('formulas', JOBS_TEXT.stepFormulas),
  outputStep('registryHistory', JOBS_TEXT.stepRegistryHistory),
  outputStep('charts', JOBS_TEXT.stepCharts),
];

/**
 * Last before the job ends: an append is not idempotent, and a kill after it loses the
 * checkpoints the runner holds (up to 10 s), so no long step may follow it.
 */
const JOURNAL_STEP: JobStep = {
  code: 'journal',
  title: JOBS_TEXT.stepJournal,
  items: one,
  run: (ports, _item, ctx) => journalRecompute(ports, computation(ports, ctx)),
};

const RECOMPUTE_STEPS: readonly JobStep[] = [...OUTPUT_STEPS, JOURNAL_STEP];

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
  // The output sheets brought up to date first (recompute's steps), then the document; the
  // recompute's journal line last (see JOURNAL_STEP).
  steps: [
    ...OUTPUT_STEPS,
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
        // With the job's last checkpoint: lost in a kill, the step runs again and finds the
        // document by its note.
        ctx.hold({ [dayKey]: doc.id });
        ctx.setNote(URL_NOTE, doc.url, true);
      },
    },
    JOURNAL_STEP,
  ],
  summary: (_ports, ctx) => JOBS_TEXT.reportReady(ctx.note(URL_NOTE) ?? ''),
};
