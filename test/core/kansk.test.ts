/**
 * The Kansk note (seed 000, 2021-2022): its summary table recomputed from the counts it
 * prints. 18 schools, 7 of them ШНОР/ШНСУ, 202 teachers in those 7.
 *
 * Where the seed's own rounding is off, the correct value is asserted:
 * - the text says 7 schools are "38,8%" and the table says 38,9% — 7/18 = 38.888… → 38,9%;
 * - risk zone 2 of 18 printed 11,2% — 2/18 = 11.111… → 11,1%;
 * - regional events 5 of 7 printed 71,5% — 5/7 = 71.428… → 71,4%;
 * - ИУП 4 of 18 printed 22,3% — 4/18 = 22.222… → 22,2%.
 */
import { computeMonitoring } from '../../src/core/monitoring';
import { formatPercent } from '../../src/core/text';
import { toSummaryJson } from '../../src/core/summaryJson';
import type { FieldValues, MonitoringResult } from '../../src/core/types';
import { answers, listed, row, school } from './fixtures';

const PERIOD = '2021-2022';
const ids = Array.from({ length: 18 }, (_, i) => `K${String(i + 1).padStart(2, '0')}`);
const flagged = ids.slice(0, 7);

// Teachers of the seven flagged schools; the sums are the seed's counts.
const teachersTotal = [40, 35, 30, 28, 25, 24, 20]; // 202
const diagnosed = [35, 30, 25, 24, 20, 20, 15]; // 169
const supported = [38, 32, 28, 26, 22, 20, 16]; // 182
const inNetworks = [6, 5, 4, 4, 3, 2, 2]; // 26
const inAsset = [5, 4, 4, 3, 3, 2, 1]; // 22
const withIom = [13, 11, 10, 9, 8, 8, 6]; // 65

function valuesOf(i: number): FieldValues {
  const f = i < 7;
  return answers({
    teachers_total: f ? teachersTotal[i] : 30,
    teachers_diagnosed: f ? diagnosed[i] : 10,
    teachers_supported: f ? supported[i] : 5,
    teachers_in_networks: f ? inNetworks[i] : 1,
    teachers_in_asset: f ? inAsset[i] : 1,
    teachers_with_iom: f ? withIom[i] : 3,
    in_municipal_events: f,
    in_regional_events: i < 5,
    in_federal_events: i < 3,
    team_internship: false,
    had_methodical_landing: i < 3,
    has_improvement_program: f,
    has_failure_prevention_program: f,
    has_iup: i < 4,
    has_tutoring: i === 0,
    // Risk zone: K03 (internet + staff) and K12 (computers + staff); K05 has one risk only.
    no_stable_internet: i === 2,
    insufficient_computers: i === 11,
    staff_shortage: i === 2 || i === 11 || i === 4,
  });
}

function kansk(): MonitoringResult {
  const registry = ids.map((id, i) =>
    school(id, {
      is_internship_site: i >= 9 && i <= 11,
      leader_school_id: i === 0 ? 'K10' : i === 1 ? 'K11' : '',
    }),
  );
  const facts = [
    'mun_identification_method',
    'mun_monitoring_indicators',
    'mun_risk_zone_section',
    'mun_risk_zone_indicators',
    'mun_results_analysis',
    'mun_practice_dissemination',
    'mun_resource_deficit_monitoring',
  ];
  return computeMonitoring({
    registry,
    lists: flagged.map((id) => listed(PERIOD, id, 'ШНОР')),
    data: ids.map((id, i) => row(id, PERIOD, valuesOf(i))),
    settings: Object.fromEntries(facts.map((f) => [f, true])),
  });
}

