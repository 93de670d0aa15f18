// `npm run bench` — the import benchmark of issue 3: generates realistic employer workbooks
// (3,000 persons × 36 months and 28,000 × 36, about 1,000,000 payroll rows; .xlsx, and the
// declarations also as GB18030 CSV), then, each size in a fresh process so peak memory is the
// pipeline's own, imports payroll and declarations into a fresh SQLite database through the
// same services the app uses (runImportJob: worker-thread parse, all-or-nothing store), runs
// the computation and writes its JSON. Measures pandas + openpyxl reading the 3,000 × 36
// workbooks when the machine has them. Writes docs/benchmarks.md.
//
//   npm run bench              both sizes (takes minutes)
//   npm run bench -- --quick   small sizes, for a smoke check (docs/benchmarks.md untouched
//                              unless --write is given)
//
// Generated files hold made-up people only and live in a temp folder removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monthRange } from '../shared/rules/month';
import type { BareScan } from './bench/bareScan';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const MONTHS = { from: '2022-07', to: '2025-06' };

interface Size {
  label: string;
  persons: number;
  months: string[];
  /** Declarations one row per insurance (realistic for a small employer's export) or one per person-month. */
  perInsurance: boolean;
}

interface GenerateFigures {
  seconds: number;
  payrollRows: number;
  declarationRows: number;
  files: { name: string; bytes: number }[];
}

