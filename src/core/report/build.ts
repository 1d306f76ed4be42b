/**
 * The analytical report (domain spec §8) as a model, written from the monitoring result in the
 * order of the management cycle: goals and methods, participation, the summary beside the
 * previous period, schools by status with the charts, conclusions, recommendations by
 * addressee, the effect of last period's measures, decisions to take, the signature block,
 * and an annex with one row per flagged school. Every school the text speaks of is named.
 */
import type { IndicatorResult, MonitoringResult, SchoolResult } from '../monitoring';
import { NOUNS, REPORT } from '../messages';
import {
  dayText,
  countWithNoun,
  formatIndex,
  formatIsb,
  formatNumber,
  formatPercent,
  formatPp,
  periodText,
  roundPercent,
  typeset,
} from '../text';
import type { Measure } from '../measures';
import type { ReportBlock, ReportModel } from './model';
import { isbResultsChart, statusChart } from './charts';
import { REPORT_DOC as R } from './wording';
import { hasFlag, VPR_INFLATION } from '../compute/objectivity';
import { addresseeKind } from '../rules/addressee';
import { renderForMunicipality } from '../rules/targeting';
import { DYNAMICS } from '../words';
import {
  joinNames,
  objectivityWords,
  recommendationTexts,
  riskWords,
  schoolNamer,
  statusWord,
} from './words';
import { measuresBlocks } from './measuresSection';
import { methodologySection } from './methodology';
import type { Settings } from '../types';

export interface ReportContext {
  municipality: string;
  /** The issuing body (setting `report_issuer`); the default names the methodological service. */
  issuer?: string;
  /** The date line, already formatted (`20.06.2022`). */
  date: string;
  /** Where the data came from: the Google Form, or files processed offline. */
  source?: 'form' | 'files';
  /** Run on files by the offline command (the same as `source: 'files'`). */
  offline?: boolean;
  settings?: Readonly<Record<string, string | number | boolean>>;
  rejectedCount: number;
  /** Responses waiting for the inspector (no or a wrong access code). */
  heldCount: number;
  inputWarnings: readonly string[];
  measures?: readonly Measure[];
}

export function buildReport(result: MonitoringResult, ctx: ReportContext): ReportModel {
  const period = periodText(result.period);
  const title = R.title(period);
  const issuer = ctx.issuer || R.issuerDefault;
  const name = schoolNamer(result.schools);
  const blocks: ReportBlock[] = [
    { kind: 'issuer', lines: [issuer, ctx.municipality].filter(Boolean) },
    { kind: 'title', text: title },
    { kind: 'dateline', text: R.dateline(ctx.date, '') },
    ...goalBlocks(ctx, issuer, result.period),
    ...participationBlocks(result, ctx, name),
    ...summaryBlocks(result),
    ...statusBlocks(result, name),
    ...conclusionBlocks(result, name),
    ...recommendationBlocks(result, name),
    ...measuresBlocks(result, ctx.measures ?? [], name),
    ...decisionBlocks(result, ctx, name),
  ];
  const warnings = [...ctx.inputWarnings, ...result.warnings, ...result.ruleErrors];
  if (warnings.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: R.warningsHeading },
      { kind: 'list', items: warnings },
    );
  }
  blocks.push({ kind: 'signature', lines: [...R.signature(issuer), ...R.executor(ctx.date)] });
  blocks.push(...annexBlocks(result, name));
  return { title, blocks: blocks.map(typesetBlock) };
}

/** Non-breaking spaces and dashes of Russian typography in every visible string. */
export function typesetBlock(block: ReportBlock): ReportBlock {
  switch (block.kind) {
    case 'issuer':
    case 'addressee':
    case 'signature':
      return { ...block, lines: block.lines.map(typeset) };
    case 'title':
    case 'dateline':
    case 'heading':
    case 'paragraph':
      return { ...block, text: typeset(block.text) };
    case 'list':
      return { ...block, items: block.items.map(typeset) };
    case 'table':
      return {
        ...block,
        header: block.header.map(typeset),
        rows: block.rows.map((r) => r.map(typeset)),
      };
    case 'chart':
      return { ...block, caption: typeset(block.caption) };
    default:
      return block;
  }
}

