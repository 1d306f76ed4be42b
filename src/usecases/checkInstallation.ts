/**
 * «Проверить установку»: the product checks itself on the user's own Google account, where
 * the emulator cannot: the form (exists, published, accepting, sending here), the responses
 * sheet, the triggers, the mail quota, where reports go, the time zones, a round trip of test
 * values through a sheet, and the core on a built-in example. Each check is a function of the
 * ports giving ✓/✗ lines, so others can add theirs to `INSTALLATION_CHECKS`. It changes nothing
 * but its own scratch sheet, which it deletes; the report goes to «Журнал» and to a dialog.
 */
import { CHECK, JOURNAL } from '../core/messages';
import { coreSelfTest } from '../core/selfTest';
import type { Cell, Ports } from '../ports';
import { FORM_ID_KEY, SHEETS } from '../sheets/schema';
import { journal } from './journal';
import { responsesSheetName } from './reconcile';
import { FORM_SUBMIT_HANDLER } from './setup';
import { checkTriggers as triggerHealth } from './triggers';

export interface CheckLine {
  ok: boolean;
  text: string;
}

export type InstallationCheck = (ports: Ports) => CheckLine[];

const line = (ok: boolean, good: string, bad: string): CheckLine => ({
  ok,
  text: ok ? good : bad,
});

export const checkForm: InstallationCheck = (ports) => {
  const formId = ports.properties.get(FORM_ID_KEY);
  if (!formId) return [{ ok: false, text: CHECK.noForm }];
  const form = ports.forms.open(formId);
  if (!form) return [{ ok: false, text: CHECK.formGone }];
  const responses = responsesSheetName(ports);
  return [
    { ok: true, text: CHECK.formExists },
    line(form.published, CHECK.published, CHECK.unpublished),
    line(form.acceptingResponses, CHECK.accepting, CHECK.notAccepting),
    line(
      form.destinationId === ports.sheets.id(),
      CHECK.destinationHere,
      CHECK.destinationElsewhere,
    ),
    line(responses !== null, CHECK.responsesFound(responses ?? ''), CHECK.responsesMissing),
  ];
};

/** Google lists only the current user's triggers: exactly one submit trigger should be theirs. */
export const checkTriggers: InstallationCheck = (ports) => {
  const mine = ports.triggers.list();
  const submit = mine.filter((t) => t.kind === 'formSubmit' && t.handler === FORM_SUBMIT_HANDLER);
  const daily = mine.filter((t) => t.kind === 'clock').map((t) => t.handler);
  return [
    { ok: submit.length === 1, text: CHECK.submitTrigger(submit.length) },
    { ok: true, text: CHECK.dailyTriggers([...new Set(daily)]) },
    // Duplicate, missing and other users' triggers, reported only: the check changes nothing.
    ...triggerHealth(ports, { repair: false }).lines.map((text) => ({ ok: false, text })),
  ];
};

export const checkMail: InstallationCheck = (ports) => {
  const left = ports.mailer.remainingQuota();
  return [{ ok: left > 0, text: CHECK.mailQuota(left) }];
};

export const checkReports: InstallationCheck = () => [{ ok: true, text: CHECK.reports }];

export const checkTimeZones: InstallationCheck = (ports) => {
  const script = ports.clock.timeZone();
  const sheet = ports.sheets.timeZone();
  return [{ ok: script === sheet, text: CHECK.timeZones(script, sheet) }];
};

/** Leading zeros, a formula-like string and a date survive a write and a read. */
export const checkRoundTrip: InstallationCheck = (ports) => {
  const date = ports.clock.now();
  const sent: Cell[] = ['007', '=1+1', date];
  let back: Cell[] = [];
  try {
    ports.sheets.replace(SHEETS.checkScratch, [sent]);
    back = ports.sheets.read(SHEETS.checkScratch)[0] ?? [];
  } finally {
    ports.sheets.deleteSheet(SHEETS.checkScratch);
  }
  const broken: string[] = [];
  if (back[0] !== '007') broken.push(`«007» → «${String(back[0])}»`);
  if (back[1] !== '=1+1') broken.push(`«=1+1» → «${String(back[1])}»`);
  if (!(back[2] instanceof Date) || back[2].getTime() !== date.getTime())
    broken.push(`${date.toISOString()} → ${String(back[2])}`);
  return [line(broken.length === 0, CHECK.roundTrip, CHECK.roundTripBroken(broken.join('; ')))];
};

export const checkCore: InstallationCheck = () => {
  const test = coreSelfTest();
  return [line(test.ok, CHECK.core, CHECK.coreBroken(test.problem))];
};

export const INSTALLATION_CHECKS: InstallationCheck[] = [
  checkForm,
  checkTriggers,
  checkMail,
  checkReports,
  checkTimeZones,
  checkRoundTrip,
  checkCore,
];

export interface InstallationReport {
  lines: CheckLine[];
  failed: number;
  text: string;
}

export function checkInstallation(
  ports: Ports,
  checks: readonly InstallationCheck[] = INSTALLATION_CHECKS,
): InstallationReport {
  const lines = checks.flatMap((check) => {
    try {
      return check(ports);
    } catch (error) {
      return [{ ok: false, text: String(error) }];
    }
  });
  const failed = lines.filter((l) => !l.ok).length;
  const text = [
    ...lines.map((l) => `${l.ok ? CHECK.ok : CHECK.bad} ${l.text}`),
    CHECK.summary(failed),
  ].join('\n');
  journal(ports, JOURNAL.check, text);
  ports.ui.alert(CHECK.title, text);
  return { lines, failed, text };
}
