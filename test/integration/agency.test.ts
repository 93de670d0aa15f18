// The agency profile through backend.invoke: read, edit with Chinese errors naming the field,
// export as a file and import it on another workstation (another data folder), all logged.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/services/audit/auditLog';
import { createBackend } from '../../electron/services/backend';
import type { AgencyProfile } from '../../shared/domain/agency';
import { tempDir } from './db-helpers';
import { createTeam, fail, login, ok, useBackend } from './judgments-helpers';

describe('agency profile', () => {
  const env = useBackend('jihe-agency-');

  it('reads the seeded profile, updates it, and refuses a bad one naming the field, storing nothing', async () => {
    const seeded = ok<AgencyProfile>(await env.backend.invoke('agency.get', {}));
    expect(seeded).toMatchObject({ name: '示例市医疗保障局', numberPrefixes: { 'audit-notice': '示医保稽通' }, noticeDays: 3 });

    const edited = { ...seeded, name: '某某市医疗保障局', numberPrefixes: { ...seeded.numberPrefixes, 'audit-opinion': '某医保稽意' } };
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    expect(fail(await env.backend.invoke('agency.update', { profile: edited })).code).toBe('forbidden');
    await login(env.backend, 'wangke');
    expect(ok<AgencyProfile>(await env.backend.invoke('agency.update', { profile: edited }))).toEqual(edited);
    expect(ok<AgencyProfile>(await env.backend.invoke('agency.get', {}))).toEqual(edited);

    const bad = fail(await env.backend.invoke('agency.update', { profile: { ...edited, postcode: '1000', numberPrefixes: { 'audit-notice': '某医保〔稽〕' } } }));
    expect(bad.code).toBe('invalid-input');
    expect(bad.message).toMatch(/^机关信息有误，未保存：/);
    expect(bad.message).toContain('邮政编码：邮政编码应为6位数字');
    expect(bad.message).toContain('文号前缀不应包含括号');
    expect(ok<AgencyProfile>(await env.backend.invoke('agency.get', {}))).toEqual(edited);
    const updates = listAudit(env.backend.db, null).filter((e) => e.action === 'settings.agency.update');
    expect(updates.map((e) => e.actor)).toEqual(['wangke']);
  });

  it('exports a file that another workstation imports to the same profile', async () => {
    const original = ok<AgencyProfile>(await env.backend.invoke('agency.get', {}));
    const edited = { ...original, name: '某某市医疗保障局', phone: '0591-87654321', legalBasis: { 'audit-opinion': ['《中华人民共和国社会保险法》第八十六条'] } };
    ok(await env.backend.invoke('agency.update', { profile: edited }));
    const file = ok<{ fileName: string; json: string }>(await env.backend.invoke('agency.export', {}));
    expect(file.fileName).toBe('机关信息_某某市医疗保障局.json');
    expect(JSON.parse(file.json)).toMatchObject({ format: 'jihe-agency-profile', version: 1, profile: edited });

    const other = tempDir('jihe-agency-other-');
    const laptop = createBackend({ dataDir: other.dir, runtime: 'harness', actor: 'laptop-2' });
    try {
      expect(ok<AgencyProfile>(await laptop.invoke('agency.get', {})).name).toBe('示例市医疗保障局');
      expect(ok<AgencyProfile>(await laptop.invoke('agency.import', { json: `\uFEFF${file.json}` }))).toEqual(edited);
      expect(ok<AgencyProfile>(await laptop.invoke('agency.get', {}))).toEqual(edited);
      expect(listAudit(laptop.db, null).some((e) => e.action === 'settings.agency.import' && e.actor === 'laptop-2')).toBe(true);

      const broken = fail(await laptop.invoke('agency.import', { json: '{"format":"jihe-agency-profile","version":1,"profile":{"name":""}}' }));
      expect(broken.message).toMatch(/^机关信息文件有误，未保存：机关名称：机关名称不能为空/);
      expect(fail(await laptop.invoke('agency.import', { json: '{not json' })).message).toMatch(/^机关信息文件不是有效的 JSON/);
      expect(ok<AgencyProfile>(await laptop.invoke('agency.get', {}))).toEqual(edited);
    } finally {
      laptop.close();
      other.cleanup();
    }
  });
});
