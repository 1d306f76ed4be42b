/**
 * Components of the indices and the risk profile (domain spec, section 6).
 */

/**
 * Results index components. Each is pooled over its tests (subjects, grades) and over the
 * last `results_years` periods: sum of counts / sum of participants. Pooling over subjects is
 * a choice: the spec names five components (`ege_below_min` (rus, math profile, math base),
 * ...), the same five the gap indicators use. `pairs` are [count field, participants field].
 */
export interface ResultComponent {
  code: string;
  title: string;
  pairs: readonly (readonly [string, string])[];
  higherIsBetter: boolean;
}

function pairsOf(tests: readonly string[], measure: string): (readonly [string, string])[] {
  return tests.map((t) => [`${t}_${measure}`, `${t}_participants`] as const);
}

export const RESULT_COMPONENTS: readonly ResultComponent[] = [
  {
    code: 'ege_below_min',
    title: 'ЕГЭ: не преодолели минимальный порог (русский язык, математика профильная и базовая)',
    // rev 2: base mathematics has no threshold; its «2» is the same failure (a choice).
    pairs: [...pairsOf(['ege_rus', 'ege_math'], 'below_min'), ...pairsOf(['ege_mathbase'], 'fail')],
    higherIsBetter: false,
  },
  {
    code: 'ege_high',
    title: 'ЕГЭ: высокобалльники (русский язык, математика)',
    pairs: pairsOf(['ege_rus', 'ege_math'], 'high'),
    higherIsBetter: true,
  },
  {
    code: 'oge_fail',
    title: 'ОГЭ: неудовлетворительный результат (русский язык, математика)',
    pairs: pairsOf(['oge_rus', 'oge_math'], 'fail'),
    higherIsBetter: false,
  },
  {
    code: 'vpr_fail',
    title: 'ВПР: отметка «2» (русский язык, математика, 5 и 8 классы)',
    pairs: pairsOf(['vpr_rus5', 'vpr_math5', 'vpr_rus8', 'vpr_math8'], 'fail'),
    higherIsBetter: false,
  },
  {
    code: 'rdr_fail',
    title: 'РДР: неудовлетворительный результат',
    pairs: pairsOf(['rdr'], 'fail'),
    higherIsBetter: false,
  },
];

/** The component `results_index_no_vpr` leaves out (rev 2). */
export const VPR_COMPONENT = 'vpr_fail';

/** The ВПР checked for objectivity in both directions (rev 2). */
export const VPR_TESTS: readonly string[] = ['vpr_rus5', 'vpr_math5', 'vpr_rus8', 'vpr_math8'];

/**
 * ИСБ components (rev 2: absolute scale). Each gives the school's disadvantage d in [0, 1]:
 * - `share`: share of `students_total` / cap, at most 1 (`inverse`: 1 − share / cap, at least 0);
 * - `max_share`: the larger of several shares / cap (one pupil is usually on both lists);
 * - `bool`: 1 when the condition holds;
 * - `any_bool`: 1 when any of the conditions holds.
 * Outcomes (`students_not_attested`, `students_truancy`) are not context and stay out.
 */
export interface IsbComponent {
  code: string;
  kind: 'share' | 'max_share' | 'bool' | 'any_bool';
  fields: readonly string[];
  inverse?: boolean;
  /** Default cap of the share (share kinds only). */
  cap?: number;
  /** Russian name for settings and the methodology section. */
  title: string;
}

