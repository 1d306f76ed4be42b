/** The manifest's scopes, enforced as Google does (emulator/scopes). */
import { createGoogle } from '../../emulator';
import { documentedScopes, permissionMessage, ScopeGuard } from '../../emulator/scopes';

const AUTH = 'https://www.googleapis.com/auth/';

function scriptWith(scopes: string[]) {
  const google = createGoogle();
  google.runtime.scopes = new ScopeGuard(scopes.map((s) => AUTH + s));
  const run = <T>(fn: () => T): T => google.runtime.runScript(fn);
  return { google, run };
}

describe('scope table', () => {
  it('holds what the reference pages document', () => {
    expect(documentedScopes('DriveApp.createFolder')).toEqual([`${AUTH}drive`]);
    expect(documentedScopes('MailApp.sendEmail')).toEqual([`${AUTH}script.send_mail`]);
    expect(documentedScopes('Range.getValues')).toEqual(
      expect.arrayContaining([`${AUTH}spreadsheets`, `${AUTH}spreadsheets.currentonly`]),
    );
    expect(documentedScopes('Utilities.formatDate')).toEqual([]);
  });
});

describe('a script under its manifest', () => {
  it('DriveApp.createFolder under drive.file fails with Google’s message', () => {
    const { google, run } = scriptWith(['drive.file', 'documents']);
    expect(() => run(() => google.DriveApp.createFolder('Отчёты'))).toThrow(
      `You do not have permission to call DriveApp.createFolder. Required permissions: ${AUTH}drive`,
    );
  });

  it('the error reads as Google’s in the execution log', () => {
    const { google, run } = scriptWith(['drive.file']);
    let error: unknown;
    try {
      run(() => google.DriveApp.getFileById('x'));
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe(
      `Exception: ${permissionMessage('DriveApp.getFileById', [`${AUTH}drive`, `${AUTH}drive.readonly`])}`,
    );
    expect(String(error)).toContain(`(${AUTH}drive || ${AUTH}drive.readonly)`);
  });

  it('spreadsheets.currentonly opens the active spreadsheet but not another by id', () => {
    const { google, run } = scriptWith(['spreadsheets.currentonly']);
    const ss = google.SpreadsheetApp.create('Мониторинг');
    expect(run(() => google.SpreadsheetApp.getActiveSpreadsheet().getName())).toBe('Мониторинг');
    expect(() => run(() => google.SpreadsheetApp.openById(ss.getId()))).toThrow(
      /You do not have permission to call SpreadsheetApp\.openById/,
    );
  });

  it('a method the pages give no scope needs none; the test itself is not the script', () => {
    const { google, run } = scriptWith([]);
    expect(run(() => google.Utilities.getUuid())).toMatch(/-/);
    // Outside a script function (the test, a person) nothing is checked.
    expect(google.DriveApp.createFolder('Папка').getName()).toBe('Папка');
  });
});
