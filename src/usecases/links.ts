/**
 * Each school's personal form link (domain spec 8a): its school and period pre-filled and its
 * access code carried, listed for the inspector in «Ссылки школам», and e-mailed on request.
 */
import { prefilledUrl } from '../core/prefill';
import { FORM_ID_KEY, layoutOf, LINKS_SHEET, tableOf } from '../sheets/schema';
import { INTAKE } from '../core/messages';
import { settingText } from '../core/settings';
import type { RegistrySchool, Settings } from '../core/types';
import type { Ports } from '../ports';
import { ACCESS_CODE_FIELD, SCHOOL_FIELD } from '../core/intake';
import { activeSchoolChoices, schoolChoice } from '../core/schoolChoice';
import { type OutgoingMail } from './mail';
import { queueAndSend } from './jobs';
import { readRegistry, readSettingsSheet } from '../sheets/workbook';

export interface SchoolLink {
  school: RegistrySchool;
  period: string;
  code: string;
  url: string;
}

const SAMPLE_CODE = 'PREFILL-CODE-SAMPLE';
const SAMPLE_PERIOD = 'PREFILL-PERIOD-SAMPLE';

export function schoolLinks(
  ports: Ports,
  schools: readonly RegistrySchool[],
  settings: Settings,
): SchoolLink[] {
  const formId = ports.properties.get(FORM_ID_KEY);
  const active = schools.filter((s) => s.active);
  if (!formId || active.length === 0) return [];
  const period = settingText(settings, 'period');
  const sampleSchool = schoolChoice(active[0].school_id, active[0].name);
  const template = ports.forms.prefill(formId, {
    school_id: sampleSchool,
    period: SAMPLE_PERIOD,
    [ACCESS_CODE_FIELD]: SAMPLE_CODE,
  });
  return active.map((school) => {
    const code = ports.accessCodes.code(school.school_id, period);
    const url = prefilledUrl(template, {
      school_id: schoolChoice(school.school_id, school.name),
      ...(period ? { period } : {}),
      [ACCESS_CODE_FIELD]: code,
    });
    return { school, period, code, url };
  });
}

/** Rewrites «Ссылки школам» for the current period. */
export function refreshLinks(ports: Ports): SchoolLink[] {
  const { settings } = readSettingsSheet(ports.sheets);
  const { schools } = readRegistry(ports.sheets);
  // A link can only pre-fill a school the form lists: the list follows the registry first.
  const formId = ports.properties.get(FORM_ID_KEY);
  const choices = activeSchoolChoices(schools);
  if (formId) ports.forms.setChoices(formId, SCHOOL_FIELD, choices);
  const links = schoolLinks(ports, schools, settings);
  ports.sheets.replace(
    LINKS_SHEET.name,
    tableOf(
      LINKS_SHEET,
      links.map((l) => ({
        school_id: l.school.school_id,
        name: l.school.name,
        email: l.school.email,
        period: l.period,
        access_code: l.code,
        url: l.url,
      })),
    ),
    layoutOf(LINKS_SHEET),
  );
  return links;
}

/** «Разослать ссылки школам»: each school with an e-mail gets its link once per period. */
export function sendLinks(ports: Ports): { sent: number; queued: number; withoutEmail: string[] } {
  const links = refreshLinks(ports);
  const { settings } = readSettingsSheet(ports.sheets);
  const deadline = settingText(settings, 'deadline');
  const mails: OutgoingMail[] = links
    .filter((l) => l.school.email)
    .map((l) => ({
      key: `link|${l.school.school_id}|${l.period}`,
      to: l.school.email,
      subject: INTAKE.linkSubject(l.period),
      body: INTAKE.linkBody(l.school.name, l.period, l.url, deadline),
    }));
  const result = queueAndSend(ports, mails);
  const withoutEmail = links
    .filter((l) => !l.school.email)
    .map((l) => INTAKE.noEmail(l.school.name));
  return { ...result, withoutEmail };
}