function goalBlocks(ctx: ReportContext, issuer: string, period: string): ReportBlock[] {
  // Criteria and thresholds in force come from the methodology section (issue 10).
  const methodology = ctx.settings ? methodologySection(ctx.settings as Settings, period) : [];
  return [
    { kind: 'heading', level: 1, text: R.goalsHeading },
    { kind: 'paragraph', text: R.goal },
    ...methodology.filter((b) => b.kind !== 'heading'),
    {
      kind: 'paragraph',
      text: ctx.source === 'files' || ctx.offline ? R.sourceFiles(issuer) : R.sourceForm(issuer),
    },
  ];
}

function participationBlocks(
  result: MonitoringResult,
  ctx: ReportContext,
  name: (s: SchoolResult) => string,
): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: R.participationHeading },
    {
      kind: 'paragraph',
      text: R.participation(
        String(result.responded),
        countWithNoun(result.schoolsTotal, NOUNS.schoolGen),
        formatPercent(roundPercent(result.responded, result.schoolsTotal)),
      ),
    },
  ];
  const byId = new Map(result.schools.map((s) => [s.school_id, s]));
  const silent = result.notResponded.map((id) => byId.get(id)).filter(Boolean) as SchoolResult[];
  blocks.push({
    kind: 'paragraph',
    text: silent.length > 0 ? R.notResponded(joinNames(silent.map(name))) : R.allResponded,
  });
  if (ctx.rejectedCount > 0)
    blocks.push({
      kind: 'paragraph',
      text: R.rejected(countWithNoun(ctx.rejectedCount, NOUNS.response)),
    });
  if (ctx.heldCount > 0)
    blocks.push({ kind: 'paragraph', text: R.held(countWithNoun(ctx.heldCount, NOUNS.response)) });
  return blocks;
}

const SECTION_TITLES: Record<number, string> = {
  1: '1. Выявление ШНОР и ШНСУ',
  2: '2. Динамика',
  3: '3. Педагоги: диагностика и повышение квалификации',
  4: '4. Методическая помощь',
  5: '5. Профилактика неуспешности',
  6: '6. Мониторинг рисков',
  7: '7. Результаты ШНОР/ШНСУ и остальных школ: разрыв, п.п.',
};

function isGap(ind: IndicatorResult): boolean {
  return ind.code.startsWith('gap_');
}

/** One row of Table 1; a gap is shown in п.п. with both groups' shares, never as «%». */
function indicatorRow(ind: IndicatorResult, withPrevious: boolean): string[] {
  const pct = (v: number | null) => (isGap(ind) ? formatPp(v) : formatPercent(v));
  const title = ind.note ? `${ind.title} (${ind.note})` : ind.title;
  const row = [
    title,
    ind.value !== null || isGap(ind)
      ? R.dash
      : ind.count === null
        ? R.dash
        : formatNumber(ind.count),
    ind.denominator === null || isGap(ind) ? R.dash : formatNumber(ind.denominator),
    ind.value ?? pct(ind.percent),
  ];
  if (withPrevious)
    row.push(
      ind.value ? R.dash : pct(ind.previous_percent),
      ind.value ? R.dash : formatPp(ind.change_pp),
    );
  return row;
}

