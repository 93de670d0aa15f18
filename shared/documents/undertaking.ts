// The undertaking (承诺书, DOMAIN.md §8, step 3): the employer states that the materials it hands
// to the auditors are true and complete, lists them, and signs and seals. The employer signs it,
// not the bureau, so it carries no document number — the case number ties it to the case.
import { formatPeriod } from './auditNotice';
import { cell, checkCaseFacts, failIfProblems, type CaseFacts } from './caseFacts';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type TableCell } from './model';

export interface ProvidedMaterial {
  name: string;
  /** e.g. 2024年1月至2024年12月, or 电子文件 工资表2024.xlsx. */
  detail?: string;
  copies?: string;
}

export interface UndertakingParams {
  facts: CaseFacts;
  /** What the employer hands over; blank lines are printed when empty, to fill in by hand. */
  materials?: ProvidedMaterial[];
  /** Blank lines added under the listed materials for anything handed over later. */
  blankRows?: number;
}

export function buildUndertaking(p: UndertakingParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems, 0);
  failIfProblems('承诺书', problems);
  const f = p.facts;
  const period = formatPeriod(f.periodFrom, f.periodTo);
  const materials = p.materials ?? [];
  const blanks = p.blankRows ?? (materials.length === 0 ? 6 : 0);
  const materialRows: TableCell[][] = [
    ...materials.map((m, i) => [cell(String(i + 1)), cell(m.name.trim(), 'left'), cell(m.detail?.trim() ?? '', 'left'), cell(m.copies?.trim() ?? '')]),
    ...Array.from({ length: blanks }, (_, i) => [cell(String(materials.length + i + 1)), cell(''), cell(''), cell('')]),
  ];

  const blocks: Block[] = [
    { kind: 'paragraph', content: [`案件编号：${f.caseNumber.trim()}`], align: 'right', indent: false, small: true },
    { kind: 'addressee', text: `${f.agency.name}：` },
    {
      kind: 'paragraph',
      content: [
        `在你局对我单位${period}参加社会保险和缴纳社会保险费情况的稽核中，我单位郑重承诺：`,
      ],
    },
    {
      kind: 'list',
      style: 'decimal',
      items: [
        ['提供的下列资料真实、完整，复印件与原件一致，没有伪造、变造、隐匿或者销毁；'],
        ['工资表包括全部职工（含劳务派遣、非全日制、临时用工、退休返聘和实习人员）的全部工资收入；'],
        ['如实说明情况，不拒绝、不阻挠稽核；如有不实，愿意承担相应的法律责任。'],
      ],
    },
    {
      kind: 'table',
      columns: [{ weight: 1 }, { weight: 6 }, { weight: 5 }, { weight: 1.2 }],
      header: [[cell('序号'), cell('提供的资料'), cell('期间或说明'), cell('份数')]],
      rows: materialRows,
      size: 'tiny',
    },
    {
      kind: 'received',
      lines: [
        [{ label: '单位名称（盖章）', blank: 12, value: f.employer.name.trim() }],
        [{ label: '统一社会信用代码', blank: 10, value: f.employer.creditCode.trim() }],
        [{ label: '法定代表人签字', blank: 6 }, { label: '日期', blank: 5 }],
        [{ label: '经办人签字', blank: 5 }, { label: '联系电话', blank: 6 }],
      ],
    },
  ];

  return {
    kind: 'undertaking',
    title: DOCUMENT_KIND_NAMES.undertaking,
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: f.employer.name.trim(), subject: `${f.employer.name.trim()}社会保险稽核承诺书`, keywords: [f.caseNumber.trim(), f.employer.creditCode.trim()] },
  };
}
