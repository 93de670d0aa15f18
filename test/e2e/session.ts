// One e2e session: a harness on a fresh data folder with the real backend, Chromium on its page,
// console errors collected, screenshots to test-output/e2e/, and direct API calls for setting up
// what a test is not about.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/server';
import { createBackend } from '../../electron/services/backend';
import { collectConsoleErrors, launchChromium } from './browser';
import { parseWire, stringifyWire } from '../../shared/api/wire';
import { INSURANCE_CODES } from '../../shared/domain/insurance';

export const SHOTS_DIR = path.resolve('test-output/e2e');

export interface Session {
  harness: Harness;
  /** The backend's data folder (for tests that set up rows the procedure would take long to reach). */
  dataDir: string;
  browser: Browser;
  page: Page;
  consoleErrors: string[];
  /** Writes test-output/e2e/<name>.png of the whole page, after animations have settled. */
  shot(name: string): Promise<void>;
  /** shot() at 1440 × 900 as <name>.png and at 1280 × 720 as <name>-1280.png, then back to 1440 × 900. */
  shots(name: string): Promise<void>;
  /** Calls the API as the page's client does (token header); throws on an error result. */
  api<T>(method: string, input: unknown): Promise<T>;
  /** Runs an import through the API and waits for it to finish; throws unless it is done. */
  importFile(caseId: number, kind: 'payroll' | 'declaration', fileName: string, data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** The clock of the backend's inactivity lock, so a test can let minutes pass at once. */
  idleClock?: () => Date;
  /** The real first run: a workstation without accounts shows only the create-administrator screen (otherwise usable without accounts, as tests not about it need). */
  firstRun?: boolean;
  /** Keep the seeded example agency profile marked as sample (the first-run state); by default it is taken as filled in. */
  sampleProfile?: boolean;
}

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jihe-e2e-data-'));
  const backend = options.idleClock ? createBackend({ dataDir, runtime: 'harness', idleClock: options.idleClock }) : undefined;
  const harness = await startHarness({ dataDir, port: 0, openFirstRun: options.firstRun !== true, ...(backend ? { backend } : {}) });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await harness.close();
    throw e;
  }
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(20_000);
  const consoleErrors = collectConsoleErrors(page);
  const session: Session = {
    harness,
    dataDir,
    browser,
    page,
    consoleErrors,
    shot: async (name) => {
      // Modals, dropdowns and messages animate in; wait for finite animations to end (spinners loop forever).
      await page
        .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 3000 })
        .catch(() => undefined);
      await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
    },
    shots: async (name) => {
      await session.shot(name);
      await page.setViewportSize({ width: 1280, height: 720 });
      await session.shot(`${name}-1280`);
      await page.setViewportSize({ width: 1440, height: 900 });
    },
    api: async <T>(method: string, input: unknown): Promise<T> => {
      const res = await fetch(new URL(`api/${method}`, harness.url), { method: 'POST', headers: { 'x-jihe-token': harness.token }, body: stringifyWire(input) });
      const result = parseWire(await res.text()) as { ok: boolean; value: T; error?: { message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
      return result.value;
    },
    importFile: async (caseId, kind, fileName, data) => {
      const { jobId } = await session.api<{ jobId: string }>('imports.start', { caseId, kind, fileName, data });
      for (let i = 0; i < 600; i++) {
        const job = await session.api<{ state: string; error: string | null }>('jobs.get', { jobId });
        if (job.state === 'done') return;
        if (job.state !== 'running') throw new Error(`导入 ${fileName} 失败：${job.error}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`导入 ${fileName} 超时`);
    },
    close: async () => {
      await browser.close();
      await harness.close();
      backend?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (!options.sampleProfile) {
    // the bureau has filled in its profile (as at first run): the example profile without its
    // sample marker, auditing every insurance type of the five-insurance example plan the tests use
    const { sampleFields: _sample, ...filled } = JSON.parse(readFileSync(path.resolve('resources/agency-profile.default.json'), 'utf8')) as Record<string, unknown>;
    await session.api('agency.import', { json: JSON.stringify({ ...filled, remit: INSURANCE_CODES }) });
  }
  return session;
}
