// The proof of service (送达回证, DOMAIN.md §8): served with each document the bureau hands to
// the employer, it records what was served (name and number), to whom, where, how and when, and
// carries the recipient's and the server's signatures; the remarks note a refusal or a copy left
// at the address (留置送达). A one-page ruled form with room to sign by hand.
import { formatChineseDate, isIsoDate, type IsoDate } from '../rules/month';
import { cell, checkCaseFacts, failIfProblems, type CaseFacts } from './caseFacts';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type TableCell } from './model';

export const SERVICE_MANNERS = ['直接送达', '留置送达', '邮寄送达', '委托送达', '电子送达'] as const;
export type ServiceManner = (typeof SERVICE_MANNERS)[number];

export interface ProofOfServiceParams {
  facts: CaseFacts;
  /** The proof's own number (送达回证 has its prefix in the agency profile). */
  number: string;
  served: { name: string; number: string }[];
  /** Defaults to the employer's name. */
  addressee?: string;
  place: string;
  manner: ServiceManner;
  /** Filled in when known; otherwise left blank for the recipient to write. */
  serviceDate?: IsoDate;
  /** The servers (the auditors who hand it over); names are printed, signatures by hand. */
  servers: string[];
  remarks?: string;
}

export function buildProofOfService(p: ProofOfServiceParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems, 0);
  if (p.number.trim() === '') problems.push('送达回证文号不能为空');
  if (p.served.length === 0) problems.push('至少应列明一份送达的文书');
  p.served.forEach((d, i) => {
    if (d.name.trim() === '' || d.number.trim() === '') problems.push(`第${i + 1}份送达文书的名称或文号为空`);
  });
  if (p.place.trim() === '') problems.push('送达地点不能为空');
  if (!(SERVICE_MANNERS as readonly string[]).includes(p.manner)) problems.push(`送达方式应为${SERVICE_MANNERS.join('、')}之一`);
  if (p.serviceDate !== undefined && !isIsoDate(p.serviceDate)) problems.push(`送达日期无效：${p.serviceDate}`);
  if (p.servers.length < 2) problems.push('送达人至少应为两名');
  failIfProblems('送达回证', problems);

  const f = p.facts;
  const agency = f.agency;
  // one blank line to sign on: the form keeps to one page (its label is two lines high anyway)
  const signLine = (who: string) => `\n${who}　　　　　　年　　月　　日`;
  const row = (label: string, value: string, valueAlign: TableCell['align'] = 'left'): TableCell[] => [cell(label), cell(value, valueAlign)];
  const served = p.served.map((d) => `《${d.name.trim()}》（${d.number.trim()}）`).join('\n');
  const dateText = p.serviceDate ? formatChineseDate(p.serviceDate) : '　　　　年　　月　　日　　时';

  const blocks: Block[] = [
    {
      kind: 'table',
      // a wide value column: document numbers and the manners of service each stay on one line, so the form keeps to one page
      columns: [{ weight: 2.4 }, { weight: 9.6 }],
      header: [],
      rows: [
        row('案件编号', f.caseNumber.trim()),
        row('送达文书\n名称及文号', served),
        row('受送达人', (p.addressee ?? f.employer.name).trim()),
        row('送达地点', p.place.trim()),
        row('送达方式', SERVICE_MANNERS.map((m) => `${m === p.manner ? '■' : '□'}${m}`).join('　')),
        row('送达时间', dateText),
        row('受送达人\n签名或盖章', signLine('（单位盖章）')),
        row('代收人签名\n及代收理由', '\n'),
        row('送达人签名', `\n${p.servers.map((s) => `${s.trim()}：`).join('　　　　　　　　')}`),
        row('见证人签名', '\n'),
        row('备　　注', `${p.remarks?.trim() ?? ''}\n`),
      ],
      size: 'small',
    },
    { kind: 'paragraph', content: [`送达机关：${agency.name}（盖章）`], align: 'right', indent: false },
    {
      kind: 'notes',
      label: '说明',
      items: [['受送达人拒收的，在备注栏注明事由和日期，由送达人、见证人签名，文书留在受送达人住所，视为送达。']],
    },
  ];

  return {
    kind: 'service-proof',
    issuer: agency.name,
    title: DOCUMENT_KIND_NAMES['service-proof'],
    number: p.number.trim(),
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${f.employer.name.trim()}送达回证`, keywords: [p.number.trim(), f.caseNumber.trim(), ...p.served.map((d) => d.number)] },
  };
}