function summaryBlocks(result: MonitoringResult): ReportBlock[] {
  const withPrevious = result.previousPeriod !== null;
  const period = periodText(result.period);
  const previous = result.previousPeriod ? periodText(result.previousPeriod) : null;
  const rows: string[][] = [];
  const sections = [...new Set(result.indicators.map((i) => i.section))].sort((a, b) => a - b);
  const width = withPrevious ? 6 : 4;
  for (const section of sections) {
    rows.push([SECTION_TITLES[section] ?? String(section), ...Array(width - 1).fill('')]);
    for (const ind of result.indicators.filter((i) => i.section === section))
      rows.push(indicatorRow(ind, withPrevious));
  }
  return [
    { kind: 'heading', level: 1, text: R.summaryHeading },
    { kind: 'paragraph', text: R.summaryIntro(period, previous), italic: true },
    {
      kind: 'table',
      header: R.summaryHeader(period, previous),
      rows,
      widths: withPrevious ? [48, 9, 6, 12, 12, 13] : [62, 12, 10, 16],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
    },
  ];
}

function statusBlocks(result: MonitoringResult, name: (s: SchoolResult) => string): ReportBlock[] {
  const flagged = result.schools.filter((s) => s.flagged);
  const withPrevious = result.previousPeriod !== null;
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: R.statusHeading }];
  if (flagged.length === 0) blocks.push({ kind: 'paragraph', text: R.noFlagged });
  else {
    blocks.push(
      {
        kind: 'paragraph',
        text: R.statusIntro(
          String(flagged.length),
          countWithNoun(result.schoolsTotal, NOUNS.schoolGen),
        ),
      },
      { kind: 'paragraph', text: R.statusTableTitle, italic: true },
      {
        kind: 'table',
        header: R.statusHeader(withPrevious),
        widths: withPrevious ? [5, 36, 24, 13, 9, 13] : [6, 46, 25, 14, 9],
        align: ['right', 'left', 'left', 'right', 'right', 'left'],
        rows: flagged.map((s, i) => {
          const row = [
            String(i + 1),
            name(s),
            statusWord(s),
            formatIndex(s.results_index),
            formatIsb(s.isb),
          ];
          if (withPrevious) row.push(s.dynamics ? DYNAMICS.show(s.dynamics) : R.dash);
          return row;
        }),
      },
    );
  }
  const risk = result.schools.filter((s) => s.risk_zone);
  blocks.push({
    kind: 'paragraph',
    text: risk.length > 0 ? R.riskZone(joinNames(risk.map(name))) : R.noRiskZone,
  });
  const resilient = result.schools.filter((s) => s.resilient);
  if (resilient.length > 0)
    blocks.push({ kind: 'paragraph', text: R.resilient(joinNames(resilient.map(name))) });
  const objective = result.schools.filter((s) => s.objectivity_flags.length > 0);
  if (objective.length === 0) blocks.push({ kind: 'paragraph', text: R.noObjectivity });
  else
    blocks.push(
      { kind: 'paragraph', text: R.objectivity },
      {
        kind: 'list',
        items: objective.map((s) => `${name(s)}: ${objectivityWords(s.objectivity_flags)}`),
      },
    );
  const effective = result.schools.filter((s) => s.effective_mode);
  if (effective.length > 0)
    blocks.push({ kind: 'paragraph', text: R.effective(joinNames(effective.map(name))) });
  const noIndex = result.schools.filter((s) => s.responded && s.results_index === null);
  if (noIndex.length > 0)
    blocks.push({ kind: 'paragraph', text: R.noIndex(joinNames(noIndex.map(name))) });

  const scatter = isbResultsChart(result);
  let figure = 0;
  if (scatter) {
    figure += 1;
    blocks.push({ kind: 'chart', chart: scatter, caption: R.figure(figure, scatter.title) });
    const xs = result.schools.filter((s) => s.isb !== null && s.results_index !== null);
    const mx = medianOf(xs.map((s) => s.isb as number));
    const my = medianOf(xs.map((s) => s.results_index as number));
    const lowLeft = xs.filter((s) => (s.isb as number) < mx && (s.results_index as number) < my);
    if (lowLeft.length > 0)
      blocks.push({ kind: 'paragraph', text: R.chartReading(joinNames(lowLeft.map(name))) });
  }
  const statuses = statusChart(result);
  figure += 1;
  blocks.push({ kind: 'chart', chart: statuses, caption: R.figure(figure, statuses.title) });
  return blocks;
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function conclusionBlocks(
  result: MonitoringResult,
  name: (s: SchoolResult) => string,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: R.conclusionsHeading }];
  const entered = result.schools.filter((s) => s.dynamics === 'entered');
  // A school that did not respond has not left the lists (domain spec §6, rev 2).
  const left = result.schools.filter((s) => s.dynamics === 'left' && s.responded);
  const items: string[] = [];
  if (result.previousPeriod === null) {
    blocks.push({ kind: 'paragraph', text: R.noPrevious });
  } else {
    const changes = result.indicators
      .filter((i) => i.change_pp !== null && i.change_pp !== 0 && i.value === null)
      .sort((a, b) => Math.abs(b.change_pp as number) - Math.abs(a.change_pp as number))
      .slice(0, 5);
    if (changes.length > 0) {
      blocks.push({ kind: 'paragraph', text: R.largestChanges });
      blocks.push({
        kind: 'list',
        items: changes.map((c) => {
          const fmt = (v: number | null) => (isGap(c) ? formatPp(v) : formatPercent(v));
          const base = R.change(
            c.title,
            fmt(c.previous_percent),
            fmt(c.percent),
            formatPp(c.change_pp),
          );
          const reason = reasonOf(c, entered, left, name);
          return reason ? `${base}: ${reason}` : base;
        }),
      });
    }
    items.push(entered.length > 0 ? R.entered(joinNames(entered.map(name))) : R.noneEntered);
    items.push(left.length > 0 ? R.left(joinNames(left.map(name))) : R.noneLeft);
    const silent = result.schools.filter(
      (s) => !s.responded && s.status_prev !== null && s.status_prev !== '',
    );
    if (silent.length > 0) items.push(R.noData(joinNames(silent.map(name))));
  }
  const mismatched = result.schools.filter((s) => s.status_mismatch);
  items.push(
    mismatched.length > 0
      ? R.mismatch(
          mismatched
            .map((s) =>
              R.mismatchItem(name(s), s.official_status || R.none, s.computed_status || R.none),
            )
            .join('; '),
        )
      : R.noMismatch,
  );
  blocks.push({ kind: 'list', items });
  return blocks;
}

