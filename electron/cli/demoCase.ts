// The bundled sample case of `jihe demo` (resources/demo/case.json and the files beside it):
// read, checked and computed with the same importer, plan parser and computation as
// `jihe compute` and the app. Kept apart from the command so tests can compute the same case.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ComputeResult } from '../../shared/domain/result';
import type { ImportKind, ImportReport } from '../../shared/domain/importReport';
import type { DeclarationLine, Exemption, PayrollLine } from '../../shared/domain/lines';
import type { RatePlan } from '../../shared/domain/ratePlan';
import { compute } from '../../shared/rules/compute';
import { parseRatePlanText } from '../../shared/rules/ratePlan';
import { importSpreadsheet } from '../services/import/index';
import { describeIssue, errorIssues, refusalReason } from '../services/jobs/importPolicy';
import { parseExemptionsFile } from '../services/import/exemptionsFile';

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/demo');

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const employer = z.object({ name: z.string().min(1), creditCode: z.string().min(1), address: z.string().optional(), legalRepresentative: z.string().optional() });
const files = z.object({ payroll: z.string(), declarations: z.string(), plan: z.string(), exemptions: z.string().optional() });

export const DemoCaseSchema = z.object({
  caseNumber: z.string().min(1),
  employer,
  periodFrom: month,
  periodTo: month,
  files,
  auditors: z.array(z.object({ name: z.string().min(1), credentialNo: z.string().min(1) })).min(2),
  contact: z.object({ name: z.string(), phone: z.string() }),
  place: z.string().min(1),
  dates: z.object({
    noticeIssue: date,
    onsiteFrom: date,
    onsiteTime: z.string(),
    onsiteTo: date,
    findingsIssue: date,
    opinionIssue: date,
    followUpCheck: date,
    referralIssue: date,
    /** The case's cut-off date (计算截止日): every document's amounts are computed to it. */
    asOf: date,
  }),
  interviewee: z.object({ name: z.string(), position: z.string(), phone: z.string() }),
  employerAttendees: z.array(z.string()),
  penaltyAddressee: z.string().min(1),
  /** Who receives and checks the file at archiving (检查人 on the 备考表). */
  archivist: z.string().min(1).default('档案管理员'),
  clean: z.object({ caseNumber: z.string().min(1), employer, files, onsiteFrom: date, onsiteTo: date, issue: date }),
});
export type DemoCase = z.infer<typeof DemoCaseSchema>;

export async function loadDemoCase(dir = DEMO_DIR): Promise<DemoCase> {
  const raw = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8')) as unknown;
  const r = DemoCaseSchema.safeParse(raw);
  if (!r.success) throw new Error(`示例案件 case.json 有误：${r.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；')}`);
  return r.data;
}

export interface LoadedInputs {
  plan: RatePlan;
  payroll: PayrollLine[];
  declarations: DeclarationLine[];
  exemptions: Exemption[];
  reports: ImportReport[];
}

async function importOne(dir: string, file: string, kind: ImportKind): Promise<{ report: ImportReport; payroll: PayrollLine[]; declarations: DeclarationLine[] }> {
  const bytes = new Uint8Array(await readFile(path.join(dir, file)));
  const parsed = await importSpreadsheet({ bytes, fileName: path.basename(file), kind });
  const lines = kind === 'payroll' ? parsed.payroll : parsed.declarations;
  const refusal = refusalReason(parsed.report, false, lines.length);
  if (refusal) throw new Error(`${refusal}\n${errorIssues(parsed.report).map((i) => `  ${describeIssue(i)}`).join('\n')}`);
  return parsed;
}

/** Reads the case's files as `jihe compute` does. */
export async function loadInputs(f: z.infer<typeof files>, dir = DEMO_DIR): Promise<LoadedInputs> {
  const planParsed = parseRatePlanText(await readFile(path.join(dir, f.plan), 'utf8'));
  if (!planParsed.ok) throw new Error(`缴费方案有误：${planParsed.errors.map((e) => e.message).join('；')}`);
  const payroll = await importOne(dir, f.payroll, 'payroll');
  const declarations = await importOne(dir, f.declarations, 'declaration');
  let exemptions: Exemption[] = [];
  if (f.exemptions) {
    const ex = parseExemptionsFile(new Uint8Array(await readFile(path.join(dir, f.exemptions))), path.basename(f.exemptions));
    if (!ex.ok) throw new Error(`豁免文件有误：${ex.errors.join('；')}`);
    exemptions = ex.exemptions;
  }
  return { plan: planParsed.plan, payroll: payroll.payroll, declarations: declarations.declarations, exemptions, reports: [payroll.report, declarations.report] };
}

export function computeCase(c: { periodFrom: string; periodTo: string }, inputs: LoadedInputs, asOf: string): ComputeResult {
  return compute({ plan: inputs.plan, from: c.periodFrom, to: c.periodTo, asOf, payroll: inputs.payroll, declarations: inputs.declarations, exemptions: inputs.exemptions });
}
