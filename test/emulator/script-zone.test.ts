/**
 * Issue 9, point 7: the script's `Date` lives in the script's time zone (the manifest's
 * `timeZone`), whatever zone the host runs in, while the spreadsheet keeps its own zone.
 * Run the suite with `TZ=America/New_York` or `TZ=Asia/Tokyo` to see it hold on other hosts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGoogle } from '../../emulator';
import { loadProject } from '../../emulator/loader';

const CODE = `
function describe(d) {
  return {
    y: d.getFullYear(), m: d.getMonth(), d: d.getDate(), h: d.getHours(), wd: d.getDay(),
    offset: d.getTimezoneOffset(), text: String(d),
  };
}
var seen = [];
function tick(e) {
  var now = new Date();
  seen.push(describe(now));
}
function midnight() {
  return new Date(2026, 5, 1).toISOString();
}
function parsed() {
  return new Date('2026-06-01T00:00:00').toISOString();
}
function writeDate() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheets()[0].getRange('A1').setValue(new Date(2026, 5, 1)).setNumberFormat('dd.MM.yyyy HH:mm');
}
function readDate() {
  var cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue();
  return describe(cell);
}
function getSeen() {
  return seen;
}
`;

function project(manifestZone = 'Europe/Moscow') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: manifestZone }));
  const google = createGoogle({ clockStart: '2026-05-31T20:00:00Z' });
  const ss = google.SpreadsheetApp.create('Книга');
  google.SpreadsheetApp.setActiveSpreadsheet(ss);
  const p = loadProject(google, { distDir: dir });
  return { google, ss, p };
}

const hostOffset = () => new Date(Date.UTC(2026, 4, 31, 21, 30)).getTimezoneOffset();

describe("the script's Date follows the script's time zone, not the host's", () => {
  test('a clock trigger at 21:30 UTC on 31 May runs on 1 June, 00:30 Moscow time', () => {
    const { google, p } = project();
    const host = hostOffset();
    google.ScriptApp.newTrigger('tick').timeBased().at(new Date('2026-05-31T21:30:00Z')).create();
    google.ScriptApp.__runTimeTriggersUntil('2026-05-31T22:00:00Z');
    const [seen] = p.call<Array<Record<string, unknown>>>('getSeen');
    expect(seen).toEqual({
      y: 2026,
      m: 5,
      d: 1,
      h: 0,
      wd: 1,
      offset: -180,
      text: expect.stringContaining('Mon Jun 01 2026 00:30:00 GMT+0300') as unknown,
    });
    // The host's own clock is untouched once the script is done.
    expect(hostOffset()).toBe(host);
  });

  test('new Date(y, m, d) and a date-time string without a zone are Moscow times', () => {
    const { p } = project();
    expect(p.call('midnight')).toBe('2026-05-31T21:00:00.000Z');
    expect(p.call('parsed')).toBe('2026-05-31T21:00:00.000Z');
  });

  test("the zone is the manifest's", () => {
    const { p } = project('Asia/Krasnoyarsk');
    expect(p.call('midnight')).toBe('2026-05-31T17:00:00.000Z');
  });

  test("the spreadsheet keeps its own zone: the script's midnight shows as 04:00 in Krasnoyarsk", () => {
    const { ss, p } = project();
    ss.setSpreadsheetTimeZone('Asia/Krasnoyarsk');
    p.call('writeDate');
    expect(ss.getSheets()[0].getRange('A1').getDisplayValue()).toBe('01.06.2026 04:00');
    // Read back by the script, the same instant, seen on the script's calendar.
    expect(p.call('readDate')).toMatchObject({ y: 2026, m: 5, d: 1, h: 0, offset: -180 });
  });
});
