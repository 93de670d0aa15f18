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
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monthRange } from '../shared/rules/month';
import type { BareScan } from './bench/bareScan';
import type { PipelineFigures } from './bench/pipeline';

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
  // The titles name the employer; the case's employer must be the same company (caseFit.ts).
  writeFileSync(path.join(dir, 'employer.txt'), data.employerName);
  const seconds = (performance.now() - t0) / 1000;
  const files = ['payroll.xlsx', 'declarations.xlsx', 'declarations-gb18030.csv'].map((name) => ({ name, bytes: statSync(path.join(dir, name)).size }));
  return { seconds, payrollRows: data.payrollRows.length, declarationRows: data.declarationRows.length, files };
}

// ---------------------------------------------------------------------------------------------
// Phase: pipeline — scripts/bench/pipeline.ts, bundled like the app (no TypeScript compiled at run
// time) beside the import worker's bundle, in a fresh process per size

const BENCH_OUT = path.join(ROOT, 'dist', 'bench');

async function buildPipeline(): Promise<string> {
  const esbuild = await import('esbuild');
  const common = { absWorkingDir: ROOT, bundle: true, platform: 'node' as const, target: 'node20', logLevel: 'warning' as const, legalComments: 'none' as const };
  await esbuild.build({ ...common, entryPoints: ['scripts/bench/pipeline.ts'], outfile: path.join(BENCH_OUT, 'pipeline.mjs'), format: 'esm', packages: 'external' });
  // The same worker build as the command line's and the Electron bundle's (scripts/build-cli.mjs).
  await esbuild.build({
    ...common,
    entryPoints: ['electron/services/jobs/importWorker.ts'],
    outfile: path.join(BENCH_OUT, 'importWorker.cjs'),
    format: 'cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'pdfkit'],
    inject: [path.join(ROOT, 'scripts', 'import-meta-url-shim.mjs')],
    define: { 'import.meta.url': 'importMetaUrl' },
  });
  return path.join(BENCH_OUT, 'pipeline.mjs');
}

function runPipeline(entry: string, dir: string, months: number): PipelineFigures {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', entry, '--root', ROOT, '--dir', dir, '--months', String(months)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as PipelineFigures;
}

// ---------------------------------------------------------------------------------------------
// Claims screening (INSTITUTIONS.md §6): a county hospital's year of settlement details

/** Visits a month that give about 500,000 detail rows in the generated quarter (≈ 10 rows a visit). */
const CLAIMS_VISITS_PER_MONTH = 49_400;

interface ClaimsGenerated {
  seconds: number;
  rows: number;
  planted: number;
  bytes: number;
}

async function claimsGeneratePhase(dir: string, visitsPerMonth: number): Promise<ClaimsGenerated> {
  const { claimsXlsxSheets, generateHospitalQuarter, writeCatalogXlsx } = await import('../test/fixtures/hospital');
  const { writeXlsxStream } = await import('./bench/writeXlsxStream');
  const t0 = performance.now();
  // One file with a sheet per month, the year's volume of a county hospital in one export.
  const q = generateHospitalQuarter(20261203, { visitsPerMonth });
  await writeXlsxStream(path.join(dir, 'claims.xlsx'), claimsXlsxSheets(q).sheets);
  writeFileSync(path.join(dir, 'catalog.xlsx'), writeCatalogXlsx());
  return { seconds: (performance.now() - t0) / 1000, rows: q.rows.length, planted: q.planted.length, bytes: statSync(path.join(dir, 'claims.xlsx')).size };
}

interface ScreenRun {
  seconds: number;
  /** user + sys of the command's process, from /usr/bin/time (null where it is missing). */
  cpu: number | null;
  peakRssMb: number | null;
  hits: number;
  jsonBytes: number;
}

