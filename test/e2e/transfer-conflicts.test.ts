// Resolving transfer conflicts in Chromium (issue 8 item 6): the office (the harness) and a laptop
// (a second backend in this process) register each other's keys, share two cases, and both change
// them offline. Importing the laptop's package in the 案件交换 dialog lists two conflicts; the user
// chooses 两边都保留 for one and 采用交换包 for the other and resolves both at once; the result
// says so, and each case's trail ends with the recorded choice.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { ApiResult } from '../../shared/api/contract';
import { openSession, type Session } from './session';
import { tempDir } from '../integration/db-helpers';

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('现场照片'), 0xff, 0xd9]);

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('transfer conflicts resolved in Chromium', () => {
  let session: Session;
  let laptop: Backend;
  let tmp: ReturnType<typeof tempDir>;
  const shot = (name: string) => session.shot(`transfer-conflicts-${name}`);

  beforeAll(async () => {
    session = await openSession();
    tmp = tempDir('jihe-e2e-laptop-');
    laptop = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'laptop-user' });
  });
  afterAll(async () => {
    await session?.close();
    laptop?.close();
    tmp?.cleanup();
  });

  it('lists the conflicts, takes a choice per case, and resolves them in one go', async () => {
    const { api, page } = session;
    // the office and the laptop register each other's public keys (fingerprints compared by phone)
    const officeId = await api<{ fingerprintText: string }>('signing.setIdentity', { name: '稽核科', numberRange: null });
    const laptopId = ok<{ fingerprintText: string }>(await laptop.invoke('signing.setIdentity', { name: '一号笔记本', numberRange: { start: 1001, end: 1999 } }));
    const laptopKey = ok<{ text: string }>(await laptop.invoke('signing.exportPublicKey', {}));
    await api('signing.registerKey', { keyText: laptopKey.text, numberRange: { start: 1001, end: 1999 }, confirmFingerprint: laptopId.fingerprintText });
    const officeKey = await api<{ text: string }>('signing.exportPublicKey', {});
    ok(await laptop.invoke('signing.registerKey', { keyText: officeKey.text, numberRange: null, confirmFingerprint: officeId.fingerprintText }));

    // two cases at the office, taken to the laptop
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const ids: number[] = [];
    for (const [name, creditCode] of [['示例科技有限公司', '91350100M000100Y43'], ['示例贸易有限公司', '91350100M000300Y4J']]) {
      const e = await api<{ id: number }>('employers.create', { name, creditCode });
      ids.push((await api<{ id: number }>('cases.create', { employerId: e.id, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: plan.id, source: 'plan' })).id);
    }
    const out = await api<{ data: Uint8Array }>('transfer.exportCases', { caseIds: ids });
    ok(await laptop.invoke('transfer.importPackage', { data: out.data }));
    const laptopCases = ok<{ id: number; number: string }[]>(await laptop.invoke('cases.list', {})).sort((x, y) => x.number.localeCompare(y.number));
    expect(laptopCases).toHaveLength(2);

    // offline, both sides change both cases
    for (const [k, c] of laptopCases.entries()) ok(await laptop.invoke('evidence.add', { caseId: c.id, fileName: `笔记本现场照片${k + 1}.jpg`, data: new Uint8Array([...PHOTO, k]), description: `现场照片${k + 1}`, kind: 'photo' }));
    await api('evidence.add', { caseId: ids[0], fileName: '科室补充材料.jpg', data: new Uint8Array([...PHOTO, 9]), description: '单位补充说明', kind: 'copy' });
    await api('figures.set', { caseId: ids[1], asOf: '2026-07-15' });
    const back = ok<{ fileName: string; data: Uint8Array }>(await laptop.invoke('transfer.exportCases', { caseIds: laptopCases.map((c) => c.id) }));
    const pkgFile = path.join(tmp.dir, back.fileName);
    writeFileSync(pkgFile, back.data);

    await page.goto(new URL('#/cases', session.harness.url).href);
    await page.getByRole('button', { name: '案件交换' }).click();
    const dialog = page.getByRole('dialog', { name: /案件交换/ });
    await dialog.getByRole('tab', { name: '导入交换包' }).click();
    await dialog.locator('input[type=file]').setInputFiles(pkgFile);
    const result = dialog.getByTestId('transfer-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.innerText()).toContain('冲突 2 个');
    const resolver = dialog.getByTestId('conflict-resolver');
    await resolver.waitFor();
    const button = resolver.getByRole('button', { name: /按所选方式处理/ });
    expect(await button.isDisabled()).toBe(true);
    await shot('01-listed');

    const numbers = laptopCases.map((c) => c.number).sort();
    await resolver.getByRole('radiogroup', { name: `案件 ${numbers[0]} 的处理方式` }).getByText('两边都保留（作为更正）').click();
    await resolver.getByRole('radiogroup', { name: `案件 ${numbers[1]} 的处理方式` }).getByText('采用交换包').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="conflict-resolver"] button')?.hasAttribute('disabled'));
    await shot('02-chosen');
    await button.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="transfer-result"]')?.textContent?.includes('冲突已处理 2 个'), undefined, { timeout: 60_000 });
    const text = await result.innerText();
    expect(text).toContain('冲突 0 个，冲突已处理 2 个');
    expect(text).toContain('两边都保留（作为更正）：加入交换包新增 1 项');
    expect(text).toContain('采用交换包：案件信息改为交换包版本，加入 1 项');
    expect(await dialog.getByTestId('conflict-resolver').count()).toBe(0);
    await shot('03-resolved');

    // the office now holds both sides' evidence in the first case, and each trail ends with the choice
    const evidence = await api<{ fileName: string }[]>('evidence.list', { caseId: ids[0] });
    expect(evidence.map((e) => e.fileName).sort()).toEqual(['科室补充材料.jpg', '笔记本现场照片1.jpg']);
    for (const [id, choice] of [[ids[0], '两边都保留（作为更正）'], [ids[1], '采用交换包']] as const) {
      const trail = await api<{ action: string; title: string; summary: string }[]>('trail.list', { caseId: id });
      expect(trail.at(-1)).toMatchObject({ action: 'transfer.resolve', title: '处理交换冲突', summary: `${choice}，交换包来自 一号笔记本，对方 1 条审计记录` });
    }
    expect(session.consoleErrors).toEqual([]);
  }, 240_000);
});
