/**
 * Everything one period needs to know a school's status: its responses, pooled results,
 * both indices, computed and official statuses, and the status of record.
 */
import {
  ISB_COMPONENTS,
  RESULT_COMPONENTS,
  RISK_ZONE_FIELDS,
  VPR_COMPONENT,
  isbCapSetting,
  isbWeightSetting,
} from '../catalogue/components';
import { combineStatus, hasShnor, hasShnsu } from '../registry';
import { settingNumber, settingOptionalNumber, settingText } from '../settings';
import type { FieldValues, OfficialStatus, Settings } from '../types';
import { boolAt, PeriodColumns } from './columns';
import { isbDisadvantagesOf, isbOf, resultsIndexes, type Reference } from './indices';
import { objectivityFlagsOf } from './objectivity';
import { bool, share, shrink } from './shares';
import { lowestShare } from './stats';

export interface PeriodCore {
  period: string;
  hasData: boolean;
  hasList: boolean;
  /** Aligned with the canonical schools; null = no accepted response in this period. */
  values: readonly (FieldValues | null)[];
  /** The same answers as columns. */
  columns: PeriodColumns;
  /** Pooled results per component code, per school (responded schools only). */
  pooled: Record<string, PooledColumn>;
  /** Municipal pooled share per component (the point shares are shrunk toward). */
  municipalPooled: Record<string, number | null>;
  /** Pooled shares shrunk toward the municipal share (rev 2): what ranks schools. */
  shrunk: Record<string, (number | null)[]>;
  resultsIndex: (number | null)[];
  /** The results index without `vpr_fail` (rev 2). */
  resultsIndexNoVpr: (number | null)[];
  isb: (number | null)[];
  /** Disadvantages dᵢ of the ИСБ components (ISB_COMPONENTS order), used for peers; NaN =
   * unanswered. */
  isbD: Float64Array[];
  /** `vpr_inflation:<vpr>` / `journal_inflation:<vpr>` per school (rev 2). */
  objectivity: string[][];
  lowResults: boolean[];
  /** ИСБ in the lowest `low_isb_share` (resilience uses it whatever `isb_rule` says). */
  lowIsb: boolean[];
  /** Computed ШНСУ by `isb_rule`. */
  shnsuByIsb: boolean[];
  official: OfficialStatus[];
  computed: OfficialStatus[];
  status: OfficialStatus[];
  flagged: boolean[];
  riskZone: boolean[];
  /** Official list missing, so the computed status stood in for it. */
  usedComputedForOfficial: boolean;
}

/**
 * A results component pooled per school (pooledComponent over the columns): the sums of
 * counts and of participants, NaN for a school that did not respond in the period.
 */
export interface PooledColumn {
  count: Float64Array;
  participants: Float64Array;
}

export interface PeriodInputs {
  period: string;
  /** The last `results_years` periods ending with this one, oldest first (schools aligned). */
  pooledPeriods: readonly PeriodColumns[];
  columns: PeriodColumns;
  /** null when no list was published for the period. */
  list: Map<string, OfficialStatus> | null;
  schoolIds: readonly string[];
  settings: Settings;
}

export function riskZoneOf(values: FieldValues | null): boolean {
  let risks = 0;
  for (const f of RISK_ZONE_FIELDS) if (bool(values, f) === true) risks++;
  return risks >= 2;
}

/** riskZoneOf for every school of a period. */
export function riskZonesOf(columns: PeriodColumns): boolean[] {
  const cols = RISK_ZONE_FIELDS.map((f) => columns.bool(f));
  const out: boolean[] = new Array(columns.n);
  for (let i = 0; i < columns.n; i++) {
    let risks = 0;
    for (let c = 0; c < cols.length; c++) if (cols[c][i] === 1) risks++;
    out[i] = risks >= 2;
  }
  return out;
}

/** Regional reference values of the results components present in the settings. */
export function references(settings: Settings): Record<string, Reference | null> {
  const out: Record<string, Reference | null> = {};
  for (const c of RESULT_COMPONENTS) {
    const mean = settingOptionalNumber(settings, `ref_mean_${c.code}`);
    const sd = settingOptionalNumber(settings, `ref_sd_${c.code}`);
    // Both values or none: a mean without a spread cannot standardise (a choice).
    out[c.code] = mean !== null && sd !== null && sd > 0 ? { mean, sd } : null;
  }
  return out;
}

