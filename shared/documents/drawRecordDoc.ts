// The 抽查记录 (DOMAIN.md §10.3 step 6): the printed record of a double-random draw — seed as read
// out, parameters, snapshot hash, the result with each team, every replacement, the rankings
// that produced them, and how anyone can re-run it. Built from the stored record alone, so what
// prints is what `jihe draw verify` checks.
import { DRAW_TIER_NAMES, DRAW_TIERS } from '../rules/draw';
import type { DrawRecord } from '../rules/drawRecord';
import { cell } from './caseFacts';
import type { Block, DocumentModel } from './model';
import { headingLabel } from './numbering';

export interface DrawRecordDocParams {
  record: DrawRecord;
  agencyName: string;
  targetKindName: string;
  /** Credit code → name; credential → inspector name. */
  targetName: (creditCode: string) => string;
  inspectorName: (credential: string) => string;
  /** Teams after every replacement, in the order of step 4. */
  teams: { creditCode: string; team: string[] }[];
  verified: boolean;
  drawnBy: string;
}

export function buildDrawRecordDoc(p: DrawRecordDocParams): DocumentModel {
  const r = p.record;
  let n = 0;
  const h1 = (text: string): Block => ({ kind: 'heading', level: 1, label: headingLabel(1, ++n), text });
  const who = (c: string) => `${p.inspectorName(c)}（${c}）`;
  const row = (label: string, value: string) => [cell(label), cell(value, 'left')];
  const tiers = DRAW_TIERS.map((t) => `${DRAW_TIER_NAMES[t]}风险：可抽 ${r.eligibleCounts[t]} 个，抽取 ${r.quotaCounts[t]} 个（${r.quotas[t]}）`).join('；');
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [{ weight: 3 }, { weight: 9 }],
      header: [],
      rows: [
        row('抽查事项', r.task),
        row('年度', `${r.year}年`),
        row('检查对象类别', p.targetKindName),
        row('随机种子（原文）', r.seed),
        row('抽取时间', r.drawnAt ? r.drawnAt.slice(0, 16).replace('T', ' ') : ''),
        row('操作人', p.drawnBy),
        row('抽取比例', tiers),
        row('检查组', `每组 ${r.teamSize} 人；每名检查人员至多 ${r.cap} 个对象${r.capIsDefault ? '（默认：每组人数 × 抽中对象数 ÷ 检查人员数，向上取整）' : ''}`),
        row('名录快照 SHA-256', r.snapshotSha256),
      ],
      size: 'small',
    },
    h1('抽取结果'),
    {
      kind: 'table',
      columns: [{ weight: 0.9 }, { weight: 0.9 }, { weight: 5 }, { weight: 5 }, { weight: 7 }],
      header: [[cell('序号'), cell('风险'), cell('统一社会信用代码'), cell('名称'), cell('检查组（姓名、执法证号）')]],
      rows: p.teams.map((t, i) => {
        const s = r.selected.find((x) => x.creditCode === t.creditCode)!;
        return [cell(String(i + 1)), cell(DRAW_TIER_NAMES[s.tier]), cell(t.creditCode), cell(p.targetName(t.creditCode), 'left'), cell(t.team.map(who).join('、'), 'left')];
      }),
      size: 'small',
    },
  ];
  if (r.selected.length === 0) blocks.push({ kind: 'paragraph', content: ['本次未抽中检查对象。'] });
  blocks.push(h1('递补情况'));
  if (r.replacements.length === 0) blocks.push({ kind: 'paragraph', content: ['无。'] });
  else {
    blocks.push({
      kind: 'table',
      columns: [{ weight: 1 }, { weight: 4 }, { weight: 4 }, { weight: 5 }, { weight: 4 }],
      header: [[cell('序号'), cell('检查对象'), cell('退出人员'), cell('原因'), cell('递补人员')]],
      rows: r.replacements.map((x, i) => [cell(String(i + 1)), cell(x.creditCode), cell(who(x.withdrawn), 'left'), cell(x.reason, 'left'), cell(who(x.replacement), 'left')]),
      size: 'small',
    });
  }
  blocks.push(h1('排序明细'));
  blocks.push({ kind: 'paragraph', content: ['各风险等级内检查对象按 SHA-256(种子 + "|T|" + 统一社会信用代码) 的十六进制值升序排列，从前往后抽取：'], small: true });
  for (const t of DRAW_TIERS) {
    if (r.targetRankings[t].length === 0) continue;
    blocks.push({
      kind: 'table',
      columns: [{ weight: 1 }, { weight: 1 }, { weight: 4 }, { weight: 10 }, { weight: 1.5 }],
      header: [[cell('风险'), cell('名次'), cell('统一社会信用代码'), cell('SHA-256'), cell('抽中')]],
      rows: r.targetRankings[t].map((x, i) => [cell(DRAW_TIER_NAMES[t]), cell(String(i + 1)), cell(x.creditCode), cell(x.hash, 'left'), cell(i < r.quotaCounts[t] ? '是' : '')]),
      size: 'tiny',
    });
  }
  blocks.push({ kind: 'paragraph', content: ['每个抽中对象的检查人员按 SHA-256(种子 + "|I|" + 统一社会信用代码 + "|" + 执法证号) 升序排列，依次跳过回避者和已达上限者，取前若干人组成检查组：'], small: true });
  const STEP: Record<string, string> = { team: '入组', conflict: '回避', cap: '已达上限', 'not-reached': '' };
  blocks.push({
    kind: 'table',
    columns: [{ weight: 4 }, { weight: 1 }, { weight: 4 }, { weight: 9 }, { weight: 2 }],
    header: [[cell('检查对象'), cell('名次'), cell('执法证号'), cell('SHA-256'), cell('结果')]],
    rows: r.selected.flatMap((s) => {
      const last = s.ranking.reduce((k, x, i) => (x.step === 'not-reached' ? k : i), 0);
      // The walk up to the last inspector taken, and as far as replacements went.
      const reach = Math.max(last, ...r.replacements.filter((x) => x.creditCode === s.creditCode).map((x) => s.ranking.findIndex((y) => y.credential === x.replacement)));
      return s.ranking.slice(0, reach + 1).map((x, i) => [cell(s.creditCode), cell(String(i + 1)), cell(x.credential), cell(x.hash, 'left'), cell(STEP[x.step] ?? '')]);
    }),
    size: 'tiny',
  });
  blocks.push(h1('核验'));
  blocks.push({
    kind: 'paragraph',
    content: [
      `本记录所附名录快照（每行一个对象、检查人员或回避关系，按 Unicode 码位排序）的 SHA-256 为 ${r.snapshotSha256}。任何人可用命令 jihe draw verify 或按上述规则自行编写程序，以种子原文、抽取比例、每组人数和每人上限重算，结果应与本记录一致。`,
      p.verified ? '本记录已由工作站重新抽取核验，结果一致。' : { text: '本记录重新抽取核验不一致，请核查！', strong: true },
    ],
  });
  blocks.push({
    kind: 'received',
    lines: [
      [{ label: '抽取人（签名）', blank: 4 }, { label: '监督人（签名）', blank: 4 }],
      [{ label: '日期', blank: 6 }],
    ],
  });
  return {
    kind: 'draw-record',
    issuer: p.agencyName || undefined,
    title: '“双随机”抽查记录',
    blocks,
    page: { size: 'A4', orientation: 'portrait', marginsMm: { top: 30, right: 22, bottom: 28, left: 25 }, pageNumbers: 'centered' },
    meta: { author: p.agencyName || '稽核工作站', subject: `${r.task} 抽查记录`, keywords: ['双随机', r.snapshotSha256] },
  };
}
