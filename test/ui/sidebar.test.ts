/// <reference lib="dom" />
/**
 * The sidebar «Панель мониторинга» in a real browser: the built page (dist/sidebar.html) in
 * Debian's chromium, its `google.script.run` a stub whose calls run the real entry points on
 * the emulator.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SETTINGS_MESSAGES, SIDEBAR } from '../../src/core/messages';
import { SHEETS } from '../../src/sheets/schema';
import { JOB_CATALOGUE } from '../../src/usecases/jobs/catalogue';
import { makeHarness, setSetting, type Harness } from '../e2e/harness';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = path.resolve(__dirname, '../../dist/sidebar.html');
const URL = 'http://sidebar.test/';
const EVIL = '<img src=x onerror="window.__pwned=1">';
const have = existsSync(CHROMIUM);
const maybe = have ? describe : describe.skip;
if (!have) console.warn(`sidebar tests skipped: ${CHROMIUM} is not installed`);

jest.setTimeout(120_000);

/** `google.script.run` in the page: each call goes to `__serverCall`, which runs it on the emulator. */
const STUB = `
  (() => {
    const make = (ok, fail) => new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (h) => make(h, fail);
        if (name === 'withFailureHandler') return (h) => make(ok, h);
        return (...args) => {
          window.__serverCall(String(name), JSON.stringify(args)).then(
            (text) => ok && ok(JSON.parse(text)),
            (error) => fail && fail(error),
          );
        };
      },
    });
    window.google = { script: { run: make(null, null), host: { close() {} } } };
  })();
`;

function ddmmyyyy(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

maybe('sidebar «Панель мониторинга» in chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = makeHarness(3);
    const now = h.google.runtime.clock.nowMs();
    setSetting(h.ss.getSheetByName(SHEETS.settings)!, 'deadline', ddmmyyyy(now + 10 * 86_400_000));
    h.ss.getSheetByName(SHEETS.registry)!.getRange(3, 2).setValue(EVIL);
    h.project.call('menuSyncSchools');
    profile = mkdtempSync(path.join(os.tmpdir(), 'shnor-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 320, height: 1400 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await context.exposeFunction('__serverCall', (name: string, args: string) =>
      JSON.stringify(h.project.call(name, ...(JSON.parse(args) as unknown[])) ?? null),
    );
    await context.addInitScript(STUB);
    const html = readFileSync(PAGE, 'utf8');
    await context.route(URL, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const open = async () => {
    await page.goto(URL);
    await page.locator('#period').waitFor();
  };

  it('sidebar renders the period, the deadline with days left, responses, quota', async () => {
    await open();
    expect(await page.locator('h1').textContent()).toBe(SIDEBAR.title);
    expect(await page.locator('#period').textContent()).toBe('2025-2026');
    expect(await page.locator('#deadline').textContent()).toContain(SIDEBAR.daysLeft(10));
    expect(await page.locator('#responded').textContent()).toBe(SIDEBAR.responded(0, 3));
    const quota = h.google.MailApp.getRemainingDailyQuota();
    expect(await page.locator('#quota').textContent()).toBe(String(quota));
    // Every action is a real, focusable button reached with Tab.
    const buttons = page.locator('button[data-action]');
    expect(await buttons.count()).toBe(SIDEBAR.actions.length);
    await page.locator('#f-deadline').focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute('data-action') === 'menuSendLinks',
      );
    }
    expect(reached).toBe(true);
    // Nothing overflows 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
  });

  it('sidebar shows a school name holding markup as text, and its handler never runs', async () => {
    await open();
    expect(await page.locator('#not-responded').textContent()).toContain(EVIL);
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
  });

  it('sidebar rejects a bad deadline with a Russian message and saves nothing', async () => {
    await open();
    const before = h.values(SHEETS.settings);
    await page.locator('#f-deadline').fill('31.02.2026');
    await page.locator('#f-deadline').press('Enter');
    const errors = page.locator('#save-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain(
      SETTINGS_MESSAGES.badValue('Срок представления данных', '31.02.2026', '', '').split(' — ')[0],
    );
    expect(await page.locator('#f-deadline').getAttribute('aria-invalid')).toBe('true');
    expect(h.values(SHEETS.settings)).toEqual(before);
    // A good value is saved to «Настройки» and the status follows it.
    const now = h.google.runtime.clock.nowMs();
    await page.locator('#f-deadline').fill(ddmmyyyy(now + 3 * 86_400_000));
    await page.locator('button[type=submit]').click();
    await page.locator('#settings-feedback .ok').waitFor();
    await page.waitForFunction(
      (expected) => document.getElementById('deadline')?.textContent?.includes(expected),
      SIDEBAR.daysLeft(3),
    );
  });

  it("sidebar shows a long job's progress", async () => {
    // A recompute killed mid-way (the 6-minute limit) leaves its last checkpoint: a running
    // job. The runner writes its checkpoints at least every 10 s of the job's time
    // (jobs/runner.ts), so the clock moves with each call's modelled cost here, as on Google,
    // and each try is a first recompute of a fresh spreadsheet, killed after `k` calls.
    const current = () =>
      JSON.parse(
        h.google.PropertiesService.getDocumentProperties().getProperty('job.current') || 'null',
      ) as { status: string; step: number; stepDone: number } | null;
    const midway = () => {
      const state = current();
      return state?.status === 'running' && state.step + state.stepDone > 0;
    };
    for (let k = 20; k < 5000 && !midway(); k += 20) {
      h = makeHarness(3, { clockFollowsCost: true });
      h.google.runtime.faults.killAfterCalls = k;
      try {
        h.project.call('menuRecompute');
      } catch {
        // killed, as intended
      }
      h.google.runtime.faults.killAfterCalls = null;
    }
    const state = current();
    expect(state?.status).toBe('running');
    const steps = JOB_CATALOGUE.get('recompute')!.steps;
    await open();
    const text = (await page.locator('#job-text').textContent()) ?? '';
    expect(text).toContain(
      `шаг ${state!.step + 1} из ${steps.length} (${steps[state!.step].title})`,
    );
    expect(text).not.toBe(SIDEBAR.noJob);
    expect(Number(await page.locator('#job-bar').getAttribute('value'))).toBeGreaterThan(0);
    await page.screenshot({
      path: path.join(os.tmpdir(), 'shnor-sidebar-320.png'),
      fullPage: true,
    });
  });
});
