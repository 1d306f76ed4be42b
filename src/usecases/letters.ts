/**
 * «Сформировать письма школам» (domain spec §8): one Google Doc per responding school. Hundreds
 * of letters exceed one Apps Script execution, so the work is a resumable job: each call writes
 * letters until its budget is spent and keeps a checkpoint (the period and the next school's
 * index) in document properties; the next call — the menu again, or a long-job runner —
 * continues from there. A letter is written once per period: its document id is kept per
 * school, so a repeated call never makes a second copy.
 */
import { JOURNAL, LETTER_UI } from '../core/messages';
import { buildLetter } from '../core/report/letter';
import type { SchoolResult } from '../core/monitoring';
import type { DocumentInfo, Ports } from '../ports';
import { journal } from './journal';
import { compute } from './recompute';

export const LETTERS_CHECKPOINT_KEY = 'letters.checkpoint';
export const letterDocKey = (period: string, schoolId: string) =>
  `letters.doc.${period}.${schoolId}`;

export interface LettersStep {
  period: string;
  /** Letters that exist for the period after this call. */
  written: number;
  total: number;
  finished: boolean;
  /** The letters this call wrote. */
  docs: Array<{ school_id: string } & DocumentInfo>;
}

export interface LettersBudget {
  /** At most this many letters in this call. */
  maxLetters?: number;
  /** Stop starting new letters after this many milliseconds of the clock. */
  maxMillis?: number;
  period?: string;
}

interface Checkpoint {
  period: string;
  next: number;
}

function readCheckpoint(ports: Pick<Ports, 'properties'>): Checkpoint | null {
  const raw = ports.properties.get(LETTERS_CHECKPOINT_KEY);
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Checkpoint;
    return typeof c.period === 'string' && Number.isInteger(c.next) ? c : null;
  } catch {
    return null;
  }
}

function nextDeadline(ports: Ports, deadline: unknown): string {
  const date =
    deadline instanceof Date
      ? new Date(deadline.getTime())
      : typeof deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(deadline)
        ? new Date(`${deadline}T12:00:00Z`)
        : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  date.setFullYear(date.getFullYear() + 1);
  return ports.clock.format(date, 'dd.MM.yyyy');
}

/** One step of the job: writes letters from the checkpoint on, within the budget. */
export function writeLettersStep(ports: Ports, budget: LettersBudget = {}): LettersStep {
  const started = ports.clock.now().getTime();
  const { result, settings } = compute(ports, budget.period);
  const schools: SchoolResult[] = result.schools.filter((s) => s.responded);
  const saved = readCheckpoint(ports);
  let next = saved && saved.period === result.period ? saved.next : 0;
  const ctx = {
    issuer: String(settings.report_issuer ?? ''),
    municipality: String(settings.municipality ?? ''),
    date: ports.clock.format(ports.clock.now(), 'dd.MM.yyyy'),
    nextDeadline: nextDeadline(ports, settings.deadline),
    maxRecommendations: Number(settings.max_recommendations) || 5,
  };
  const docs: LettersStep['docs'] = [];
  const max = budget.maxLetters ?? Number.POSITIVE_INFINITY;
  while (next < schools.length && docs.length < max) {
    if (budget.maxMillis !== undefined && ports.clock.now().getTime() - started > budget.maxMillis)
      break;
    const school = schools[next];
    const key = letterDocKey(result.period, school.school_id);
    if (!ports.properties.get(key)) {
      const model = buildLetter(result, school, ctx);
      const doc = ports.documents.write(model.title, model);
      ports.properties.set(key, doc.id);
      docs.push({ school_id: school.school_id, ...doc });
    }
    next += 1;
    ports.properties.set(LETTERS_CHECKPOINT_KEY, JSON.stringify({ period: result.period, next }));
  }
  const finished = next >= schools.length;
  if (finished) {
    ports.properties.set(LETTERS_CHECKPOINT_KEY, '');
    journal(ports, JOURNAL.letters, LETTER_UI.done(schools.length));
  }
  return { period: result.period, written: next, total: schools.length, finished, docs };
}
