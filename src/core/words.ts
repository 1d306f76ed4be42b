/**
 * Codes and their Russian words. The program branches on codes; a code's word is looked up
 * only to show it, and a word read back from a sheet people type into becomes its code again.
 * Each code may list older wordings after its current one, so that polishing a word never
 * breaks a sheet written before.
 */
import { WORDS } from './messages';

/** Current word first, then every earlier wording that must still read back. */
export type Wordings<C extends string> = Readonly<Record<C, readonly [string, ...string[]]>>;

export interface WordTable<C extends string> {
  /** The word shown for a code. */
  show(code: C): string;
  /** The code a typed word stands for (any wording, any case, ё = е); null when none. */
  read(text: unknown): C | null;
  /** Every code's current word, in table order (a dropdown). */
  shown(): string[];
}

const fold = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е');

export function wordTable<C extends string>(wordings: Wordings<C>): WordTable<C> {
  const codes = Object.keys(wordings) as C[];
  const byWord = new Map<string, C>();
  for (const code of codes) for (const word of wordings[code]) byWord.set(fold(word), code);
  return {
    show: (code) => wordings[code][0],
    read: (text) =>
      text === null || text === undefined ? null : (byWord.get(fold(String(text))) ?? null),
    shown: () => codes.map((code) => wordings[code][0]),
  };
}

/** The state of a version listed in «Отклонено». */
export type IntakeState =
  'rejected' | 'held' | 'accepted_by_inspector' | 'rejected_by_inspector' | 'accepted_on_reconcile';
/** The inspector's decision on a held version; '' when not decided. */
export type Decision = 'accept' | 'reject' | '';
/** A school's list dynamics (domain spec, rev. 2); '' when there is no earlier period. */
export type DynamicsCode = 'left' | 'entered' | 'stayed' | 'outside' | 'no_data';

export const INTAKE_STATE: WordTable<IntakeState> = wordTable(WORDS.intakeState);
export const DECISION: WordTable<Exclude<Decision, ''>> = wordTable(WORDS.decision);
export const DYNAMICS: WordTable<DynamicsCode> = wordTable(WORDS.dynamics);
/** Levels of the «500+» risk factors (rev 2). */
export const RISK_LEVEL: WordTable<'high' | 'medium' | 'low'> = wordTable(WORDS.riskLevel);
/** How yes and no are shown in cells; reading yes/no is parse.ts's parseBool. */
export const YES_NO: WordTable<'yes' | 'no'> = wordTable(WORDS.yesNo);
export const yesNo = (value: boolean): string => YES_NO.show(value ? 'yes' : 'no');