export function computePeriodCore(input: PeriodInputs): PeriodCore {
  const { columns, settings } = input;
  const { values } = columns;
  const n = values.length;
  const minP = settingNumber(settings, 'min_participants');
  const k = settingNumber(settings, 'shrinkage_k');

  // Results are pooled only for schools that responded in this period (a choice: a school
  // that did not report is not ranked on stale data).
  const pooled: Record<string, PooledColumn> = {};
  const municipalPooled: Record<string, number | null> = {};
  const shrunk: Record<string, (number | null)[]> = {};
  for (const c of RESULT_COMPONENTS) {
    const counts = new Float64Array(n).fill(NaN);
    const participants = new Float64Array(n).fill(NaN);
    // pooledComponent over the columns: periods in order, each period's tests in order.
    const countCols: Float64Array[] = [];
    const partCols: Float64Array[] = [];
    for (const period of input.pooledPeriods) {
      for (const [count, part] of c.pairs) {
        countCols.push(period.num(count));
        partCols.push(period.num(part));
      }
    }
    // The municipal share: sum of counts over sum of participants of the responded schools.
    let mc = 0;
    let mb = 0;
    const { responded } = columns;
    for (let i = 0; i < n; i++) {
      if (responded[i] === 0) continue;
      let count = 0;
      let parts = 0;
      for (let t = 0; t < countCols.length; t++) {
        const x = countCols[t][i];
        const y = partCols[t][i];
        if (x !== x || y !== y) continue; // NaN: unanswered
        count += x;
        parts += y;
      }
      counts[i] = count;
      participants[i] = parts;
      mc += count;
      mb += parts;
    }
    const p = share(mc, mb);
    const shares: (number | null)[] = new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      const y = participants[i];
      // NaN (not responded) fails both comparisons.
      if (y >= minP && y > 0) shares[i] = shrink(counts[i], y, p, k);
    }
    pooled[c.code] = { count: counts, participants };
    municipalPooled[c.code] = p;
    shrunk[c.code] = shares;
  }
  const refs = references(settings);
  const [ri, riNoVpr] = resultsIndexes(shrunk, n, refs, [[], [VPR_COMPONENT]]);

  const weights = ISB_COMPONENTS.map((c) => settingNumber(settings, isbWeightSetting(c.code)));
  const caps = ISB_COMPONENTS.map((c) =>
    c.cap === undefined ? 1 : settingNumber(settings, isbCapSetting(c.code)),
  );
  const isbD = isbDisadvantagesOf(columns, caps);
  const isb = isbOf(isbD, weights, n);

  const objectivity = objectivityFlagsOf(
    columns,
    settingNumber(settings, 'objectivity_higher_threshold'),
    settingNumber(settings, 'objectivity_threshold'),
    minP,
  );
  const lowShare = settingNumber(settings, 'low_results_share');
  const lowResults = lowestShare(ri, lowShare);
  const lowNoVpr = lowestShare(riNoVpr, lowShare);
  const lowIsb = lowestShare(isb, settingNumber(settings, 'low_isb_share'));
  const threshold = settingNumber(settings, 'isb_threshold');
  const shnsuByIsb =
    settingText(settings, 'isb_rule') === 'threshold'
      ? isb.map((x) => x !== null && x < threshold)
      : lowIsb;

  const computed: OfficialStatus[] = new Array(n);
  const official: OfficialStatus[] = new Array(n);
  const status: OfficialStatus[] = new Array(n);
  const source = settingText(settings, 'status_source');
  const usedComputedForOfficial = source === 'official' && input.list === null;
  const suspendedCol = columns.bool('accreditation_suspended');
  for (let i = 0; i < n; i++) {
    const suspended = boolAt(suspendedCol, i) === true;
    // rev 2: a school whose ВПР marks run above its journal cannot leave the list through
    // them: its results index without ВПР is ranked too.
    let inflated = false;
    const flags = objectivity[i];
    for (let f = 0; f < flags.length; f++)
      if (flags[f].startsWith('vpr_inflation:')) inflated = true;
    computed[i] = combineStatus(
      suspended || lowResults[i] || (inflated && lowNoVpr[i]),
      shnsuByIsb[i],
    );
    official[i] = input.list?.get(input.schoolIds[i]) ?? '';
    if (source === 'computed' || usedComputedForOfficial) status[i] = computed[i];
    else if (source === 'both') {
      status[i] = combineStatus(
        hasShnor(official[i]) || hasShnor(computed[i]),
        hasShnsu(official[i]) || hasShnsu(computed[i]),
      );
    } else status[i] = official[i];
  }

  return {
    period: input.period,
    hasData: values.some((v) => v !== null),
    hasList: input.list !== null,
    values,
    columns,
    pooled,
    municipalPooled,
    shrunk,
    resultsIndex: ri,
    resultsIndexNoVpr: riNoVpr,
    isb,
    isbD,
    objectivity,
    lowResults,
    lowIsb,
    shnsuByIsb,
    official,
    computed,
    status,
    flagged: status.map((s) => s !== ''),
    riskZone: riskZonesOf(columns),
    usedComputedForOfficial,
  };
}

/** A period with neither responses nor a published list says nothing about statuses. */
export function hasInfo(core: PeriodCore | null): core is PeriodCore {
  return core !== null && (core.hasData || core.hasList);
}
