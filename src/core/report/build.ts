/**
 * The analytical report as a model, written from the monitoring result: participation, the
 * summary by section beside the previous period, schools by status, a chart of ИСБ against
 * results, conclusions drawn from the data, aggregated recommendations, and an annex with
 * each flagged school's targeted recommendations.
 */
import type { IndicatorResult, MonitoringResult, SchoolResult } from '../monitoring';
import { NOUNS, REPORT } from '../messages';
import { countWithNoun, formatNumber, formatPercent, formatPp, roundPercent } from '../text';
import type { ReportBlock, ReportModel } from './model';
import { hasFlag, JOURNAL_INFLATION, VPR_INFLATION } from '../compute/objectivity';
import { median } from '../compute/stats';
import { riskProfileText } from './words';
import { methodologySection } from './methodology';
import type { Settings } from '../types';
import { addresseeKind } from '../rules/addressee';
import { renderForMunicipality } from '../rules/targeting';
import { SUMMARY_SECTIONS } from '../catalogue';
import { DYNAMICS } from '../words';

export interface ReportContext {
  municipality: string;
  /** The date line, already formatted (`20.06.2022`). */
  date: string;
  rejectedCount: number;
  /** Responses waiting for the inspector (no or a wrong access code). */
  heldCount: number;
  inputWarnings: readonly string[];
  /** Run on files by the offline command: no Google Form collected the data, no mail went out. */
  offline?: boolean;
  /** The settings in force: the methodology section is written from them (rev 2). */
  settings?: Settings;
}

const fmtIndex = (v: number | null) =>
  v === null ? REPORT.dash : formatNumber(Math.round(v * 100) / 100);

export function buildReport(result: MonitoringResult, ctx: ReportContext): ReportModel {
  const title = REPORT.title(result.period);
  const blocks: ReportBlock[] = [
    { kind: 'title', text: title },
    { kind: 'paragraph', text: REPORT.municipalityLine(ctx.municipality, ctx.date) },
    { kind: 'heading', level: 1, text: REPORT.cycleHeading },
    { kind: 'paragraph', text: REPORT.cycle },
    { kind: 'paragraph', text: ctx.offline ? REPORT.collectionOffline : REPORT.collection },
    ...(ctx.settings ? methodologySection(ctx.settings, result.period) : []),
    { kind: 'paragraph', text: REPORT.participationLine(participation(result)) },
  ];
  const byId = new Map(result.schools.map((s) => [s.school_id, s]));
  if (result.notResponded.length > 0) {
    const names = result.notResponded.map((id) => byId.get(id)?.name ?? id).join(', ');
    blocks.push({ kind: 'paragraph', text: REPORT.notResponded(names) });
  }
  if (ctx.heldCount > 0) {
    blocks.push({
      kind: 'paragraph',
      text: REPORT.heldLine(countWithNoun(ctx.heldCount, NOUNS.response)),
    });
  }
  if (ctx.rejectedCount > 0) {
    blocks.push({
      kind: 'paragraph',
      text: REPORT.rejectedLine(countWithNoun(ctx.rejectedCount, NOUNS.response)),
    });
  }

  blocks.push(...summaryBlocks(result));
  blocks.push(...statusBlocks(result));
  blocks.push(...conclusionBlocks(result));
  blocks.push(...recommendationBlocks(result));

  const warnings = [...ctx.inputWarnings, ...result.warnings, ...result.ruleErrors];
  if (warnings.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: REPORT.warningsHeading },
      { kind: 'list', items: warnings },
    );
  }
  blocks.push(...annexBlocks(result));
  return { title, blocks };
}

function indicatorRow(ind: IndicatorResult): string[] {
  const count = ind.value ?? (ind.count === null ? REPORT.dash : formatNumber(ind.count));
  return [
    ind.title,
    count,
    ind.denominator === null ? REPORT.dash : formatNumber(ind.denominator),
    ind.value ? REPORT.dash : formatPercent(ind.percent),
    formatPercent(ind.previous_percent),
    ind.change_pp === null ? REPORT.dash : formatPp(ind.change_pp),
  ];
}

function summaryBlocks(result: MonitoringResult): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: REPORT.summaryHeading(result.previousPeriod) },
  ];
  const sections = [...new Set(result.indicators.map((i) => i.section))].sort((a, b) => a - b);
  for (const section of sections) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: SUMMARY_SECTIONS[section]
        ? REPORT.sectionHeading(section, SUMMARY_SECTIONS[section])
        : String(section),
    });
    blocks.push({
      kind: 'table',
      header: REPORT.summaryTableHeader(result.period, result.previousPeriod),
      rows: result.indicators.filter((i) => i.section === section).map(indicatorRow),
      widths: [230],
    });
  }
  return blocks;
}

function statusBlocks(result: MonitoringResult): ReportBlock[] {
  const flagged = result.schools.filter((s) => s.flagged);
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: REPORT.statusHeading }];
  if (flagged.length === 0) blocks.push({ kind: 'paragraph', text: REPORT.noFlagged });
  else
    blocks.push({
      kind: 'table',
      header: REPORT.statusTableHeader,
      widths: [45, 150],
      rows: flagged.map((s) => [
        s.school_id,
        s.name,
        s.status,
        s.computed_status || REPORT.dash,
        fmtIndex(s.results_index),
        fmtIndex(s.isb),
        s.dynamics ? DYNAMICS.show(s.dynamics) : REPORT.dash,
      ]),
    });
  const points = result.schools
    .filter((s) => s.isb !== null && s.results_index !== null)
    .map((s) => ({
      x: s.isb as number,
      y: s.results_index as number,
      label: s.name,
      flagged: s.flagged,
    }));
  if (points.length > 0) {
    blocks.push({
      kind: 'chart',
      chart: {
        title: REPORT.chartTitle,
        xTitle: REPORT.chartX,
        yTitle: REPORT.chartY,
        points,
        // rev 2: ИСБ is absolute (0–100): the quadrant line is its municipal median.
        xLine: median(points.map((p) => p.x)),
        yLine: 0,
      },
    });
  }
  return blocks;
}

