/**
 * Components of the indices and the risk profile (domain spec, section 6).
 */

/**
 * Results index components. Each is pooled over its tests (subjects, grades) and over the
 * last `results_years` periods: sum of counts / sum of participants. Pooling over subjects is
 * a choice: the spec names five components (`ege_below_min` (rus, math), ...), the same five
 * the gap indicators and the risk profile use.
 */
export interface ResultComponent {
  code: string;
  title: string;
  measure: 'high' | 'below_min' | 'fail';
  tests: readonly string[];
  higherIsBetter: boolean;
}

export const RESULT_COMPONENTS: readonly ResultComponent[] = [
  {
    code: 'ege_below_min',
    title: 'ЕГЭ: не преодолели минимальный порог (русский язык, математика)',
    measure: 'below_min',
    tests: ['ege_rus', 'ege_math'],
    higherIsBetter: false,
  },
  {
    code: 'ege_high',
    title: 'ЕГЭ: высокобалльники (русский язык, математика)',
    measure: 'high',
    tests: ['ege_rus', 'ege_math'],
    higherIsBetter: true,
  },
  {
    code: 'oge_fail',
    title: 'ОГЭ: неудовлетворительный результат (русский язык, математика)',
    measure: 'fail',
    tests: ['oge_rus', 'oge_math'],
    higherIsBetter: false,
  },
  {
    code: 'vpr_fail',
    title: 'ВПР: отметка «2» (русский язык, математика, 5 и 8 классы)',
    measure: 'fail',
    tests: ['vpr_rus5', 'vpr_math5', 'vpr_rus8', 'vpr_math8'],
    higherIsBetter: false,
  },
  {
    code: 'rdr_fail',
    title: 'РДР: неудовлетворительный результат',
    measure: 'fail',
    tests: ['rdr'],
    higherIsBetter: false,
  },
];

/** The ВПР whose grade lowering is checked for objectivity. */
export const VPR_TESTS: readonly string[] = ['vpr_rus5', 'vpr_math5', 'vpr_rus8', 'vpr_math8'];

/** ИСБ components: student shares (of `students_total`) and yes/no conditions (as 0/1). */
export interface IsbComponent {
  field: string;
  kind: 'share' | 'bool';
  higherIsBetter: boolean;
}

export const ISB_COMPONENTS: readonly IsbComponent[] = [
  { field: 'students_single_parent', kind: 'share', higherIsBetter: false },
  { field: 'students_parents_higher_ed', kind: 'share', higherIsBetter: true },
  { field: 'students_registered_kdn', kind: 'share', higherIsBetter: false },
  { field: 'students_registered_school', kind: 'share', higherIsBetter: false },
  { field: 'students_non_native', kind: 'share', higherIsBetter: false },
  { field: 'students_not_attested', kind: 'share', higherIsBetter: false },
  { field: 'students_truancy', kind: 'share', higherIsBetter: false },
  { field: 'students_special_needs', kind: 'share', higherIsBetter: false },
  { field: 'remote_location', kind: 'bool', higherIsBetter: false },
  { field: 'small_school', kind: 'bool', higherIsBetter: false },
  { field: 'infrastructure_deficit', kind: 'bool', higherIsBetter: false },
  { field: 'staff_shortage', kind: 'bool', higherIsBetter: false },
];

export function isbWeightSetting(field: string): string {
  return `isb_weight_${field}`;
}

/** The three risks of `share_risk_zone`. */
export const RISK_ZONE_FIELDS: readonly string[] = [
  'no_stable_internet',
  'insufficient_computers',
  'staff_shortage',
];

/**
 * Risk profile (section 6). `codes` are the field / component codes a recommendation rule
 * can address; they decide which recommendations come first for a school.
 */
export interface RiskDef {
  code: string;
  label: string;
  codes: readonly string[];
}

export const RISKS: readonly RiskDef[] = [
  {
    code: 'equipment',
    label: 'Оснащение: интернет, компьютеры, инфраструктура',
    codes: ['no_stable_internet', 'insufficient_computers', 'infrastructure_deficit'],
  },
  {
    code: 'staff',
    label: 'Дефицит кадров',
    codes: ['staff_shortage', 'staff_support_measures', 'network_practices'],
  },
  {
    code: 'teacher_competence',
    label: 'Профессиональные дефициты педагогов',
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
    code: 'learning_failure',
    label: 'Учебная неуспешность',
    codes: [
      'students_not_attested',
      'vpr_fail',
      'oge_fail',
      'ege_below_min',
      'rdr_fail',
      'has_failure_prevention_program',
      'has_iup',
      'has_tutoring',
      'has_improvement_program',
      'has_struggling_diagnostics',
    ],
  },
  {
    code: 'special_needs',
    label: 'Обучающиеся с ЗПР, умственной отсталостью',
    codes: ['students_special_needs'],
  },
  { code: 'language', label: 'Неродной русский язык', codes: ['students_non_native'] },
  {
    code: 'behaviour',
    label: 'Девиантное поведение, пропуски',
    codes: ['students_registered_kdn', 'students_registered_school', 'students_truancy'],
  },
  { code: 'parents', label: 'Вовлечённость родителей', codes: ['parents_involved'] },
  {
    code: 'internal_assessment',
    label: 'Внутренняя оценка качества (ВСОКО), объективность',
    codes: ['internal_monitorings', 'objectivity_flag'],
  },
];
