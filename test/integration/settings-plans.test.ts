// Rate plans on the settings screen: a plan in full, exported as its file and imported on another
// workstation (another data folder) to the very same plan; a bad file refused naming the field.
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend';
import type { RatePlanSummary } from '../../shared/api/dto';
import type { RatePlanDetail } from '../../shared/api/dto/settings';
import { tempDir } from './db-helpers';
import { fail, ok, useBackend } from './judgments-helpers';

describe('rate plans on the settings screen', () => {
  const env = useBackend('jihe-plans-');

  it('shows a plan in full and round-trips it through its exported file', async () => {
    const plans = ok<RatePlanSummary[]>(await env.backend.invoke('ratePlans.list', {}));
    const example = plans.find((p) => p.name === '示例地区 2024')!;
    const detail = ok<RatePlanDetail>(await env.backend.invoke('ratePlans.get', { ratePlanId: example.id }));
    expect(detail.summary).toEqual(example);
    expect(detail.plan.example).toBe(true);
    const pension = detail.plan.periods[0]!.insurances.find((i) => i.code === 'pension')!;
    expect(pension.employerRate).toBeGreaterThan(0);
    expect(pension.ceiling).toBeGreaterThan(pension.floor);

    const file = ok<{ fileName: string; json: string }>(await env.backend.invoke('ratePlans.export', { ratePlanId: example.id }));
    expect(file.fileName).toBe('缴费方案_示例地区_2024.json');
    // Importing it again here is refused: the same plan is already stored.
    expect(fail(await env.backend.invoke('ratePlans.import', { json: file.json })).message).toBe('该缴费方案已导入（“示例地区 2024”），不能重复导入');

    // A customised plan, exported from one workstation and imported on another.
    const custom = { ...detail.plan, name: '某某市 2024 调整', example: false, note: '本局测算用', lateFeeDailyRate: 0.0005 };
    const imported = ok<RatePlanSummary>(await env.backend.invoke('ratePlans.import', { json: JSON.stringify(custom, null, 2) }));
    const exported = ok<{ fileName: string; json: string }>(await env.backend.invoke('ratePlans.export', { ratePlanId: imported.id }));
    expect(exported.json).toBe(JSON.stringify(custom, null, 2));

    const other = tempDir('jihe-plans-other-');
    const laptop = createBackend({ dataDir: other.dir, runtime: 'harness', actor: 'laptop-2', autoBackup: false });
    try {
      const there = ok<RatePlanSummary>(await laptop.invoke('ratePlans.import', { json: exported.json }));
      expect({ ...there, id: 0 }).toEqual({ ...imported, id: 0 });
      expect(ok<RatePlanDetail>(await laptop.invoke('ratePlans.get', { ratePlanId: there.id })).plan).toEqual(custom);
    } finally {
      laptop.close();
      other.cleanup();
    }
  });

  it('refuses a bad plan file naming the field, and an unknown plan', async () => {
    const bad = { name: '坏方案', region: '示例', lateFeeDailyRate: 0.0005, lateFeeCap: 'none', due: { monthOffset: 0, day: 15 }, baseRule: { kind: 'monthly' }, periods: [{ from: '2024-01', to: '2024-13', insurances: [] }] };
    const e = fail(await env.backend.invoke('ratePlans.import', { json: JSON.stringify(bad) }));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/^缴费方案有误，未导入：/);
    expect(e.message).toContain('应为 YYYY-MM 形式的月份');
    expect(e.message).toContain('每个期间至少要有一个险种');
    expect(fail(await env.backend.invoke('ratePlans.get', { ratePlanId: 999 })).message).toBe('缴费方案 999 不存在');
    expect(fail(await env.backend.invoke('ratePlans.export', { ratePlanId: 999 })).code).toBe('not-found');
  });
});