const result = kansk();
const ind = (code: string) => {
  const found = result.indicators.find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe('Kansk 2021-2022 summary recomputed', () => {
  it('covers 18 schools, all of which responded', () => {
    expect(result.period).toBe(PERIOD);
    expect(result.schoolsTotal).toBe(18);
    expect(result.responded).toBe(18);
    expect(result.notResponded).toEqual([]);
  });

  it.each([
    // code, count, denominator, percent as the seed prints it (corrected where noted above)
    ['share_flagged', 7, 18, '38,9%'],
    ['share_risk_zone', 2, 18, '11,1%'], // seed: 11,2%
    ['share_teachers_diagnosed', 169, 202, '83,7%'],
    ['share_teachers_supported', 182, 202, '90,1%'],
    ['share_teachers_in_networks', 26, 202, '12,9%'],
    ['share_teachers_in_asset', 22, 202, '10,9%'],
    ['share_teachers_with_iom', 65, 202, '32,2%'],
    ['share_in_municipal_events', 7, 7, '100,0%'],
    ['share_in_regional_events', 5, 7, '71,4%'], // seed: 71,5%
    ['share_in_federal_events', 3, 7, '42,9%'],
    ['share_team_internship', 0, 7, '0,0%'],
    ['share_with_leader_school', 2, 7, '28,6%'],
    ['share_methodical_landing', 3, 7, '42,9%'],
    ['share_improvement_program', 7, 7, '100,0%'],
    ['share_failure_prevention_program', 7, 18, '38,9%'],
    ['share_iup', 4, 18, '22,2%'], // seed: 22,3%
    ['share_tutoring', 1, 18, '5,6%'],
  ])('%s = %i of %i = %s', (code, count, denominator, shown) => {
    const i = ind(code);
    expect(i.count).toBe(count);
    expect(i.denominator).toBe(denominator);
    expect(formatPercent(i.percent)).toBe(shown.replace('%', '\u00a0%'));
  });

  it('counts the internship sites from the registry (3), without a percent', () => {
    expect(ind('count_internship_sites')).toMatchObject({
      count: 3,
      denominator: null,
      percent: null,
    });
  });

  it('shows the municipal facts as имеется', () => {
    for (const code of [
      'mun_identification_method',
      'mun_results_analysis',
      'mun_resource_deficit_monitoring',
    ]) {
      expect(ind(code).value).toBe('имеется');
      expect(ind(code).percent).toBeNull();
    }
  });

  it('has no previous period to compare with', () => {
    expect(result.previousPeriod).toBeNull();
    expect(ind('share_flagged').previous_percent).toBeNull();
    expect(ind('share_flagged').change_pp).toBeNull();
    expect(ind('share_left_lists').percent).toBeNull();
  });

  it('writes summary.json in the shape of the spec', () => {
    const rows = { read: 1, accepted: 0, superseded: 0, rejected: 1, held: 0, blank: 0 };
    const rejected = [{ row: 5, school_id: 'K05', period: '2021-2022', errors: ['x'] }];
    const json = toSummaryJson(result, rejected, [], rows);
    expect(Object.keys(json)).toEqual([
      'period',
      'schools_total',
      'responded',
      'indicators',
      'schools',
      'rows',
      'rejected',
      'held',
    ]);
    expect(json.indicators.find((i) => i.code === 'share_flagged')).toEqual({
      code: 'share_flagged',
      section: 1,
      title: ind('share_flagged').title,
      count: 7,
      denominator: 18,
      percent: 38.9,
      previous_percent: null,
      value: null,
    });
    expect(Object.keys(json.schools[0])).toEqual([
      'school_id',
      'name',
      'official_status',
      'computed_status',
      'status',
      'results_index',
      'results_index_no_vpr', // rev 2
      'isb',
      'risk_zone',
      'resilient',
      'dynamics',
      'effective_mode', // spec §9 (was missing)
      'objectivity_flags',
      'risk_factors', // rev 2
      'recommendations',
    ]);
    expect(json.schools[0]).toMatchObject({
      school_id: 'K01',
      official_status: 'ШНОР',
      status: 'ШНОР',
    });
    expect(json.rejected).toEqual([
      { row: 5, school_id: 'K05', period: '2021-2022', errors: ['x'] },
    ]);
    expect(json.rows).toEqual(rows);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