interface PipelineFigures {
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

function runChild<T>(phase: string, args: string[], heapMb = 4096): T {
  const out = execFileSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', SELF, '--phase', phase, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

// ---------------------------------------------------------------------------------------------
// Phase: generate (child process)

async function generatePhase(dir: string, persons: number, months: string[], perInsurance: boolean): Promise<GenerateFigures> {
  const { generateEmployer } = await import('../test/fixtures/employer');
  const { buildDeclarationSheets, buildPayrollSheets, encodeText, toCsvText } = await import('../test/fixtures/employerFiles');
  const { writeXlsxStream } = await import('./bench/writeXlsxStream');
  const t0 = performance.now();
  const data = generateEmployer(20260701 + persons, { persons, months, declarationsPerInsurance: perInsurance });
  await writeXlsxStream(path.join(dir, 'payroll.xlsx'), buildPayrollSheets(data, { title: true, totals: true }));
  const declSheets = buildDeclarationSheets(data, { title: true, totals: true });
  await writeXlsxStream(path.join(dir, 'declarations.xlsx'), declSheets);
  writeFileSync(path.join(dir, 'declarations-gb18030.csv'), encodeText(toCsvText(declSheets[0]!), 'gb18030'));
  const seconds = (performance.now() - t0) / 1000;
  const files = ['payroll.xlsx', 'declarations.xlsx', 'declarations-gb18030.csv'].map((name) => ({ name, bytes: statSync(path.join(dir, name)).size }));
  return { seconds, payrollRows: data.payrollRows.length, declarationRows: data.declarationRows.length, files };
}

// ---------------------------------------------------------------------------------------------
// Phase: pipeline (child process) — the app's services on a fresh database

async function pipelinePhase(dir: string, months: string[]): Promise<PipelineFigures> {
  const { openDatabase } = await import('../electron/services/db/open');
  const { newRandomKey } = await import('../electron/services/db/dbKey');
  const { seedDatabase } = await import('../electron/services/db/seed');
  const { insertEmployer } = await import('../electron/services/db/repos/employers');
  const { insertCase } = await import('../electron/services/db/repos/cases');
  const { listRatePlans } = await import('../electron/services/db/repos/ratePlans');
  const { runImportJob } = await import('../electron/services/jobs/importJob');
  const { createJobRunner } = await import('../electron/services/jobs/runner');
  const { computeCaseResult } = await import('../electron/services/backend/computeCase');
  const { computeResultDtoJson } = await import('../shared/rules/resultDto');

  let peakRss = 0;
  let peakImport = 0;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  const meta = { actor: '基准测试', at: new Date().toISOString() };
  // Encrypted like the app's (the cost of encryption is part of the figures); a throwaway random key.
  const db = openDatabase(path.join(dir, 'jihe.sqlite'), { key: newRandomKey() });
  seedDatabase(db, path.join(ROOT, 'resources'), meta);
  // The shipped example plan's rates over the benchmark's 36 months (the examples cover fewer).
  const { parseRatePlanText } = await import('../shared/rules/ratePlan');
  const { insertRatePlan } = await import('../electron/services/db/repos/ratePlans');
  const example = JSON.parse(readFileSync(path.join(ROOT, 'resources', 'plans', 'example-2024.json'), 'utf8')) as { periods: { from: string; to: string }[] };
  const planText = JSON.stringify({ ...example, name: '基准测试 2022–2025', example: false, periods: [{ ...example.periods[0], from: months[0], to: months[months.length - 1] }] });
  const parsedPlan = parseRatePlanText(planText);
  if (!parsedPlan.ok) throw new Error('benchmark plan invalid');
  // A real SHA-256: migration 007 derives the plan's transfer UUID from it.
  const { createHash } = await import('node:crypto');
  insertRatePlan(db, { plan: parsedPlan.plan, json: planText, sha256: createHash('sha256').update(planText).digest('hex'), example: false }, meta);
  const plan = listRatePlans(db).find((p) => p.name === '基准测试 2022–2025');
  if (!plan) throw new Error('benchmark plan missing');
  const newCase = (creditCode: string) => {
    const employer = insertEmployer(db, { name: '基准测试有限公司', creditCode }, meta);
    return db.transaction(() => insertCase(db, { employerId: employer.id, periodFrom: months[0]!, periodTo: months[months.length - 1]!, ratePlanId: plan.id, source: 'plan' }, 2026, meta))().id;
  };
  const caseId = newCase('91350100M000100Y43');
  const jobs = createJobRunner();
  const importFile = async (id: number, kind: 'payroll' | 'declaration', name: string): Promise<{ seconds: number; cpu: number; rows: number; error: string | null }> => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
    const t = performance.now();
    const c = cpuSeconds();
    const job = jobs.start(`import:${kind}`, (ctx) => runImportJob(ctx, db, { caseId: id, kind, fileName: name, bytes, leaveOutErrorRows: false }, () => meta));
    await jobs.settled(job);
    const s = jobs.get<{ rows: number }>(job)!;
    if (s.state !== 'done' && !/已导入/.test(s.error ?? '')) throw new Error(`${name}: ${s.state} ${s.error ?? ''}`);
    return { seconds: (performance.now() - t) / 1000, cpu: cpuSeconds() - c, rows: s.result?.rows ?? 0, error: s.error };
  };

  const t0 = performance.now();
  const c0 = cpuSeconds();
  const payroll = await importFile(caseId, 'payroll', 'payroll.xlsx');
  const decl = await importFile(caseId, 'declaration', 'declarations.xlsx');
  const t1 = performance.now();
  const c1 = cpuSeconds();
  peakImport = Math.max(peakRss, process.memoryUsage.rss());
  // The computation in fen; then its DTO (money as strings) written as JSON piece by piece, the
  // way a large result leaves the CLI: the whole DTO and the whole text are never held at once.
  let result: Awaited<ReturnType<typeof computeCaseResult>> | null = computeCaseResult(db, caseId, '2026-07-01');
  const t2 = performance.now();
  const c2 = cpuSeconds();
  const importPeak = peakImport;
  const jsonBytes = writePieces(path.join(dir, 'result.json'), computeResultDtoJson(result));
  result = null;
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
    jsonBytes,
    peakImportRssMb: Math.round(importPeak / 1024 / 1024),
  };
}

