/** Small builders for core tests: registry schools, accepted responses, settings. */
import type { DataRow, FieldValues, ListEntry, RegistrySchool } from '../../src/core/types';

export function school(id: string, extra: Partial<RegistrySchool> = {}): RegistrySchool {
  return {
    school_id: id,
    name: `Школа ${id}`,
    municipality: 'Город',
    locality: 'urban',
    email: '',
    is_internship_site: false,
    leader_school_id: '',
    active: true,
    no_reminders: false,
    ...extra,
  };
}

export function row(
  id: string,
  period: string,
  values: FieldValues,
  timestamp = '2022-05-01T10:00:00Z',
): DataRow {
  return { school_id: id, period, values, response_id: `r-${id}-${period}`, timestamp };
}

export function listed(period: string, id: string, status: ListEntry['status']): ListEntry {
  return { period, school_id: id, status };
}

/** A response with the two required totals and whatever else is given. */
export function answers(values: FieldValues = {}): FieldValues {
  return { students_total: 100, teachers_total: 10, ...values };
}
