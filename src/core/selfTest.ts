/**
 * The core on a tiny built-in example, for «Проверить установку»: the monitoring computes and
 * the language features the core relies on (BigInt for the access-code HMAC bytes, optional
 * chaining, flatMap, Object.fromEntries) exist in the runtime that runs it.
 */
import { computeMonitoring } from './monitoring';
import type { DataRow, ListEntry, RegistrySchool } from './types';

export interface SelfTest {
  ok: boolean;
  /** What failed, in English for the log; '' when all is well. */
  problem: string;
}

function school(id: string): RegistrySchool {
  return {
    school_id: id,
    name: `Школа ${id}`,
    municipality: 'Пример',
    locality: 'urban',
    email: '',
    is_internship_site: false,
    leader_school_id: '',
    active: true,
    no_reminders: false,
  };
}

function row(id: string, diagnosed: number): DataRow {
  return {
    school_id: id,
    period: '2025-2026',
    values: { students_total: 100, teachers_total: 20, teachers_diagnosed: diagnosed },
    response_id: id,
    timestamp: '2026-09-01T09:00:00.000Z',
  } as unknown as DataRow;
}

export function coreSelfTest(): SelfTest {
  try {
    const big = (BigInt(2) ** BigInt(64)).toString();
    if (big !== '18446744073709551616') return { ok: false, problem: `BigInt gave ${big}` };
    const nested = [[1], [2, 3]].flatMap((x) => x);
    const entries = Object.fromEntries([['a', nested?.length ?? 0]]);
    if (entries.a !== 3) return { ok: false, problem: 'flatMap/fromEntries' };
    const result = computeMonitoring({
      registry: ['001', '002', '003'].map(school),
      lists: [{ period: '2025-2026', school_id: '001', status: 'ШНОР' } as ListEntry],
      data: [row('001', 5), row('002', 6), row('003', 7)],
      settings: {},
      period: '2025-2026',
    });
    const first = result.schools.find((s) => s.school_id === '001');
    if (result.responded !== 3 || first?.status !== 'ШНОР')
      return {
        ok: false,
        problem: `example computed ${result.responded} responses, status ${first?.status}`,
      };
    return { ok: true, problem: '' };
  } catch (error) {
    return { ok: false, problem: String(error) };
  }
}
