/**
 * Plain data shapes shared by the core and the shell. Codes (field, indicator, rule) are the
 * stable identifiers of the domain spec; Russian lives in labels and messages only.
 */

/** What a spreadsheet cell holds: the same types Apps Script returns. */
export type Cell = string | number | boolean | Date;

import type { RiskLevel } from './catalogue/components';
import type { DynamicsCode } from './words';
import type { RegistryFact } from './registryHistory';

export type FieldType = 'int' | 'bool' | 'url' | 'text';
export type Locality = 'urban' | 'rural' | '';
export type OfficialStatus = 'ШНОР' | 'ШНСУ' | 'ШНОР+ШНСУ' | '';

export interface RegistrySchool {
  school_id: string;
  name: string;
  municipality: string;
  locality: Locality;
  email: string;
  is_internship_site: boolean;
  leader_school_id: string;
  active: boolean;
  /** «Не напоминать»: exempt from reminders this period. */
  no_reminders: boolean;
}

export interface ListEntry {
  period: string;
  school_id: string;
  status: Exclude<OfficialStatus, ''>;
}

/** null = unanswered. */
export type FieldValue = number | boolean | string | null;
export type FieldValues = Record<string, FieldValue>;

export interface DataRow {
  school_id: string;
  period: string;
  values: FieldValues;
  response_id: string;
  /** ISO date-time of the accepted response. */
  timestamp: string;
}

export type Settings = Record<string, number | string | boolean>;

export interface RuleRow {
  rule_id: string;
  code: string;
  operator: string;
  threshold: string;
  addressee: string;
  text: string;
  applies_to: string;
  /** Sheet row number, for error messages; defaults to the array position + 2 (header row 1). */
  row?: number;
}

export interface ValidationResult {
  ok: boolean;
  school_id: string;
  period: string;
  values: FieldValues;
  errors: string[];
}

/** A school's list dynamics as a code (words: core/words.ts); '' without an earlier period. */
export type Dynamics = DynamicsCode | '';

export interface SchoolResult {
  school_id: string;
  name: string;
  locality: Locality;
  responded: boolean;
  official_status: OfficialStatus;
  computed_status: OfficialStatus;
  /** Status of record (setting `status_source`). */
  status: OfficialStatus;
  /** Status of record in the previous period; null when there is no previous period. */
  status_prev: OfficialStatus | null;
  status_mismatch: boolean;
  flagged: boolean;
  results_index: number | null;
  /** The results index without ВПР (rev 2). */
  results_index_no_vpr: number | null;
  results_index_prev: number | null;
  isb: number | null;
  isb_prev: number | null;
  risk_zone: boolean;
  resilient: boolean;
  residual: number | null;
  /** school ids, best first. */
  leader_suggestions: string[];
  /** `vpr_inflation:<vpr>` / `journal_inflation:<vpr>` (rev 2), e.g. 'vpr_inflation:vpr_math8'. */
  objectivity_flags: string[];
  /** Codes of the factors at level high, then medium (catalogue RISKS order in each). */
  risk_profile: string[];
  /** The level of each «500+» factor by code; null = the answers do not decide it. */
  risk_levels: Record<string, RiskLevel | null>;
  /** school ids, nearest first. */
  peers: string[];
  peer_rank: number | null;
  municipal_rank: number | null;
  dynamics: Dynamics;
  effective_mode: boolean;
  /**
   * Current-period shares keyed by field code (count / base), and pooled result components
   * keyed by component code (`ege_below_min`, `vpr_fail`, ...). null = missing.
   */
  shares: Record<string, number | null>;
  /**
   * Rule ids targeted at the school (rev 2: at most `max_recommendations`), those addressing
   * its factors at level high first, then medium, then the rest in rule order.
   */
  recommendations: string[];
  /** Further rules that fired: «дополнительно» in the school's letter. */
  additional_recommendations: string[];
  /** Each fired rule's text for this school, `{leaders}`, `{worst_vpr}`, `{value}` filled. */
  recommendation_texts: Record<string, string>;
}

export interface IndicatorResult {
  code: string;
  section: number;
  title: string;
  count: number | null;
  denominator: number | null;
  /** One decimal, half-up; for `gap_*` the gap itself in percentage points. */
  percent: number | null;
  previous_percent: number | null;
  change_pp: number | null;
  /** 'имеется' | 'отсутствует' for municipal yes/no facts. */
  value: string | null;
  /** Schools that entered a sum-over-sum share (when answers were missing). */
  covered?: number;
  note?: string;
}

export interface RecommendationAggregate {
  rule_id: string;
  addressee: string;
  text: string;
  school_ids: string[];
}

export interface MonitoringResult {
  period: string;
  previousPeriod: string | null;
  schoolsTotal: number;
  responded: number;
  notResponded: string[];
  schools: SchoolResult[];
  indicators: IndicatorResult[];
  recommendations: RecommendationAggregate[];
  ruleErrors: string[];
  warnings: string[];
}

export interface MonitoringInput {
  registry: RegistrySchool[];
  lists: ListEntry[];
  data: DataRow[];
  settings: Settings;
  period?: string;
  rules?: RuleRow[];
  /** Registry facts frozen per period (rev 2, «История реестра»). */
  registryHistory?: RegistryFact[];
}