/** Writes text pieces to a file in ~4 MB writes. Returns the bytes written. */
function writePieces(file: string, pieces: Iterable<string>): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length > 0) bytes += writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  try {
    for (const piece of pieces) {
      pending.push(piece);
      pendingLength += piece.length;
      if (pendingLength > 2 * 1024 * 1024) flush();
    }
    flush();
    return bytes;
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// The peer: pandas + openpyxl reading the two workbooks

const PANDAS_SCRIPT = `
import sys, time
import pandas as pd
t = time.perf_counter()
c = time.process_time()
rows = 0
for f in sys.argv[1:]:
    frames = pd.read_excel(f, sheet_name=None, engine="openpyxl")
    rows += sum(len(df) for df in frames.values())
print(f"{time.perf_counter() - t:.3f} {rows} {time.process_time() - c:.3f}")
`;

/** The first Python with pandas and openpyxl (a pyenv shim may shadow Debian's python3). */
let python = 'python3';
function pandasVersion(): string | null {
  for (const candidate of [process.env.JIHE_BENCH_PYTHON, 'python3', '/usr/bin/python3']) {
    if (!candidate) continue;
    const r = spawnSync(candidate, ['-c', 'import pandas, openpyxl; print(pandas.__version__, openpyxl.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) {
      python = candidate;
      return r.stdout.trim();
    }
  }
  return null;
}

function pandasRead(files: string[]): { seconds: number; rows: number; cpu: number } {
  const r = spawnSync(python, ['-c', PANDAS_SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`pandas failed: ${r.stderr}`);
  const [seconds, rows, cpu] = r.stdout.trim().split(' ');
  return { seconds: Number(seconds), rows: Number(rows), cpu: Number(cpu) };
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(): string[] {
  const cpus = os.cpus();
  let model = cpus[0]?.model?.trim() ?? 'unknown';
  if (model === 'unknown' || model === '') {
    try {
      model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
    } catch {
      /* not Linux */
    }
  }
  return [
    `- CPU: ${model}, ${cpus.length} cores (os.cpus()), ${os.availableParallelism()} available`,
    `- RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js: ${process.version}`,
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ];
}

const s = (n: number) => `${n.toFixed(2)} s`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** This run's sections, what the last run wrote (under "Previous run") and any hand-written sections after them. */
const OWN_SECTIONS = ['Machine', 'Import, computation and output', 'The bound: bare inflate-and-scan in the same run', 'Peer: pandas + openpyxl'];
function withHistory(doc: string): string {
  let old = '';
  try {
    old = readFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), 'utf8');
  } catch {
    return doc;
  }
  const sections = old.split(/^(?=## )/m).slice(1);
  const title = (sec: string) => sec.slice(3, sec.indexOf('\n')).trim();
  const previous = sections.filter((sec) => OWN_SECTIONS.includes(title(sec))).map((sec) => `#${sec}`);
  const kept = sections.filter((sec) => !OWN_SECTIONS.includes(title(sec)) && title(sec) !== 'Previous run');
  return [doc.trimEnd(), '', ...(previous.length > 0 ? ['## Previous run', '', 'As the run before this one wrote it.', '', ...previous.map((x) => x.trimEnd() + '\n')] : []), ...kept.map((x) => x.trimEnd() + '\n')].join('\n');
}

async function main(): Promise<void> {
  const phase = arg('--phase');
  if (phase === 'generate') {
    const months = monthRange(MONTHS.from, MONTHS.to).slice(0, Number(arg('--months')));
    console.log(JSON.stringify(await generatePhase(arg('--dir')!, Number(arg('--persons')), months, arg('--per-insurance') === 'yes')));
    return;
  }
  if (phase === 'scan') {
    const { bareScan } = await import('./bench/bareScan');
    const dir = arg('--dir')!;
    console.log(JSON.stringify({ payroll: await bareScan(path.join(dir, 'payroll.xlsx')), declarations: await bareScan(path.join(dir, 'declarations.xlsx')) }));
    return;
  }
  if (phase === 'pipeline') {
    const months = monthRange(MONTHS.from, MONTHS.to).slice(0, Number(arg('--months')));
    console.log(JSON.stringify(await pipelinePhase(arg('--dir')!, months)));
    process.exit(0);
  }

  const quick = process.argv.includes('--quick');
  const all = monthRange(MONTHS.from, MONTHS.to);
  const sizes: Size[] = quick
    ? [
        { label: '300 × 12', persons: 300, months: all.slice(0, 12), perInsurance: true },
        { label: '2,000 × 36', persons: 2000, months: all, perInsurance: false },
      ]
    : [
        { label: '3,000 × 36', persons: 3000, months: all, perInsurance: true },
        { label: '28,000 × 36', persons: 28000, months: all, perInsurance: false },
      ];
  const pv = process.argv.includes('--no-peer') ? null : pandasVersion();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jihe-bench-'));
  const rows: string[] = [];
  const bound: string[] = [];
  let peer: { seconds: number; rows: number; cpu: number; pipeline: number; pipelineCpu: number } | null = null;
  try {
    for (const [i, size] of sizes.entries()) {
      const dir = path.join(tmp, `size${i}`);
      mkdirSync(dir);
      console.error(`[bench] ${size.label}: generating…`);
      const gen = runChild<GenerateFigures>('generate', ['--dir', dir, '--persons', String(size.persons), '--months', String(size.months.length), '--per-insurance', size.perInsurance ? 'yes' : 'no'], 12_000);
      console.error(`[bench] ${size.label}: ${gen.payrollRows} payroll rows, ${gen.declarationRows} declaration rows generated in ${s(gen.seconds)}; importing…`);
      const loadAtStart = os.loadavg()[0]!.toFixed(1);
      const p = runChild<PipelineFigures>('pipeline', ['--dir', dir, '--months', String(size.months.length)]);
      console.error(`[bench] ${size.label}: ${JSON.stringify(p)}`);
      // The bound, in the same run on the same files: bare inflate-and-scan of the sheets.
      const bare = runChild<{ payroll: BareScan; declarations: BareScan }>('scan', ['--dir', dir]);
      console.error(`[bench] ${size.label}: bare scan ${JSON.stringify(bare)}`);
      const times = (ours: number, base: number) => `${(ours / base).toFixed(1)}×`;
      const bareBoth = bare.payroll.seconds + bare.declarations.seconds;
      bound.push(
        `| ${size.label} | ${s(bare.payroll.seconds)} (${bare.payroll.cells.toLocaleString('en')} cells, ${mb(bare.payroll.inflatedBytes)} XML) | ${s(bare.declarations.seconds)} (${bare.declarations.cells.toLocaleString('en')} cells, ${mb(bare.declarations.inflatedBytes)} XML) | ${times(p.importPayroll, bare.payroll.seconds)} | ${times(p.importDeclarations, bare.declarations.seconds)} | ${times(p.total, bareBoth)} | ${times(p.cpu.importPayroll, bare.payroll.cpu)} / ${times(p.cpu.importDeclarations, bare.declarations.cpu)} / ${times(p.cpu.total, bare.payroll.cpu + bare.declarations.cpu)} |`,
      );
      if (i === 0 && pv) {
        console.error(`[bench] ${size.label}: pandas + openpyxl reading the two workbooks…`);
        const r = pandasRead([path.join(dir, 'payroll.xlsx'), path.join(dir, 'declarations.xlsx')]);
        peer = { ...r, pipeline: p.total, pipelineCpu: p.cpu.total };
        console.error(`[bench] pandas: ${s(r.seconds)} for ${r.rows} rows`);
      }
      const fileSizes = gen.files.map((f) => `${f.name} ${mb(f.bytes)}`).join(', ');
      rows.push(
        `| ${size.label} | ${gen.payrollRows.toLocaleString('en')} | ${gen.declarationRows.toLocaleString('en')}${size.perInsurance ? ' (per insurance)' : ' (one per person-month)'} | ${s(gen.seconds)} | ${s(p.importPayroll)} | ${s(p.importDeclarations)} | ${s(p.compute)} | ${s(p.json)} | **${s(p.total)}** | ${s(p.importDeclarationsCsv)} | ${p.peakImportRssMb} MB / ${p.peakRssMb} MB | ${p.duplicateRefused ? 'yes' : 'NO'} |`,
      );
      rows.push(
        `|  | CPU seconds (all threads): import payroll ${p.cpu.importPayroll.toFixed(2)}, declarations ${p.cpu.importDeclarations.toFixed(2)}, compute ${p.cpu.compute.toFixed(2)}, JSON ${p.cpu.json.toFixed(2)}, **pipeline ${p.cpu.total.toFixed(2)}**; GB18030 CSV ${p.cpu.importDeclarationsCsv.toFixed(2)}; load average at the start ${loadAtStart} |||||||||||`,
      );
      rows.push(`|  | files: ${fileSizes}; stored ${p.payrollStored.toLocaleString('en')} payroll, ${p.declarationsStored.toLocaleString('en')} declaration rows; result JSON ${mb(p.jsonBytes)} |||||||||||`);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts); figures from one run, not an average.',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Import, computation and output',
    '',
    'Each size runs in a fresh process on a fresh SQLite database, through the services the app',
    'uses: `runImportJob` (parse and normalise in a worker thread — the streaming .xlsx reader for',
    'big sheets — then one all-or-nothing transaction), **Compute** = `computeCaseResult` (loading the',
    'stored rows, DOMAIN.md §6, in fen), **JSON** = the result DTO (money as strings, the shape',
    '`results.compute` returns) written as JSON piece by piece (`computeResultDtoJson`), so the',
    'whole DTO and the whole text are never held at once. **Pipeline** = payroll import +',
    'declarations import + computation + JSON. The GB18030 CSV of the same declarations is imported',
    'afterwards into another case and timed separately. Peak RSS is the whole process (main thread',
    'and worker): up to the end of both imports, then over everything. "Duplicate refused": the same payroll file imported a second time',
    'is refused by its SHA-256.',
    '',
    'Files are generated by the fixture generator (test/fixtures/employer.ts) and written as .xlsx by',
    'a streaming writer (scripts/bench/writeXlsxStream.ts; SheetJS cannot write a 1,000,000-row',
    'sheet) with a title row, a merged title and a 合计 row. Payroll has 17 columns (pay components,',
    'deductions, net). At 28,000 persons the declarations are one row per person-month (the',
    'per-insurance export would be about 4.5 million rows).',
    '',
    '| Size (persons × months) | Payroll rows | Declaration rows | Generation | Import payroll | Import declarations | Compute | JSON | Pipeline | Declarations as GB18030 CSV | Peak RSS: imports / all | Duplicate refused |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## The bound: bare inflate-and-scan in the same run',
    '',
    'The least work any reader of these files must do (scripts/bench/bareScan.ts): inflate each',
    "worksheet's XML with Node's zlib, streaming, and find every cell tag — no parsing, no values.",
    'Our stages as a multiple of it (wall time; then CPU seconds, all threads: payroll / declarations /',
    'pipeline). The pipeline multiple is against the scan of both workbooks.',
    '',
    '| Size | Bare scan: payroll.xlsx | Bare scan: declarations.xlsx | Import payroll | Import declarations | Pipeline | CPU multiples |',
    '|---|---|---|---|---|---|---|',
    ...bound,
    '',
    '## Peer: pandas + openpyxl',
    '',
    peer && pv
      ? `pandas + openpyxl (${pv}) \`pd.read_excel(f, sheet_name=None, engine="openpyxl")\` on the two ${sizes[0]!.label} workbooks (only reading, ${peer.rows.toLocaleString('en')} rows): **${s(peer.seconds)}**. Our whole pipeline on the same files: **${s(peer.pipeline)}**, ${(peer.pipeline / peer.seconds * 100).toFixed(1)} % of pandas' read time (aim: under 25 %). In CPU seconds (robust when the machine is shared): pandas ${s(peer.cpu)}, our pipeline ${s(peer.pipelineCpu)} (all threads), ${(peer.pipelineCpu / peer.cpu * 100).toFixed(1)} %.`
      : 'pandas + openpyxl were not available on this machine (Debian: `apt-get install python3-pandas python3-openpyxl`), so the peer was not measured.',
    '',
  ].join('\n');
  const write = !quick || process.argv.includes('--write');
  if (write) {
    writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), withHistory(doc));
    console.error('[bench] written to docs/benchmarks.md');
  }
  console.log(doc);
}

await main();