function names(schools: readonly SchoolResult[]): string {
  return schools.map((s) => s.name).join(', ');
}

function conclusionBlocks(result: MonitoringResult): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: REPORT.conclusionsHeading }];
  const changes = result.indicators
    .filter((i) => i.change_pp !== null && i.change_pp !== 0)
    .sort((a, b) => Math.abs(b.change_pp as number) - Math.abs(a.change_pp as number))
    .slice(0, 5);
  if (changes.length > 0) {
    blocks.push({ kind: 'paragraph', text: REPORT.largestChanges, bold: true });
    blocks.push({
      kind: 'list',
      items: changes.map((c) => REPORT.change(c.title, formatPp(c.change_pp as number))),
    });
  }
  const entered = result.schools.filter((s) => s.dynamics === 'entered');
  const left = result.schools.filter((s) => s.dynamics === 'left');
  const resilient = result.schools.filter((s) => s.resilient);
  const risk = result.schools.filter((s) => s.risk_zone);
  // Entering and leaving the lists are said only against a previous period.
  const items = result.previousPeriod
    ? [
        entered.length > 0 ? REPORT.entered(names(entered)) : REPORT.noneEntered,
        left.length > 0 ? REPORT.left(names(left)) : REPORT.noneLeft,
      ]
    : [REPORT.noPreviousPeriod];
  items.push(REPORT.riskZone(countWithNoun(risk.length, NOUNS.schoolGen)));
  if (resilient.length > 0) items.push(REPORT.resilient(names(resilient)));
  // rev 2: objectivity in both directions and the effective mode, schools named.
  const inflatedVpr = result.schools.filter((s) => hasFlag(s.objectivity_flags, VPR_INFLATION));
  const inflatedJournal = result.schools.filter((s) =>
    hasFlag(s.objectivity_flags, JOURNAL_INFLATION),
  );
  if (inflatedVpr.length > 0) items.push(REPORT.vprInflation(names(inflatedVpr)));
  if (inflatedJournal.length > 0) items.push(REPORT.journalInflation(names(inflatedJournal)));
  const effective = result.schools.filter((s) => s.effective_mode);
  if (effective.length > 0) items.push(REPORT.effectiveMode(names(effective)));
  const silent = result.schools.filter((s) => s.dynamics === 'no_data');
  if (silent.length > 0) items.push(REPORT.noDataDynamics(names(silent)));
  blocks.push({ kind: 'list', items });
  return blocks;
}

function recommendationBlocks(result: MonitoringResult): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: REPORT.recommendationsHeading },
  ];
  const applied = result.recommendations.filter((r) => r.school_ids.length > 0);
  if (applied.length === 0) {
    blocks.push({ kind: 'paragraph', text: REPORT.noRecommendations });
    return blocks;
  }
  // rev 2: each rule names its schools; values that differ per school are in the annex.
  const nameOf = new Map(result.schools.map((s) => [s.school_id, s.name]));
  const line = (r: (typeof applied)[number]) =>
    REPORT.ruleLineNamed(
      renderForMunicipality(r.text, REPORT.leadersInAnnex),
      r.school_ids.map((id) => nameOf.get(id) ?? id).join(', '),
    );
  const groups: Array<[string, typeof applied]> = [
    [REPORT.toFounder, applied.filter((r) => addresseeKind(r.addressee) === 'founder')],
    [REPORT.toMethodService, applied.filter((r) => addresseeKind(r.addressee) === 'service')],
    [REPORT.toSchools, applied.filter((r) => addresseeKind(r.addressee) === 'school')],
  ];
  for (const [heading, rules] of groups) {
    if (rules.length === 0) continue;
    blocks.push(
      { kind: 'heading', level: 2, text: heading },
      { kind: 'list', items: rules.map(line) },
    );
  }
  return blocks;
}

/**
 * The annex: each flagged school's targeted recommendations. One table, not a heading and a
 * list per school: a Google Doc pays per body call, and a municipality may flag hundreds.
 */
function annexBlocks(result: MonitoringResult): ReportBlock[] {
  const flagged = result.schools.filter((s) => s.flagged);
  if (flagged.length === 0) return [];
  const rows = flagged.map((s) => [
    REPORT.annexSchool(s.school_id, s.name, s.status),
    REPORT.annexIndices(
      fmtIndex(s.results_index),
      fmtIndex(s.isb),
      s.dynamics ? DYNAMICS.show(s.dynamics) : '',
    ),
    REPORT.annexRisks(riskProfileText(s.risk_levels)),
    s.recommendations.length > 0
      ? s.recommendations.map((id, i) => `${i + 1}. ${s.recommendation_texts[id] ?? id}`).join('\n')
      : REPORT.annexNone,
  ]);
  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: REPORT.annexHeading },
    { kind: 'table', header: REPORT.annexTableHeader, rows, widths: [110, 90, 90] },
  ];
}

/** `12 из 18 (66,7%)` */
export function participation(result: MonitoringResult): string {
  const percent = formatPercent(roundPercent(result.responded, result.schoolsTotal));
  return REPORT.participation(result.responded, result.schoolsTotal, percent);
}