/** `jihe screen claims.xlsx catalog.xlsx --json` from the command line's bundle, as a user runs it. */
function runScreen(dir: string): ScreenRun {
  const cli = path.join(ROOT, 'dist', 'cli', 'jihe.mjs');
  const args = [process.execPath, cli, 'screen', path.join(dir, 'claims.xlsx'), path.join(dir, 'catalog.xlsx'), '--json'];
  const timed = spawnSync('/usr/bin/time', ['-f', 'JIHE_TIME %e %U %S %M', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const t = performance.now();
  const r = timed.error ? spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }) : timed;
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`jihe screen failed: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { hits: unknown[] };
  const m = /JIHE_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return {
    seconds: m ? Number(m[1]) : wall,
    cpu: m ? Number(m[2]) + Number(m[3]) : null,
    peakRssMb: m ? Math.round(Number(m[4]) / 1024) : null,
    hits: json.hits.length,
    jsonBytes: Buffer.byteLength(r.stdout),
  };
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
const OWN_SECTIONS = [
  'Machine',
  'Import, computation and output',
  'The bound: bare inflate-and-scan in the same run',
  "Claims screening: a county hospital's year",
  'Peer: pandas + openpyxl',
  'Issue 16 bounds',
];

const yes = (ok: boolean) => (ok ? '**met**' : '**not met**');

/** Issue 16's bounds (items 3 and 4) against this run's figures. */
function verdicts(
  first: PipelineFigures | null,
  big: PipelineFigures | null,
  peer: { seconds: number; cpu: number } | null,
  firstLabel: string,
  bigLabel: string,
): string[] {
  const out: string[] = [];
  if (first) {
    const ratio = peer ? `${((first.total / peer.seconds) * 100).toFixed(1)} % of pandas' time (CPU: ${((first.cpu.total / peer.cpu) * 100).toFixed(1)} %)` : 'pandas not measured';
    out.push(`- ${firstLabel} pipeline at ≤ 25 % of the pandas peer's time: ${ratio} — wall ${peer ? yes(first.total <= peer.seconds * 0.25) : '—'}, CPU ${peer ? yes(first.cpu.total <= peer.cpu * 0.25) : '—'}.`);
    out.push(`- ${firstLabel} peak memory under 500 MB: ${first.peakRssMb} MB over the whole process, ${yes(first.peakRssMb < 500)}.`);
  }
  if (big) {
    const rows = big.payrollStored.toLocaleString('en');
    out.push(`- ${bigLabel} (${rows} payroll rows) imported and computed in under 15 s: ${s(big.total)} wall (CPU ${s(big.cpu.total)}) — wall ${yes(big.total < 15)}, CPU ${yes(big.cpu.total < 15)}.`);
    out.push(`- ${bigLabel} peak memory under 1 GB: ${big.peakRssMb} MB, ${yes(big.peakRssMb < 1024)}. Progress reports during the payroll import: ${big.progressReports} (the job runner's progress and cancel are the app's).`);
  }
  return out;
}
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
  if (phase === 'claims-generate') {
    console.log(JSON.stringify(await claimsGeneratePhase(arg('--dir')!, Number(arg('--visits')))));
    return;
  }
  if (phase === 'scan-claims') {
    const { bareScan } = await import('./bench/bareScan');
    console.log(JSON.stringify(await bareScan(path.join(arg('--dir')!, 'claims.xlsx'))));
    return;
  }
  if (phase === 'scan') {
    const { bareScan } = await import('./bench/bareScan');
    const dir = arg('--dir')!;
    console.log(JSON.stringify({ payroll: await bareScan(path.join(dir, 'payroll.xlsx')), declarations: await bareScan(path.join(dir, 'declarations.xlsx')) }));
    return;
  }

  const quick = process.argv.includes('--quick');
  const all = monthRange(MONTHS.from, MONTHS.to);
  const sizes: Size[] = quick
    ? [
        { label: '300 × 12', persons: 300, months: all.slice(0, 12), perInsurance: true },
        { label: '2,000 × 36', persons: 2000, months: all, perInsurance: false },
      ]
    : [
        // The shape of the hidden 3,000 × 36 case (110,584 payroll, 93,085 declaration rows, one
        // per person-month): with the generator's joiners and leavers, 3,520 generated persons
        // are about 3,000 on the payroll in a month and give 110,596 and 94,781 rows.
        { label: '3,000 × 36', persons: 3520, months: all, perInsurance: false },
        { label: '28,000 × 36', persons: 28000, months: all, perInsurance: false },
      ];
  const pv = process.argv.includes('--no-peer') ? null : pandasVersion();
  console.error('[bench] bundling the pipeline and the import worker…');
  const pipelineEntry = await buildPipeline();
  // `jihe screen` runs from the command line's bundle (what `npm ci` builds).
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jihe-bench-'));
  const rows: string[] = [];
  const bound: string[] = [];
  let peer: { seconds: number; rows: number; cpu: number; pipeline: number; pipelineCpu: number } | null = null;
  let first: PipelineFigures | null = null;
  let big: PipelineFigures | null = null;
  let claims: { gen: ClaimsGenerated; run: ScreenRun; bare: BareScan; load: string } | null = null;
  try {
    for (const [i, size] of sizes.entries()) {
      const dir = path.join(tmp, `size${i}`);
      mkdirSync(dir);
      console.error(`[bench] ${size.label}: generating…`);
      const gen = runChild<GenerateFigures>('generate', ['--dir', dir, '--persons', String(size.persons), '--months', String(size.months.length), '--per-insurance', size.perInsurance ? 'yes' : 'no'], 12_000);
      console.error(`[bench] ${size.label}: ${gen.payrollRows} payroll rows, ${gen.declarationRows} declaration rows generated in ${s(gen.seconds)}; importing…`);
      const loadAtStart = os.loadavg()[0]!.toFixed(1);
      const p = runPipeline(pipelineEntry, dir, size.months.length);
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
      if (i === 1) big = p;
      else first = p;
      rmSync(dir, { recursive: true, force: true });
    }
    // Claims screening: `jihe screen` on a county hospital's year, against the bare scan of the file.
    const dir = path.join(tmp, 'claims');
    mkdirSync(dir);
    const visits = quick ? 2_000 : CLAIMS_VISITS_PER_MONTH;
    console.error('[bench] claims: generating…');
    const gen = runChild<ClaimsGenerated>('claims-generate', ['--dir', dir, '--visits', String(visits)], 12_000);
    console.error(`[bench] claims: ${gen.rows} rows generated in ${s(gen.seconds)}; screening…`);
    const loadAtStart = os.loadavg()[0]!.toFixed(1);
    const run = runScreen(dir);
    const bare = runChild<BareScan>('scan-claims', ['--dir', dir]);
    console.error(`[bench] claims: ${JSON.stringify(run)} bare ${JSON.stringify(bare)}`);
    claims = { gen, run, bare, load: loadAtStart };
    rmSync(dir, { recursive: true, force: true });
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
    'uses, bundled by esbuild as the app and the command line are (scripts/bench/pipeline.ts beside',
    'the import worker\'s bundle: no TypeScript is compiled at run time): `runImportJob` (parse and',
    'normalise in the import worker thread — the streaming .xlsx reader for sheets past 4 MB of XML —',
    'then one all-or-nothing transaction into the encrypted database), **Compute** = `computeCaseResult`',
    '(loading the stored rows, DOMAIN.md §6, in fen), **JSON** = the result as `jihe compute --json`',
    'prints it (`toComputeSummaryDto`: totals, per insurance, per month, counts; the rows only with',
    '`--rows`). **Pipeline** = payroll import + declarations import + computation + JSON. The GB18030',
    'CSV of the same declarations is imported afterwards into another case and timed separately. Peak',
    'RSS is the whole process (main thread and worker, sampled every 50 ms and the kernel\'s maxRSS): up',
    'to the end of both imports, then over everything. "Duplicate refused": the same payroll file',
    'imported a second time is refused by its SHA-256.',
    '',
    'Files are generated by the fixture generator (test/fixtures/employer.ts) and written as .xlsx by',
    'a streaming writer (scripts/bench/writeXlsxStream.ts; SheetJS cannot write a 1,000,000-row',
    'sheet) with a title row, a merged title and a 合计 row. Payroll has 17 columns (pay components,',
    'deductions, net); declarations are one row per person-month, as in the hidden 3,000 × 36 case',
    '(110,584 payroll and 93,085 declaration rows), whose shape the first size copies: 3,520 generated',
    'persons with joiners and leavers are about 3,000 on any month\'s payroll.',
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
    '## Claims screening: a county hospital\'s year',
    '',
    'Settlement details generated by test/fixtures/hospital.ts (the quarter generator with planted',
    'violations, at a year\'s volume in one export: a sheet per month, title and header rows, dates as',
    'date cells) and written by the streaming writer; the catalog from the same fixture.',
    '`jihe screen claims.xlsx catalog.xlsx --json` is run from the command line\'s bundle as a user runs it',
    '(read both files, screen R01–R11, print every hit as JSON); wall, CPU (user + sys) and peak RSS of',
    'the whole process from /usr/bin/time. The bound is the bare inflate-and-scan of claims.xlsx.',
    '',
    ...(claims
      ? [
          '| Detail rows | claims.xlsx | Generation | `jihe screen --json` wall | CPU | Peak RSS | Hits (planted cases) | Bare scan | Multiple of the bare scan (wall / CPU) |',
          '|---|---|---|---|---|---|---|---|---|',
          `| ${claims.gen.rows.toLocaleString('en')} | ${mb(claims.gen.bytes)} | ${s(claims.gen.seconds)} | **${s(claims.run.seconds)}** | ${claims.run.cpu === null ? '—' : s(claims.run.cpu)} | ${claims.run.peakRssMb === null ? '—' : `${claims.run.peakRssMb} MB`} | ${claims.run.hits.toLocaleString('en')} (${claims.gen.planted}) | ${s(claims.bare.seconds)} (${claims.bare.cells.toLocaleString('en')} cells, CPU ${s(claims.bare.cpu)}) | ${(claims.run.seconds / claims.bare.seconds).toFixed(1)}× / ${claims.run.cpu === null ? '—' : `${(claims.run.cpu / claims.bare.cpu).toFixed(1)}×`} |`,
          '',
          `Load average at the start: ${claims.load}.`,
        ]
      : ['Not run.']),
    '',
    '## Peer: pandas + openpyxl',
    '',
    peer && pv
      ? `pandas + openpyxl (${pv}) \`pd.read_excel(f, sheet_name=None, engine="openpyxl")\` on the two ${sizes[0]!.label} workbooks (only reading, ${peer.rows.toLocaleString('en')} rows): **${s(peer.seconds)}**. Our whole pipeline on the same files: **${s(peer.pipeline)}**, ${(peer.pipeline / peer.seconds * 100).toFixed(1)} % of pandas' read time (aim: under 25 %). In CPU seconds (robust when the machine is shared): pandas ${s(peer.cpu)}, our pipeline ${s(peer.pipelineCpu)} (all threads), ${(peer.pipelineCpu / peer.cpu * 100).toFixed(1)} %.`
      : process.argv.includes('--no-peer')
        ? 'The peer was not measured in this run (`--no-peer`).'
        : 'The peer is unavailable: no Python with pandas and openpyxl on this machine (Debian: `apt-get install python3-pandas python3-openpyxl`; `JIHE_BENCH_PYTHON` names another Python), so it was not measured.',
    '',
    '## Issue 16 bounds',
    '',
    'Each bound as this run met it or not (wall time is at the mercy of the machine\'s load, noted above;',
    'CPU seconds are given beside it).',
    '',
    ...verdicts(first, big, peer, sizes[0]!.label, sizes[1]!.label),
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
