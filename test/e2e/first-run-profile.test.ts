// First run in Chromium (issue 9, item 3): with the shipped example agency profile every screen asks
// for the bureau's own; 系统设置 → 单位信息 names the fields still holding example values; once they
// are all replaced and saved, the prompt is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

describe('first run asks for the agency profile', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ sampleProfile: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('prompts until the example values are replaced', async () => {
    const { page, shot, api } = session;
    await page.goto(new URL('#/cases', session.harness.url).href);
    const banner = page.locator('[data-testid="agency-first-run"]');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/首次使用：机关信息中的机关名称、文号前缀、机关地址、邮政编码、联系电话、联系人、印章文字仍是示例内容/);
    await shot('first-run-profile-01-prompt');

    await banner.getByRole('button', { name: '填写单位信息' }).click();
    const sample = page.locator('[data-testid="agency-sample-fields"]');
    await sample.waitFor();
    expect(await sample.innerText()).toContain('机关名称、文号前缀、机关地址');
    const fill = async (id: string, value: string) => page.locator(`#agency_${id}`).fill(value);
    await fill('name', '福州市医疗保障局');
    await fill('address', '福州市鼓楼区五四路158号');
    await fill('postcode', '350003');
    await fill('phone', '0591-87110000');
    await fill('contact', '基金稽核科');
    await fill('sealText', '福州市医疗保障局稽核专用章');
    await page.getByRole('button', { name: '保存单位信息' }).click();
    await page.getByText('单位信息已保存').waitFor();
    // the prefixes are still the example's: still asked for
    await expect.poll(async () => (await sample.innerText()).trim()).toMatch(/示例，请改为本机关的真实信息后保存：文号前缀\n/);
    await shot('first-run-profile-02-prefixes-left');
    for (const [kind, prefix] of [
      ['稽核通知书', '榕医保稽通'],
      ['送达回证', '榕医保稽送'],
      ['稽核事实确认书', '榕医保稽告'],
      ['稽核意见书', '榕医保稽意'],
      ['限期整改通知书', '榕医保稽改'],
      ['提请行政处罚建议书', '榕医保稽罚'],
      ['无违规结论通知', '榕医保稽结'],
    ]) {
      await page.getByRole('textbox', { name: `${kind}文号前缀` }).fill(prefix!);
    }
    await page.getByRole('button', { name: '保存单位信息' }).click();
    await sample.waitFor({ state: 'detached' });
    await page.locator('[data-testid="agency-first-run"]').waitFor({ state: 'detached' });
    expect((await api<{ sampleFields?: string[] }>('agency.get', {})).sampleFields).toBeUndefined();
    await shot('first-run-profile-03-filled');
  });
});
