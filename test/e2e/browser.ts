// Launches Debian's Chromium through playwright-core (no browser download), and collects every
// console error and page error so a test can insist there were none. JIHE_CHROMIUM points to
// another Chromium or Chrome binary (default /usr/bin/chromium).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.JIHE_CHROMIUM || '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 ${CHROMIUM}：端到端测试需要 Chromium（Debian：apt-get install -y chromium fonts-wqy-zenhei），或用环境变量 JIHE_CHROMIUM 指向已安装的 Chromium/Chrome`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A blob: PDF being replaced or the page closing aborts requests; anything else is a failure.
    if (!req.url().startsWith('blob:')) errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  return errors;
}
