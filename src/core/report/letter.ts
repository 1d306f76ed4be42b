/**
 * The letter to one school (domain spec §8): its indicators beside its last period's and the
 * municipal values, its status and the criterion behind it, its «500+» risks in words, at most
 * five recommendations then «Дополнительно», its leader school, the next deadline.
 */
import type { MonitoringResult, SchoolResult } from '../monitoring';
import { median } from '../compute/stats';
import { FIELDS } from '../catalogue';
import { formatIndex as idx, formatIsb, formatPercent, periodText } from '../text';
import type { ReportBlock, ReportModel } from './model';
import { typesetBlock } from './build';
import { recommendationTexts, riskWords, schoolNamer, statusWord } from './words';
import { LETTER as L, REPORT_DOC as R } from './wording';

export interface LetterContext {
  issuer?: string;
  municipality: string;
  date: string;
  /** The next period's deadline, formatted; empty when unknown. */
  nextDeadline: string;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Shares a school can act on, shown with the municipal mean. */
const SHARE_ROWS = [
  'teachers_diagnosed',
  'teachers_with_iom',
  'teachers_trained_by_request',
  'students_in_projects',
  'students_not_attested',
] as const;

function why(s: SchoolResult): string {
  const reasons: string[] = [];
  if (s.official_status) reasons.push(L.whyOfficial);
  if (s.computed_status.includes('ШНОР')) reasons.push(L.whyResults);
  if (s.computed_status.includes('ШНСУ')) reasons.push(L.whyIsb);
  return reasons.join('; ');
}

/** What every letter of one result shares: worked out once, not once per school. */
interface Municipal {
  namer: (s: SchoolResult) => string;
  names: Map<string, string>;
  resultsMedian: number | null;
  isbMedian: number | null;
  shareMeans: Map<string, number | null>;
}

const municipalOf = new WeakMap<MonitoringResult, Municipal>();

function municipal(result: MonitoringResult): Municipal {
  const known = municipalOf.get(result);
  if (known) return known;
  const values = (pick: (s: SchoolResult) => number | null) =>
    result.schools.map(pick).filter((v): v is number => v !== null);
  const figures: Municipal = {
    namer: schoolNamer(result.schools),
    names: new Map(result.schools.map((s) => [s.school_id, s.name])),
    resultsMedian: median(values((s) => s.results_index)),
    isbMedian: median(values((s) => s.isb)),
    shareMeans: new Map(
      SHARE_ROWS.map((code) => [code, mean(values((s) => s.shares[code] ?? null))]),
    ),
  };
  municipalOf.set(result, figures);
  return figures;
}

export function buildLetter(
  result: MonitoringResult,
  school: SchoolResult,
  ctx: LetterContext,
): ReportModel {
  const mun = municipal(result);
  const name = mun.namer(school);
  const period = periodText(result.period);
  const previous = result.previousPeriod ? periodText(result.previousPeriod) : null;
  const row = (label: string, cur: string, prev: string, mun: string) =>
    previous ? [label, cur, prev, mun] : [label, cur, mun];
  const rows: string[][] = [
    row(
      L.rows.results,
      idx(school.results_index),
      idx(school.results_index_prev),
      idx(mun.resultsMedian),
    ),
    row(L.rows.isb, formatIsb(school.isb), formatIsb(school.isb_prev), formatIsb(mun.isbMedian)),
    row(
      L.rows.status,
      statusWord(school),
      school.status_prev === null
        ? R.dash
        : statusWord({
            ...school,
            status: school.status_prev,
            computed_status: school.status_prev,
          }),
      R.dash,
    ),
  ];
  for (const code of SHARE_ROWS) {
    const field = FIELDS.find((f) => f.code === code);
    const own = school.shares[code];
    if (!field || own === undefined || own === null) continue;
    const share = mun.shareMeans.get(code) ?? null;
    rows.push(
      row(
        field.label,
        formatPercent(Math.round(own * 1000) / 10),
        R.dash,
        share === null ? R.dash : formatPercent(Math.round(share * 1000) / 10),
      ),
    );
  }
  const { main, more } = recommendationTexts.forResult(result)(school);
  const blocks: ReportBlock[] = [
    { kind: 'issuer', lines: [ctx.issuer || R.issuerDefault, ctx.municipality].filter(Boolean) },
    { kind: 'dateline', text: R.dateline(ctx.date, '') },
    { kind: 'addressee', lines: [L.to(name)] },
    { kind: 'title', text: L.heading(period) },
    { kind: 'paragraph', text: L.opening(name, period) },
    {
      kind: 'paragraph',
      text: school.flagged ? L.statusFlagged(statusWord(school), why(school)) : L.statusNone,
    },
    { kind: 'heading', level: 2, text: L.indicatorsTitle },
    {
      kind: 'table',
      header: L.indicatorsHeader(period, previous),
      rows,
      widths: previous ? [46, 18, 18, 18] : [58, 21, 21],
      align: ['left', 'right', 'right', 'right'],
    },
    { kind: 'paragraph', text: L.municipalNote, italic: true },
    { kind: 'heading', level: 2, text: L.risksTitle },
  ];
  const risks = riskWords(school);
  blocks.push(
    risks.length > 0 ? { kind: 'list', items: risks } : { kind: 'paragraph', text: L.noRisks },
  );
  blocks.push({ kind: 'heading', level: 2, text: L.recommendationsTitle });
  if (main.length === 0) blocks.push({ kind: 'paragraph', text: L.noRecommendations });
  else {
    main.forEach((t, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}. ${t}` }));
    if (more.length > 0)
      blocks.push(
        { kind: 'paragraph', text: L.additional, bold: true },
        { kind: 'list', items: more },
      );
  }
  const leaders = school.leader_suggestions.map((id) => mun.names.get(id) ?? id);
  if (school.flagged && leaders.length > 0)
    blocks.push({ kind: 'paragraph', text: L.leader(leaders.join(', ')) });
  blocks.push({
    kind: 'paragraph',
    text: ctx.nextDeadline ? L.deadline(ctx.nextDeadline) : L.deadlineUnknown,
  });
  blocks.push({ kind: 'signature', lines: R.signature(ctx.issuer || R.issuerDefault) });
  return {
    title: L.title(name),
    blocks: blocks.map(typesetBlock),
  };
}