export const ISB_COMPONENTS: readonly IsbComponent[] = [
  {
    code: 'single_parent',
    kind: 'share',
    fields: ['students_single_parent'],
    cap: 0.5,
    title: 'обучающиеся из неполных семей',
  },
  {
    code: 'parents_higher_ed',
    kind: 'share',
    fields: ['students_parents_higher_ed'],
    inverse: true,
    cap: 0.5,
    title: 'обучающиеся из семей, где оба родителя имеют высшее образование',
  },
  {
    code: 'registered',
    kind: 'max_share',
    fields: ['students_registered_kdn', 'students_registered_school'],
    cap: 0.1,
    title: 'обучающиеся на учёте (ОДН, КДН или внутришкольном)',
  },
  {
    code: 'non_native',
    kind: 'share',
    fields: ['students_non_native'],
    cap: 0.3,
    title: 'обучающиеся из семей мигрантов, с неродным русским языком',
  },
  {
    code: 'special_needs',
    kind: 'share',
    fields: ['students_special_needs'],
    cap: 0.2,
    title: 'обучающиеся с ЗПР, умственной отсталостью',
  },
  {
    code: 'remote_location',
    kind: 'bool',
    fields: ['remote_location'],
    title: 'отдалённость, транспортная недоступность',
  },
  { code: 'small_school', kind: 'bool', fields: ['small_school'], title: 'малокомплектная школа' },
  {
    code: 'staff_shortage',
    kind: 'bool',
    fields: ['staff_shortage'],
    title: 'неукомплектованность штата',
  },
  {
    code: 'infrastructure',
    kind: 'any_bool',
    fields: ['infrastructure_deficit', 'no_stable_internet', 'insufficient_computers'],
    title: 'дефицит инфраструктуры, интернета или компьютеров',
  },
];

export function isbWeightSetting(component: string): string {
  return `isb_weight_${component}`;
}

export function isbCapSetting(component: string): string {
  return `isb_cap_${component}`;
}

/** The three risks of `share_risk_zone`. */
export const RISK_ZONE_FIELDS: readonly string[] = [
  'no_stable_internet',
  'insufficient_computers',
  'staff_shortage',
];

/** Levels of a risk factor, worst first (rev 2); their Russian words are in messages. */
export type RiskLevel = 'high' | 'medium' | 'low';
export const RISK_LEVELS: readonly RiskLevel[] = ['high', 'medium', 'low'];

/**
 * The ten risk factors of the federal «500+» project (rev 2). `codes` are the field, share or
 * component codes a recommendation rule can test; a rule on one of them addresses the factor,
 * which decides the order of a school's recommendations.
 */
export interface RiskDef {
  code: string;
  /** The factor's name as the «500+» list gives it. */
  label: string;
  codes: readonly string[];
}

export const RISKS: readonly RiskDef[] = [
  {
    code: 'equipment',
    label: 'низкая оснащённость',
    codes: ['infrastructure_deficit', 'no_stable_internet', 'insufficient_computers'],
  },
  {
    code: 'staff',
    label: 'дефицит педагогических кадров',
    codes: ['staff_shortage', 'staff_support_measures', 'network_practices'],
  },
  {
    code: 'teacher_competence',
    label: 'недостаточная предметная и методическая компетентность педагогических работников',
    codes: [
      'teachers_diagnosed',
      'teachers_with_iom',
      'teachers_trained_by_request',
      'teachers_trained_at_risk',
      'teachers_supported',
      'had_methodical_landing',
    ],
  },
  {
    code: 'adaptivity',
    label: 'низкая адаптивность учебного процесса',
    codes: ['has_differentiated_instruction', 'has_iup', 'has_tutoring'],
  },
  {
    code: 'inschool_pd',
    label: 'несформированность внутришкольной системы повышения квалификации',
    codes: ['has_inschool_pd', 'internal_monitorings'],
  },
  {
    code: 'language',
    label: 'высокая доля обучающихся с русским языком как неродным',
    codes: ['students_non_native'],
  },
  {
    code: 'environment',
    label: 'пониженный уровень качества школьной образовательной среды',
    codes: ['students_registered_kdn', 'students_registered_school', 'students_truancy'],
  },
  {
    code: 'learning_failure',
    label: 'высокая доля обучающихся с рисками учебной неуспешности',
    codes: [
      'students_not_attested',
      'grads_no_certificate',
      'vpr_fail',
      'oge_fail',
      'ege_below_min',
      'rdr_fail',
      'students_special_needs',
      'has_failure_prevention_program',
      'has_improvement_program',
      'has_struggling_diagnostics',
    ],
  },
  { code: 'parents', label: 'низкая вовлечённость родителей', codes: ['parents_involved'] },
  {
    code: 'motivation',
    label: 'низкая учебная мотивация обучающихся',
    codes: ['students_low_motivation', 'students_in_projects'],
  },
];
