/**
 * The report's section on the effect of last period's measures (domain spec §8, `Меры`): for
 * each school with measures, how its indices and status changed; the share of the schools
 * flagged in the previous period that have a completed measure.
 */
import type { MonitoringResult, SchoolResult } from '../monitoring';
import type { Measure } from '../measures';
import { MEASURE_STATES } from '../measures';
import { NOUNS } from '../messages';
import { countWithNoun, dayText, formatNumber, formatPercent, roundPercent } from '../text';
import type { ReportBlock } from './model';
import { statusWord } from './words';
import { REPORT_DOC as R } from './wording';

const idx = (v: number | null) => (v === null ? R.dash : formatNumber(Math.round(v * 100) / 100));

function change(before: number | null, after: number | null): string {
  if (before === null && after === null) return R.dash;
  return `${idx(before)} → ${idx(after)}`;
}

export function measuresBlocks(
  result: MonitoringResult,
  measures: readonly Measure[],
  name: (s: SchoolResult) => string,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: R.measuresHeading }];
  const byId = new Map(result.schools.map((s) => [s.school_id, s]));
  const known = measures.filter((m) => byId.has(m.school_id));
  if (known.length === 0) {
    blocks.push({ kind: 'paragraph', text: R.noMeasures });
    return blocks;
  }
  const previousFlagged = result.schools.filter((s) =>
    s.status_prev === null ? s.flagged : s.status_prev !== '',
  );
  const done = new Set(known.filter((m) => m.state === 'done').map((m) => m.school_id));
  const withDone = previousFlagged.filter((s) => done.has(s.school_id));
  blocks.push({
    kind: 'paragraph',
    text: R.measuresShare(
      String(withDone.length),
      countWithNoun(previousFlagged.length, NOUNS.schoolGen),
      formatPercent(roundPercent(withDone.length, previousFlagged.length)),
    ),
  });
  const schools = [...new Set(known.map((m) => m.school_id))].map(
    (id) => byId.get(id) as SchoolResult,
  );
  const prevWord = (s: SchoolResult) =>
    s.status_prev === null
      ? R.dash
      : statusWord({ ...s, status: s.status_prev, computed_status: s.status_prev });
  blocks.push(
    { kind: 'paragraph', text: R.measuresTableTitle, italic: true },
    {
      kind: 'table',
      header: R.measuresHeader,
      widths: [24, 34, 14, 14, 14],
      align: ['left', 'left', 'left', 'left', 'left'],
      rows: schools.map((s) => [
        name(s),
        known
          .filter((m) => m.school_id === s.school_id)
          .map((m) =>
            R.measureItem(
              m.measure,
              m.state ? MEASURE_STATES[m.state] : R.dash,
              m.deadline ? dayText(m.deadline) : '',
            ),
          )
          .join('\n'),
        change(s.results_index_prev, s.results_index),
        change(s.isb_prev, s.isb),
        `${prevWord(s)} → ${statusWord(s)}`,
      ]),
    },
  );
  return blocks;
}