/** Why a share of flagged schools changed: the schools that entered and left the lists. */
function reasonOf(
  ind: IndicatorResult,
  entered: SchoolResult[],
  left: SchoolResult[],
  name: (s: SchoolResult) => string,
): string {
  if (
    ![
      'share_flagged',
      'share_shnor',
      'share_shnsu',
      'share_entered_lists',
      'share_left_lists',
    ].includes(ind.code)
  )
    return '';
  const parts: string[] = [];
  if (entered.length > 0) parts.push(R.becauseEntered(joinNames(entered.map(name))));
  if (left.length > 0) parts.push(R.becauseLeft(joinNames(left.map(name))));
  return parts.join('; ');
}

function recommendationBlocks(
  result: MonitoringResult,
  name: (s: SchoolResult) => string,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: R.recommendationsHeading }];
  const applied = result.recommendations.filter((r) => r.school_ids.length > 0);
  if (applied.length === 0) {
    blocks.push({ kind: 'paragraph', text: R.noRecommendations });
    return blocks;
  }
  for (const group of ['founder', 'service', 'school'] as const) {
    const rules = applied.filter((r) => addresseeKind(r.addressee) === group);
    if (rules.length === 0) continue;
    blocks.push(
      { kind: 'heading', level: 2, text: R.addressees[group] },
      {
        kind: 'list',
        items: rules.map((r) =>
          R.ruleLine(
            renderForMunicipality(r.text, R.leadersInAnnex).replace(/[.;]\s*$/, ''),
            schoolsText(
              r.school_ids,
              result.schools.filter((s) => s.responded),
              name,
            ),
          ),
        ),
      },
    );
  }
  return blocks;
}

