// The dossier's own sheets (DOMAIN.md §9) as DocumentModels for the PDF renderer: the cover
// (案卷封面: case title, archive number, dates, documents and pages, retention), the index
// (卷内文件目录 with 序号, 文号, 责任者, 题名, 日期, 页号, 备注 — the bureau's documents before
// the employer's material) and the notes sheet (备考表: who arranged and checked the file, when).
import { OFFICIAL_PAGE, type DocumentModel, type TableCell } from '../documents/model';
import { formatChineseDate, formatChineseMonth, isIsoDate } from '../rules/month';

/** Dates in the one style of the documents (2025年3月24日). */
const cn = (d: string): string => (isIsoDate(d) ? formatChineseDate(d) : d);

/** Audit material is kept 30 years (2009 social-insurance archive rules), from 1 January of the following year. */
export const RETENTION_YEARS = 30;

export interface ArchiveItem {
  /** 文号, blank for unnumbered material. */
  number: string;
  /** 责任者: the agency for its documents, the employer for its files. */
  author: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** Pages, when the item is paged (PDF); null for spreadsheets and data. */
  pages: number | null;
  remark: string;
}

export interface ArchiveSheetsInput {
  agencyName: string;
  employerName: string;
  caseNumber: string;
  /** 档号: year + serial. */
  archiveNumber: string;
  openedOn: string;
  closedOn: string | null;
  items: ArchiveItem[];
  arrangedBy: string;
  /** Who checked the file; blank until checked. */
  checkedBy: string;
  /** When it was checked (YYYY-MM-DD); blank line until checked. */
  checkedOn?: string;
  arrangedOn: string;
  /** 保管期限 in years; RETENTION_YEARS unless the archivist chose another. */
  retentionYears?: number;
  /** What the paper 备考表 carries to check the electronic dossier by: the trail's head, the digest of the other files, the signer. */
  integrity?: { trailEntries: number; chainHead: string; contentSha256: string; signer: string; fingerprintText: string };
  /** The audit period (YYYY-MM) and the auditors, named on the cover. */
  periodFrom?: string;
  periodTo?: string;
  auditors?: string[];
}

const cell = (text: string, align?: TableCell['align']): TableCell => ({ content: [text], ...(align ? { align } : {}) });
const meta = (a: ArchiveSheetsInput) => ({ author: a.agencyName, subject: `${a.employerName}稽核 ${a.caseNumber}` });
const page = { ...OFFICIAL_PAGE, pageNumbers: 'none' as const };

/** Page ranges 1, 2-3, … for the paged items in order (页号). */
export function pageRanges(items: readonly ArchiveItem[]): string[] {
  let next = 1;
  return items.map((i) => {
    if (i.pages === null || i.pages < 1) return '';
    const from = next;
    next += i.pages;
    return i.pages === 1 ? String(from) : `${from}-${next - 1}`;
  });
}

export function retentionEnds(closedOrOpened: string, years: number = RETENTION_YEARS): string {
  return `${Number(closedOrOpened.slice(0, 4)) + 1 + years - 1}-12-31`;
}

export function buildDossierCover(a: ArchiveSheetsInput): DocumentModel {
  const pages = a.items.reduce((s, i) => s + (i.pages ?? 0), 0);
  const line = (label: string, value: string): DocumentModel['blocks'][number] => ({ kind: 'paragraph', indent: false, content: [{ text: `${label}：`, strong: true }, value] });
  return {
    kind: 'dossier-cover',
    issuer: a.agencyName,
    title: '社会保险稽核案卷',
    blocks: [
      { kind: 'spacer', lines: 2 },
      line('案卷题名', `${a.employerName}稽核`),
      line('案件编号', a.caseNumber),
      line('档号', a.archiveNumber),
      ...(a.periodFrom && a.periodTo ? [line('稽核期间', `${formatChineseMonth(a.periodFrom)}至${formatChineseMonth(a.periodTo)}`)] : []),
      ...(a.auditors && a.auditors.length > 0 ? [line('稽核人员', a.auditors.join('、'))] : []),
      line('起止日期', `${cn(a.openedOn)}至${a.closedOn ? cn(a.closedOn) : '（未结案）'}`),
      line('卷内文件', `${a.items.length} 件，${pages} 页`),
      line('保管期限', `${a.retentionYears ?? RETENTION_YEARS}年（自${Number((a.closedOn ?? a.openedOn).slice(0, 4)) + 1}年1月1日起算，至${cn(retentionEnds(a.closedOn ?? a.openedOn, a.retentionYears))}）`),
      line('立卷单位', a.agencyName),
    ],
    page,
    meta: meta(a),
  };
}

export function buildDossierIndex(a: ArchiveSheetsInput): DocumentModel {
  const ranges = pageRanges(a.items);
  return {
    kind: 'dossier-cover',
    title: '卷内文件目录',
    blocks: [
      {
        kind: 'table',
        size: 'tiny',
        // 题名 the widest; 日期 holds 2025年12月24日 on one line
        columns: [{ weight: 2, align: 'center' }, { weight: 6.5 }, { weight: 5 }, { weight: 10 }, { weight: 6, align: 'center' }, { weight: 3, align: 'center' }, { weight: 4 }],
        header: [['序号', '文号', '责任者', '题名', '日期', '页号', '备注'].map((h) => cell(h, 'center'))],
        rows: a.items.map((i, k) => [cell(String(k + 1)), cell(i.number), cell(i.author), cell(i.title), cell(cn(i.date)), cell(ranges[k]!), cell(i.remark)]),
      },
    ],
    page,
    meta: meta(a),
  };
}

export function buildDossierNotes(a: ArchiveSheetsInput): DocumentModel {
  const line = (label: string, value: string): DocumentModel['blocks'][number] => ({ kind: 'paragraph', indent: false, content: [{ text: `${label}：`, strong: true }, value] });
  return {
    kind: 'dossier-cover',
    title: '备考表',
    blocks: [
      { kind: 'paragraph', content: [`本卷共有文件 ${a.items.length} 件。卷内文件的 SHA-256 校验值见档案清单 manifest.json，可用“jihe dossier verify”离线核验。`] },
      ...(a.integrity
        ? [
            { kind: 'paragraph' as const, small: true, indent: false, content: [`审计记录 ${a.integrity.trailEntries} 条，哈希链链头：${a.integrity.chainHead}`] },
            { kind: 'paragraph' as const, small: true, indent: false, content: [`卷内其他文件的 SHA-256 摘要：${a.integrity.contentSha256}`] },
            { kind: 'paragraph' as const, small: true, indent: false, content: [`电子档案由工作站“${a.integrity.signer}”签名，公钥指纹：${a.integrity.fingerprintText}`] },
          ]
        : []),
      { kind: 'spacer', lines: 2 },
      line('立卷人', a.arrangedBy),
      line('立卷时间', cn(a.arrangedOn)),
      line('检查人', a.checkedBy || '　　　　　　'),
      line('检查时间', a.checkedOn ? cn(a.checkedOn) : '　　　　年　　月　　日'),
    ],
    page,
    meta: meta(a),
  };
}
