/**
 * A school as the form's list shows it, «code — name», and the code taken back out of an
 * answer: one definition for the form, the personal links, intake and validation.
 */
import type { RegistrySchool } from './types';

export function schoolChoice(id: string, name: string): string {
  return `${id} — ${name}`;
}

/** The form's school list: every active school of the registry. */
export function activeSchoolChoices(schools: readonly RegistrySchool[]): string[] {
  return schools.filter((s) => s.active).map((s) => schoolChoice(s.school_id, s.name));
}

/**
 * The code of «code — name» (any dash between spaces: a list typed by hand may use «–» or
 * «-»); an answer without a name is the code itself.
 */
export function schoolIdFromChoice(answer: string): string {
  const text = answer.trim();
  const m = /^(.+?)\s+[—–-]\s+/.exec(text);
  return m ? m[1].trim() : text;
}
