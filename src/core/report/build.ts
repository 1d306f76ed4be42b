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
import { renderRuleText } from '../rules/evaluate';
import { LEADERS_PLACEHOLDER } from '../catalogue';

export interface ReportContext {
  municipality: string;
  /** The date line, already formatted (`20.06.2022`). */
  date: string;
  rejectedCount: number;
  /** Responses waiting for the inspector (no or a wrong access code). */
  heldCount: number;
  inputWarnings: readonly string[];
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
    { kind: 'paragraph', text: REPORT.collection },
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
      text: REPORT.sectionTitles[section] ?? String(section),
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
        s.dynamics || REPORT.dash,
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
        xLine: 0,
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
  const entered = result.schools.filter((s) => s.dynamics === 'вошла');
  const left = result.schools.filter((s) => s.dynamics === 'вышла');
  const resilient = result.schools.filter((s) => s.resilient);
  const risk = result.schools.filter((s) => s.risk_zone);
  const items = [
    entered.length > 0 ? REPORT.entered(names(entered)) : REPORT.noneEntered,
    left.length > 0 ? REPORT.left(names(left)) : REPORT.noneLeft,
    REPORT.riskZone(countWithNoun(risk.length, NOUNS.schoolGen)),
  ];
  if (resilient.length > 0) items.push(REPORT.resilient(names(resilient)));
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
  // The leader schools differ per school: the aggregate points to the annex.
  const line = (r: (typeof applied)[number]) =>
    REPORT.ruleLine(
      r.text.split(LEADERS_PLACEHOLDER).join(REPORT.leadersInAnnex),
      countWithNoun(r.school_ids.length, NOUNS.school),
    );
  const toService = applied.filter((r) => !/школ/i.test(r.addressee));
  const toSchools = applied.filter((r) => /школ/i.test(r.addressee));
  if (toService.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: REPORT.toMethodService },
      { kind: 'list', items: toService.map(line) },
    );
  }
  if (toSchools.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: REPORT.toSchools },
      { kind: 'list', items: toSchools.map(line) },
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
  const texts = new Map(result.recommendations.map((r) => [r.rule_id, r.text]));
  const names = new Map(result.schools.map((s) => [s.school_id, s.name]));
  const rows = flagged.map((s) => [
    REPORT.annexSchool(s.school_id, s.name, s.status),
    REPORT.annexIndices(fmtIndex(s.results_index), fmtIndex(s.isb), s.dynamics),
    REPORT.annexRisks(s.risk_profile.join(', ')),
    s.recommendations.length > 0
      ? s.recommendations
          .map((id, i) => {
            const leaders = s.leader_suggestions.map((l) => names.get(l) ?? l);
            return `${i + 1}. ${renderRuleText(texts.get(id) ?? id, leaders)}`;
          })
          .join('\n')
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
