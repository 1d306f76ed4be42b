/**
 * Everything one period needs to know a school's status: its responses, pooled results,
 * both indices, computed and official statuses, and the status of record.
 */
import {
  ISB_COMPONENTS,
  RESULT_COMPONENTS,
  RISK_ZONE_FIELDS,
  isbWeightSetting,
} from '../catalogue/components';
import { combineStatus, hasShnor, hasShnsu } from '../registry';
import { settingNumber, settingText } from '../settings';
import type { FieldValues, OfficialStatus, Settings } from '../types';
import { isbComponentColumns, isbIndex, resultsIndex } from './indices';
import { bool, pooledComponent, pooledShare, type Pooled } from './shares';
import { lowestShare } from './stats';

export interface PeriodCore {
  period: string;
  hasData: boolean;
  hasList: boolean;
  /** Aligned with the canonical schools; null = no accepted response in this period. */
  values: (FieldValues | null)[];
  /** Pooled results per component code, per school (responded schools only). */
  pooled: Record<string, (Pooled | null)[]>;
  resultsIndex: (number | null)[];
  isb: (number | null)[];
  /** Oriented z-scores of the ИСБ components (ISB_COMPONENTS order). */
  isbZ: (number | null)[][];
  lowResults: boolean[];
  lowIsb: boolean[];
  official: OfficialStatus[];
  computed: OfficialStatus[];
  status: OfficialStatus[];
  flagged: boolean[];
  riskZone: boolean[];
  /** Official list missing, so the computed status stood in for it. */
  usedComputedForOfficial: boolean;
}

export interface PeriodInputs {
  period: string;
  /** The last `results_years` periods ending with this one, oldest first (values aligned). */
  pooledPeriods: readonly (readonly (FieldValues | null)[])[];
  values: (FieldValues | null)[];
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

export function computePeriodCore(input: PeriodInputs): PeriodCore {
  const { values, settings } = input;
  const n = values.length;
  const minP = settingNumber(settings, 'min_participants');

  // Results are pooled only for schools that responded in this period (a choice: a school
  // that did not report is not ranked on stale data).
  const pooled: Record<string, (Pooled | null)[]> = {};
  const pooledShares: Record<string, (number | null)[]> = {};
  for (const c of RESULT_COMPONENTS) {
    const col: (Pooled | null)[] = new Array(n).fill(null);
    const shares: (number | null)[] = new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      if (!values[i]) continue;
      const p = pooledComponent(
        input.pooledPeriods.map((period) => period[i]),
        c,
      );
      col[i] = p;
      shares[i] = pooledShare(p, minP);
    }
    pooled[c.code] = col;
    pooledShares[c.code] = shares;
  }
  const ri = resultsIndex(pooledShares, n);

  const weights = ISB_COMPONENTS.map((c) => settingNumber(settings, isbWeightSetting(c.field)));
  const { isb, z } = isbIndex(isbComponentColumns(values), weights, n);

  const lowResults = lowestShare(ri, settingNumber(settings, 'low_results_share'));
  const lowIsb = lowestShare(isb, settingNumber(settings, 'low_isb_share'));

  const computed: OfficialStatus[] = new Array(n);
  const official: OfficialStatus[] = new Array(n);
  const status: OfficialStatus[] = new Array(n);
  const source = settingText(settings, 'status_source');
  const usedComputedForOfficial = source === 'official' && input.list === null;
  for (let i = 0; i < n; i++) {
    const suspended = bool(values[i], 'accreditation_suspended') === true;
    computed[i] = combineStatus(suspended || lowResults[i], lowIsb[i]);
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
    pooled,
    resultsIndex: ri,
    isb,
    isbZ: z,
    lowResults,
    lowIsb,
    official,
    computed,
    status,
    flagged: status.map((s) => s !== ''),
    riskZone: values.map(riskZoneOf),
    usedComputedForOfficial,
  };
}

/** A period with neither responses nor a published list says nothing about statuses. */
export function hasInfo(core: PeriodCore | null): core is PeriodCore {
  return core !== null && (core.hasData || core.hasList);
}
