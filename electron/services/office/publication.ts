// The draw's public list (一公开, DOMAIN.md §10.4) as XLSX and PDF: results taken from the cases
// created from the draw, and refused whole when an ID-number pattern or an insured person's name
// (any name on payroll, declarations or rosters held here) appears in any cell.
import ExcelJS from 'exceljs';
import { CASE_STATE_NAMES, type CaseState } from '../../../shared/api/dto';
import type { DrawDetail } from '../../../shared/api/dto/office';
import { buildDrawPublication, buildDrawPublicationDoc, publicationCells, publicationRowCells, type DrawPublication } from '../../../shared/documents/drawPublication';
import { findPersonalData } from '../../../shared/rules/publicationGuard';
import type { Db } from '../db/open';
import { getCase } from '../db/repos/cases';
import { renderPdf } from '../documents/pdf';

/** The public wording of a check's result, from its case's state. */
export const RESULT: Record<CaseState, [string, string]> = {
  planned: ['检查中', '—'],
  notified: ['检查中', '—'],
  onsite: ['检查中', '—'],
  summarised: ['检查中', '—'],
  concluded: ['发现问题', '已出具稽核意见'],
  rectifying: ['发现问题已责令整改', '整改中'],
  archived: ['发现问题已责令整改', '已办结'],
  'closed-no-finding': ['未发现问题', '已办结'],
};

export class PublicationRefused extends Error {}

export function insuredNames(db: Db): string[] {
  const rows = db.prepare('SELECT name FROM payroll_lines UNION SELECT name FROM declaration_lines UNION SELECT name FROM roster_lines').all() as { name: string }[];
  return rows.map((r) => r.name);
}

export function drawPublication(db: Db, d: DrawDetail, agencyName: string): DrawPublication {
  const pub = buildDrawPublication({
    record: d.record,
    agencyName,
    teams: d.teams.map((t) => {
      const c = t.caseId === null ? null : getCase(db, t.caseId);
      const [result, handling] = c ? RESULT[c.state] : ['尚未检查', '—'];
      return { creditCode: t.creditCode, targetName: t.targetName, team: t.team, checkTime: c ? `${c.createdAt.slice(0, 10)}起` : '—', result, handling: c && handling === '—' ? CASE_STATE_NAMES[c.state] : handling };
    }),
  });
  const hits = findPersonalData(publicationCells(pub), insuredNames(db));
  if (hits.length > 0) throw new PublicationRefused(`公示内容含有个人信息，已拒绝导出：${hits.map((h) => `${h.where}：${h.what}`).join('；')}`);
  return pub;
}

export async function publicationXlsx(pub: DrawPublication): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('抽查结果');
  ws.addRow([pub.title]);
  ws.mergeCells(1, 1, 1, pub.header.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([pub.intro]);
  ws.mergeCells(2, 1, 2, pub.header.length);
  ws.getRow(2).alignment = { wrapText: true };
  ws.getRow(2).height = 45;
  ws.addRow(pub.header).font = { bold: true };
  pub.rows.forEach((r, i) => ws.addRow(publicationRowCells(r, i)));
  [6, 30, 22, 9, 40, 14, 20, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function publicationPdf(pub: DrawPublication, agencyName: string): Promise<Uint8Array> {
  return new Uint8Array((await renderPdf(buildDrawPublicationDoc(pub, agencyName), { draft: false })).bytes);
}
