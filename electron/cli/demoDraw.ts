// The demo's double-random draw (DOMAIN.md §10.3–10.4): on a temporary data folder, invented
// employers and an inspector directory laid out like seed 003 annex 4 go through the backend,
// a draw is run with a seed text read out before witnesses, one inspector withdraws and is
// replaced by the rule, and the 抽查记录 (PDF and the JSON that `jihe draw verify` re-runs) and
// the public list of results (XLSX and PDF) are written next to the demo's documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult } from '../../shared/api/contract';
import type { DrawDetail } from '../../shared/api/dto/office';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { createBackend } from '../services/backend';

const ok = <T>(r: ApiResult<unknown>, what: string): T => {
  if (!r.ok) throw new Error(`${what}：${r.error.message}`);
  return r.value as T;
};

const INSPECTORS = ['王建国', '李晓梅', '赵立新', '孙敏', '周海涛', '吴静'];

export async function writeDemoDraw(outDir: string, year: number): Promise<{ files: string[]; snapshotSha256: string; selected: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jihe-demo-draw-'));
  const backend = createBackend({ dataDir, runtime: 'harness', actor: 'jihe demo', autoBackup: false, now: () => new Date(`${year}-03-05T02:00:00Z`) });
  try {
    const codes: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const first = `91350100MA${String(i).padStart(7, '0')}`;
      const code = first + creditCodeCheckChar(first);
      codes.push(code);
      ok(await backend.invoke('employers.create', { name: `示例市第${i}贸易有限公司（虚构）`, creditCode: code, industry: i % 2 ? '批发和零售业' : '制造业' }), '登记示例单位');
    }
    for (const [i, name] of INSPECTORS.entries()) ok(await backend.invoke('inspectors.create', { name, credential: `示医保稽字第${String(i + 101).padStart(6, '0')}号`, unit: '示例市社会保险事业管理中心' }), '登记检查人员');
    const d = ok<DrawDetail>(
      await backend.invoke('draws.run', {
        task: `${year}年参保单位缴费情况随机抽查`,
        year,
        targetKind: 'employer',
        seed: `${year}年3月5日 在监督员见证下宣读：示例随机种子 3 1 4 1 5 9`,
        tiers: codes.map((creditCode, i) => ({ creditCode, tier: i < 4 ? 'high' : i < 9 ? 'medium' : 'low' })),
        quotas: { high: '2', medium: '40%', low: '1' },
        teamSize: 2,
      }),
      '双随机抽取',
    );
    const first = d.teams[0]!;
    const after = ok<DrawDetail>(await backend.invoke('draws.replace', { drawId: d.draw.id, creditCode: first.creditCode, credential: first.team[0]!.credential, reason: '与该单位负责人系近亲属，申请回避' }), '递补');
    const files: [string, string, unknown][] = [
      ['双随机抽查记录.pdf', 'draws.recordPdf', { drawId: d.draw.id }],
      ['双随机抽查记录.json', 'draws.recordJson', { drawId: d.draw.id }],
      ['抽查结果公示.xlsx', 'draws.publication', { drawId: d.draw.id, format: 'xlsx' }],
      ['抽查结果公示.pdf', 'draws.publication', { drawId: d.draw.id, format: 'pdf' }],
    ];
    for (const [file, method, input] of files) {
      const f = ok<{ data: Uint8Array }>(await backend.invoke(method, input), file);
      await writeFile(path.join(outDir, file), f.data);
    }
    return { files: files.map((f) => f[0]), snapshotSha256: after.draw.snapshotSha256, selected: after.teams.length };
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
