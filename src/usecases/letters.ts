/**
 * «Сформировать письма школам» (domain spec §8): one Google Doc per responding school, as a
 * long job (usecases/jobs): one item per school, so hundreds of letters continue across
 * executions from the runner's checkpoint. Each school's document id is kept in document
 * properties: a repeated or resumed run rewrites the same document, never a second copy.
 */
import { buildLetter, type LetterContext } from '../core/report/letter';
import { dayText } from '../core/text';
import type { DocumentInfo, Ports } from '../ports';
import type { Computation } from './recompute';

export const letterDocKey = (period: string, schoolId: string) =>
  `letters.doc.${period}.${schoolId}`;

/** The schools that get a letter: those that responded in the period. */
export function letterSchools(computation: Computation): string[] {
  return computation.result.schools.filter((s) => s.responded).map((s) => s.school_id);
}

/**
 * The same day a year later, `dd.MM.yyyy` (29 February goes to 1 March). The settings' deadline
 * is already a calendar day (`YYYY-MM-DD`, readSettingsSheet), so no time zone is involved.
 */
function nextDeadline(deadline: unknown): string {
  const m = typeof deadline === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline) : null;
  if (!m) return '';
  const next = new Date(Date.UTC(Number(m[1]) + 1, Number(m[2]) - 1, Number(m[3])));
  return dayText(next.toISOString().slice(0, 10));
}

export function letterContext(ports: Ports, { settings }: Computation): LetterContext {
  return {
    issuer: String(settings.report_issuer ?? ''),
    municipality: String(settings.municipality ?? ''),
    date: ports.clock.format(ports.clock.now(), 'dd.MM.yyyy'),
    nextDeadline: nextDeadline(settings.deadline),
  };
}

/** Writes (or rewrites) one school's letter. */
export function writeLetter(
  ports: Ports,
  computation: Computation,
  schoolId: string,
): DocumentInfo {
  const { result } = computation;
  const school = result.schools.find((s) => s.school_id === schoolId);
  if (!school) throw new Error(`no school ${schoolId}`);
  const key = letterDocKey(result.period, schoolId);
  const model = buildLetter(result, school, letterContext(ports, computation));
  return ports.documents.write(model.title, model, {
    reuse: ports.properties.get(key),
    created: (id) => ports.properties.set(key, id),
  });
}
