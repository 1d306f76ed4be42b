/**
 * Every entry point of the bundle runs under the manifest as shipped (dist/appsscript.json):
 * the emulator refuses any call whose documented scopes the manifest lacks, as Google does
 * (an advanced service's call with the API's «insufficient authentication scopes»),
 * and nothing the product catches may hide such a refusal either.
 */
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, validAnswers } from './harness';

const REFUSED = /You do not have permission to call|insufficient authentication scopes/;

/** How each entry point is started: a menu, a trigger, or a cell. */
const RECIPES: Record<string, (h: ReturnType<typeof makeHarness>) => void> = {
  onOpen: (h) => h.project.call('onOpen', {}),
  onInstall: (h) => h.project.call('onInstall', {}),
  onEdit: (h) =>
    h.project.call('onEdit', {
      range: h.ss.getSheetByName(SHEETS.registry)!.getRange(2, 2),
      source: h.ss,
    }),
  onSpreadsheetChange: (h) =>
    h.project.call('onSpreadsheetChange', { changeType: 'REMOVE_ROW', source: h.ss }),
  onFormSubmit: (h) => h.submit(validAnswers(1, { access_code: h.codeOf('0001') })),
  menuSetup: (h) => h.project.call('menuSetup'),
  menuSyncSchools: (h) => h.project.call('menuSyncSchools'),
  menuSendLinks: (h) => h.project.call('menuSendLinks'),
  menuReconcile: (h) => h.project.call('menuReconcile'),
  continueMailing: (h) => h.project.call('continueMailing'),
  continueJob: (h) => {
    h.project.call('menuSendLinks');
    h.project.call('continueJob');
  },
  menuRecompute: (h) => h.project.call('menuRecompute'),
  menuReport: (h) => h.project.call('menuReport'),
  menuLetters: (h) => h.project.call('menuLetters'),
  menuAbout: (h) => h.project.call('menuAbout'),
  openSidebar: (h) => h.project.call('openSidebar'),
  sidebarStatus: (h) => h.project.call('sidebarStatus'),
  sidebarSaveSettings: (h) => h.project.call('sidebarSaveSettings', { reminder_hour: '10' }),
  runReminders: (h) => h.project.call('runReminders'),

  menuCheckInstallation: (h) => h.project.call('menuCheckInstallation'),
  summaryJson_: (h) => h.project.call('summaryJson_'),
  SHNOR_SHARE: (h) => h.project.callCustomFunction('SHNOR_SHARE', 7, 18),
  SHNOR_ISB: (h) => h.project.callCustomFunction('SHNOR_ISB', [[0, 0, 0, 0, 0, 0, 0, 0, 0]]),
  SHNOR_RESULTS_INDEX: (h) =>
    h.project.callCustomFunction('SHNOR_RESULTS_INDEX', [[0, 0, 0, 0, 0]]),
  SHNOR_STATUS: (h) => h.project.callCustomFunction('SHNOR_STATUS', '0001'),
  SHNOR_RISK: (h) => h.project.callCustomFunction('SHNOR_RISK', '0001', 'parents'),
  SHNOR_INDICATOR: (h) => h.project.callCustomFunction('SHNOR_INDICATOR', 'share_flagged'),
};

describe('the manifest as shipped', () => {
  const logged: string[] = [];
  const capture = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  const h = makeHarness(3, {
    console: { log: capture, info: capture, warn: capture, error: capture },
  });

  it('has a recipe for every entry point of the bundle', () => {
    expect(h.project.functionNames().filter((n) => !(n in RECIPES))).toEqual([]);
  });

  it.each(Object.keys(RECIPES))('%s runs with no call refused', (name) => {
    if (!h.project.functionNames().includes(name)) throw new Error(`${name} is not in the bundle`);
    logged.length = 0;
    const before = h.executions().length;
    RECIPES[name](h);
    expect(logged.filter((l) => REFUSED.test(l))).toEqual([]);
    const failed = h
      .executions()
      .slice(before)
      .filter((e) => e.error);
    expect(failed).toEqual([]);
  });
});
