// The benchmark's pipeline phase (scripts/bench.ts), in a process of its own: the app's services
// on a fresh encrypted database — payroll and declarations imported through runImportJob (the
// parse in the import worker, one all-or-nothing transaction), the computation, and the result
// as `jihe compute --json` prints it (the summary; the rows only with --rows). bench.ts bundles
// this file with esbuild beside the prebuilt import worker (importWorker.cjs), so that it runs
// as the app and the CLI do — no TypeScript compiled at run time in either thread.
//
//   node dist/bench/pipeline.mjs --root <project> --dir <files> --months 36
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/services/db/open';
import { newRandomKey } from '../../electron/services/db/dbKey';
import { seedDatabase } from '../../electron/services/db/seed';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { insertCase } from '../../electron/services/db/repos/cases';
import { insertRatePlan, listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { runImportJob } from '../../electron/services/jobs/importJob';
import { createJobRunner } from '../../electron/services/jobs/runner';
import { computeCaseResult } from '../../electron/services/backend/computeCase';
import { toComputeSummaryDto } from '../../shared/rules/resultDto';
import { parseRatePlanText } from '../../shared/rules/ratePlan';
import { monthRange } from '../../shared/rules/month';

export interface PipelineFigures {
  /** CPU seconds of the whole process (main thread and import worker) per stage. */
  cpu: { importPayroll: number; importDeclarations: number; compute: number; json: number; total: number; importDeclarationsCsv: number };
  importPayroll: number;
  importDeclarations: number;
  importDeclarationsCsv: number;
  compute: number;
  json: number;
  total: number;
  peakRssMb: number;
  /** Peak RSS up to the end of both imports (before the computation). */
  peakImportRssMb: number;
  payrollStored: number;
  declarationsStored: number;
  csvDeclarationsStored: number;
  duplicateRefused: boolean;
  jsonBytes: number;
  /** Principal and late fee of the result in fen, to check the run against the generator. */
  totals: { backPayFen: string; lateFeeFen: string; totalFen: string };
  /** Progress reports seen during the payroll import (the window's progress bar). */
  progressReports: number;
}

/** CPU seconds used so far by this process, all threads. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

export async function pipelinePhase(root: string, dir: string, months: string[]): Promise<PipelineFigures> {
  let peakRss = 0;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  const meta = { actor: '基准测试', at: new Date().toISOString() };
  // Encrypted like the app's (the cost of encryption is part of the figures); a throwaway random key.
  const db = openDatabase(path.join(dir, 'jihe.sqlite'), { key: newRandomKey() });
  seedDatabase(db, path.join(root, 'resources'), meta);
  // The shipped example plan's rates over the benchmark's 36 months (the examples cover fewer).
  const example = JSON.parse(readFileSync(path.join(root, 'resources', 'plans', 'example-2024.json'), 'utf8')) as { periods: { from: string; to: string }[] };
  const planText = JSON.stringify({ ...example, name: '基准测试 2022–2025', example: false, periods: [{ ...example.periods[0], from: months[0], to: months[months.length - 1] }] });
  const parsedPlan = parseRatePlanText(planText);
  if (!parsedPlan.ok) throw new Error('benchmark plan invalid');
  // A real SHA-256: migration 007 derives the plan's transfer UUID from it.
  insertRatePlan(db, { plan: parsedPlan.plan, json: planText, sha256: createHash('sha256').update(planText).digest('hex'), example: false }, meta);
  const plan = listRatePlans(db).find((p) => p.name === '基准测试 2022–2025');
  if (!plan) throw new Error('benchmark plan missing');
  // The titles of the generated files name the employer; the case's employer is that company (caseFit.ts).
  const employerName = readFileSync(path.join(dir, 'employer.txt'), 'utf8');
  const newCase = (creditCode: string) => {
    const employer = insertEmployer(db, { name: employerName, creditCode }, meta);
    return db.transaction(() => insertCase(db, { employerId: employer.id, periodFrom: months[0]!, periodTo: months[months.length - 1]!, ratePlanId: plan.id, source: 'plan' }, 2026, meta))().id;
  };
  const caseId = newCase('91350100M000100Y43');
  const jobs = createJobRunner();
  let progressReports = 0;
  const importFile = async (id: number, kind: 'payroll' | 'declaration', name: string): Promise<{ seconds: number; cpu: number; rows: number; error: string | null }> => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
    const t = performance.now();
    const c = cpuSeconds();
    const job = jobs.start(`import:${kind}`, (ctx) =>
      runImportJob(
        {
          ...ctx,
          progress: (fraction, message) => {
            progressReports++;
            ctx.progress(fraction, message);
          },
        },
        db,
        { caseId: id, kind, fileName: name, bytes, leaveOutErrorRows: false },
        () => meta,
      ),
    );
    await jobs.settled(job);
    const s = jobs.get<{ rows: number }>(job)!;
    if (s.state !== 'done' && !/已导入/.test(s.error ?? '')) throw new Error(`${name}: ${s.state} ${s.error ?? ''}`);
    return { seconds: (performance.now() - t) / 1000, cpu: cpuSeconds() - c, rows: s.result?.rows ?? 0, error: s.error };
  };

  const t0 = performance.now();
  const c0 = cpuSeconds();
  const payroll = await importFile(caseId, 'payroll', 'payroll.xlsx');
  const payrollProgress = progressReports;
  const decl = await importFile(caseId, 'declaration', 'declarations.xlsx');
  const t1 = performance.now();
  const c1 = cpuSeconds();
  const importPeak = Math.max(peakRss, process.memoryUsage.rss());
  const result = computeCaseResult(db, caseId, '2026-07-01');
  const t2 = performance.now();
  const c2 = cpuSeconds();
  // What `jihe compute --json` prints by default: totals, per insurance, per month, counts.
  const text = JSON.stringify(toComputeSummaryDto(result), null, 2) + '\n';
  writeFileSync(path.join(dir, 'result.json'), text);
  const t3 = performance.now();
  const c3 = cpuSeconds();
  // Not part of the pipeline total: the declarations again as GB18030 CSV (another case), and
  // the same payroll file a second time (refused by its SHA-256 before it is read).
  const csv = await importFile(newCase('91350100M000200Y48'), 'declaration', 'declarations-gb18030.csv');
  const dup = await importFile(caseId, 'payroll', 'payroll.xlsx');
  clearInterval(sample);
  db.close();
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  return {
    importPayroll: payroll.seconds,
    importDeclarations: decl.seconds,
    importDeclarationsCsv: csv.seconds,
    compute: (t2 - t1) / 1000,
    json: (t3 - t2) / 1000,
    total: (t3 - t0) / 1000,
    cpu: { importPayroll: payroll.cpu, importDeclarations: decl.cpu, compute: c2 - c1, json: c3 - c2, total: c3 - c0, importDeclarationsCsv: csv.cpu },
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    payrollStored: payroll.rows,
    declarationsStored: decl.rows,
    csvDeclarationsStored: csv.rows,
    duplicateRefused: dup.error !== null && /已导入/.test(dup.error),
    jsonBytes: Buffer.byteLength(text),
    peakImportRssMb: Math.round(importPeak / 1024 / 1024),
    totals: { backPayFen: String(result.totals.backPayFen), lateFeeFen: String(result.totals.lateFeeFen), totalFen: String(result.totals.totalFen) },
    progressReports: payrollProgress,
  };
}

if (arg('--dir')) {
  const months = monthRange('2022-07', '2025-06').slice(0, Number(arg('--months')));
  console.log(JSON.stringify(await pipelinePhase(arg('--root')!, arg('--dir')!, months)));
  process.exit(0);
}
