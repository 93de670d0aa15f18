// The public list of a draw (一公开, DOMAIN.md §10.4): for the portal, the task, how the draw was
// made (seed, snapshot hash) and each drawn target with its inspectors, check time, result and
// handling. One table model feeds both the XLSX and the PDF, and the personal-data guard
// (shared/rules/publicationGuard.ts) reads the same cells before either is written.
import { DRAW_TIER_NAMES } from '../rules/draw';
import type { DrawRecord } from '../rules/drawRecord';
import { cell } from './caseFacts';
import type { DocumentModel } from './model';

export interface PublicationRow {
  targetName: string;
  creditCode: string;
  tier: string;
  inspectors: string;
  checkTime: string;
  result: string;
  handling: string;
}

export interface DrawPublication {
  title: string;
  intro: string;
  header: string[];
  rows: PublicationRow[];
}

export const PUBLICATION_HEADER = ['序号', '对象名称', '统一社会信用代码', '风险等级', '检查人员（执法证号）', '检查时间', '检查结果', '处理情况'];

export function buildDrawPublication(p: {
  record: DrawRecord;
  agencyName: string;
  teams: { creditCode: string; targetName: string; team: { name: string; credential: string }[]; checkTime: string; result: string; handling: string }[];
}): DrawPublication {
  const r = p.record;
  return {
    title: `${r.task}抽查结果公示`,
    intro: `${p.agencyName}于${r.drawnAt ? r.drawnAt.slice(0, 10) : `${r.year}年`}以“双随机”方式抽取检查对象和检查人员。随机种子：“${r.seed}”；名录快照 SHA-256：${r.snapshotSha256}；每组 ${r.teamSize} 人。任何人可按公布的规则重算核验。`,
    header: PUBLICATION_HEADER,
    rows: p.teams.map((t) => {
      const s = r.selected.find((x) => x.creditCode === t.creditCode);
      return {
        targetName: t.targetName,
        creditCode: t.creditCode,
        tier: s ? DRAW_TIER_NAMES[s.tier] : '',
        inspectors: t.team.map((m) => `${m.name}（${m.credential}）`).join('、'),
        checkTime: t.checkTime,
        result: t.result,
        handling: t.handling,
      };
    }),
  };
}

/** Every cell with where it is, for the personal-data guard. */
export function publicationCells(pub: DrawPublication): [string, string][] {
  const out: [string, string][] = [['标题', pub.title], ['说明', pub.intro]];
  pub.rows.forEach((r, i) => {
    const cols = [r.targetName, r.creditCode, r.tier, r.inspectors, r.checkTime, r.result, r.handling];
    cols.forEach((text, c) => out.push([`第 ${i + 1} 行“${PUBLICATION_HEADER[c + 1]}”`, text]));
  });
  return out;
}

export function publicationRowCells(r: PublicationRow, i: number): string[] {
  return [String(i + 1), r.targetName, r.creditCode, r.tier, r.inspectors, r.checkTime, r.result, r.handling];
}

export function buildDrawPublicationDoc(pub: DrawPublication, agencyName: string): DocumentModel {
  return {
    kind: 'draw-publication',
    title: pub.title,
    blocks: [
      { kind: 'paragraph', content: [pub.intro], small: true },
      {
        kind: 'table',
        columns: [{ weight: 0.8 }, { weight: 4 }, { weight: 4 }, { weight: 1.2 }, { weight: 5 }, { weight: 2.2 }, { weight: 2.5 }, { weight: 2.5 }],
        header: [pub.header.map((h) => cell(h))],
        rows: pub.rows.map((r, i) => publicationRowCells(r, i).map((t, c) => cell(t, c === 1 || c === 4 ? 'left' : 'center'))),
        size: 'tiny',
      },
    ],
    page: { size: 'A4', orientation: 'landscape', marginsMm: { top: 25, right: 20, bottom: 20, left: 20 }, pageNumbers: 'centered' },
    meta: { author: agencyName || '稽核工作站', subject: pub.title },
  };
}
