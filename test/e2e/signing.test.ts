// Settings → 工作站与签名 in Chromium against the real backend (issue 8): the workstation shows its
// key fingerprint in groups; a laptop's public-key file is registered with the fingerprint read
// out on the phone and a number range; a wrong fingerprint is refused at the dialog in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend';
import type { WorkstationIdentity } from '../../shared/api/dto/signing';
import { tempDir } from '../integration/db-helpers';
import { openSession, type Session } from './session';

describe('workstation keys in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the own fingerprint and registers a laptop after a phone check', async () => {
    const { page, api, shot } = session;
    // the laptop, set up elsewhere: its public-key file and the fingerprint it shows
    const tmp = tempDir('jihe-e2e-laptop-');
    const laptop = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'laptop-user' });
    let keyText: string;
    let fingerprintText: string;
    try {
      const r = await laptop.invoke('signing.setIdentity', { name: '稽核科一号笔记本', numberRange: { start: 1001, end: 1999 } });
      if (!r.ok) throw new Error(r.error.message);
      fingerprintText = (r.value as WorkstationIdentity).fingerprintText;
      const f = await laptop.invoke('signing.exportPublicKey', {});
      if (!f.ok) throw new Error(f.error.message);
      keyText = (f.value as { text: string }).text;
    } finally {
      laptop.close();
      tmp.cleanup();
    }

    await page.goto(new URL('#/settings', session.harness.url).href);
    await page.getByRole('tab', { name: '工作站与签名' }).click();
    const own = await api<WorkstationIdentity>('signing.identity', {});
    await expect.poll(() => page.locator('[data-testid="own-fingerprint"]').innerText()).toContain(own.fingerprintText);
    await shot('signing-01-own-key');

    await page.locator('[data-testid="register-key"]').click();
    await page.locator('[data-testid="key-text"]').fill(keyText);
    await page.locator('[data-testid="confirm-fingerprint"]').fill('0000 1111 2222 3333');
    await page.getByRole('button', { name: '登 记' }).or(page.getByRole('button', { name: '登记' })).last().click();
    await page.locator('[data-testid="register-error"]').waitFor();
    expect(await page.locator('[data-testid="register-error"]').innerText()).toContain('电话核对的指纹与公钥文件不符');
    await shot('signing-02-wrong-fingerprint');

    await page.locator('[data-testid="confirm-fingerprint"]').fill(fingerprintText.toLowerCase());
    await page.getByRole('button', { name: '登 记' }).or(page.getByRole('button', { name: '登记' })).last().click();
    const row = page.locator('.ant-table-row', { hasText: '稽核科一号笔记本' });
    await row.waitFor();
    expect(await row.innerText()).toContain('1001–1999');
    expect(await row.innerText()).toContain(fingerprintText);
    await shot('signing-03-registered');
    const keys = await api<{ name: string; revokedAt: string | null }[]>('signing.keys', {});
    expect(keys).toEqual([expect.objectContaining({ name: '稽核科一号笔记本', revokedAt: null })]);
  }, 120_000);
});