/** The schools a rule applies to; when they are most of the schools, those it does not. */
function schoolsText(
  ids: readonly string[],
  schools: readonly SchoolResult[],
  name: (s: SchoolResult) => string,
): string {
  const set = new Set(ids);
  const inside = schools.filter((s) => set.has(s.school_id));
  const outside = schools.filter((s) => !set.has(s.school_id));
  if (inside.length > 8 && outside.length < inside.length / 2)
    return outside.length === 0 ? R.allSchools : R.allSchoolsBut(joinNames(outside.map(name)));
  return joinNames(inside.map(name));
}

function decisionBlocks(
  result: MonitoringResult,
  ctx: ReportContext,
  name: (s: SchoolResult) => string,
): ReportBlock[] {
  const names = (list: SchoolResult[]) => joinNames(list.map(name));
  const flagged = result.schools.filter((s) => s.flagged);
  const decisions: string[] = [];
  if (flagged.length > 0) decisions.push(R.decisionPlan(names(flagged)));
  const noLeader = flagged.filter((s) => s.leader_suggestions.length > 0);
  if (noLeader.length > 0) decisions.push(R.decisionLeaders(names(noLeader)));
  const objective = result.schools.filter((s) => hasFlag(s.objectivity_flags, VPR_INFLATION));
  if (objective.length > 0) decisions.push(R.decisionObjectivity(names(objective)));
  const risk = result.schools.filter((s) => s.risk_zone);
  if (risk.length > 0) decisions.push(R.decisionRisk(names(risk)));
  const resilient = result.schools.filter((s) => s.resilient);
  if (resilient.length > 0) decisions.push(R.decisionPractice(names(resilient)));
  decisions.push(R.decisionNext(dayText(ctx.settings?.deadline)));
  return [
    { kind: 'heading', level: 1, text: R.decisionsHeading },
    { kind: 'paragraph', text: R.decisionsIntro },
    {
      kind: 'table',
      header: R.decisionsHeader,
      widths: [5, 59, 20, 16],
      align: ['right', 'left', 'left', 'left'],
      rows: decisions.map((d, i) => [String(i + 1), d, '', '']),
    },
  ];
}

/**
 * The annex: one table, a row per flagged school (its status and indices, its «500+» risks in
 * words, at most five recommendations; further ones are in the school's letter).
 */
function annexBlocks(result: MonitoringResult, name: (s: SchoolResult) => string): ReportBlock[] {
  const flagged = result.schools.filter((s) => s.flagged);
  if (flagged.length === 0) return [];
  const texts = recommendationTexts.forResult(result);
  const rows = flagged.map((s) => {
    const { main, more } = texts(s);
    const shown = main.map((t, i) => `${i + 1}. ${t}`);
    if (more.length > 0) shown.push(R.annexMore(countWithNoun(more.length, NOUNS.recommendation)));
    return [
      R.annexSchool(
        name(s),
        statusWord(s),
        formatIndex(s.results_index),
        formatIsb(s.isb),
        result.previousPeriod && s.dynamics ? DYNAMICS.show(s.dynamics) : '',
      ),
      riskWords(s).join('\n') || R.annexNoRisks,
      shown.join('\n') || R.annexNone,
    ];
  });
  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: R.annexHeading },
    {
      kind: 'table',
      header: R.annexHeader,
      rows,
      widths: [22, 32, 46],
      align: ['left', 'left', 'left'],
    },
  ];
}

/** `12 из 18 (66,7 %)` */
export function participation(result: MonitoringResult): string {
  const percent = formatPercent(roundPercent(result.responded, result.schoolsTotal));
  return REPORT.participation(result.responded, result.schoolsTotal, percent);
}
