// `jihe dossier verify FILE.zip` re-checks a case's dossier offline (DOMAIN.md §9) and names
// every missing, changed or extra file; `jihe dossier export` writes one from a workstation's
// data folder. Exit 0 when the dossier is intact, 1 when it is not (or cannot be read), 2 on
// bad arguments.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, DATABASE_FILE } from '../services/backend';
import { listCases } from '../services/db/repos/cases';
import { exportDossier, verifyDossier } from '../services/dossier/index';
import { FILE_ROLE_NAMES, FILE_ROLES } from '../../shared/dossier/manifest';
import { EXIT, type CliIo } from './io';

export const DOSSIER_HELP = `用法：
  jihe dossier verify 档案.zip
  jihe dossier export --data 数据目录 --case 案件编号 --out 档案.zip

命令：
  verify   离线核验稽核档案 ZIP：逐一核对清单 manifest.json 所列每个文件的 SHA-256 和大小，
           指出缺少、被改动或多出的文件，并重新计算审计记录的哈希链、核对链头
  export   从工作站的数据目录导出一个案件的稽核档案 ZIP（--case 可写案件号，如 稽〔2026〕1号，
           或数据库中的案件序号）

退出码：
  0  核验通过 / 导出完成
  1  档案未通过核验（逐项列出问题），或文件无法读取
  2  命令行参数有误
`;

const wantsHelp = (args: readonly string[]) => args.includes('-h') || args.includes('--help');

/** node:util parseArgs errors, in Chinese. */
function argsError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的选项“${option ?? message}”`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项“${option ?? ''}”缺少取值`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数“${option ?? message}”`;
  return message;
}

async function verify(args: string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout(DOSSIER_HELP);
    return EXIT.ok;
  }
  if (args.length !== 1) {
    io.stderr(`错误：请给出一个档案 ZIP 文件\n${DOSSIER_HELP}`);
    return EXIT.usage;
  }
  const file = args[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    io.stderr(`错误：无法读取文件“${file}”：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.unreadable;
  }
  const check = verifyDossier(bytes);
  if (check.ok && check.manifest) {
    const m = check.manifest;
    const byRole = FILE_ROLES.map((r) => [r, m.files.filter((f) => f.role === r).length] as const)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${FILE_ROLE_NAMES[r]} ${n} 个`)
      .join('，');
    io.stdout(
      `核验通过：${file}\n` +
        `案件 ${m.case.number}，${m.case.employer.name}，稽核期间 ${m.case.periodFrom} 至 ${m.case.periodTo}\n` +
        `共 ${m.files.length} 个文件（${byRole}），SHA-256 和大小均与清单一致，没有多出的文件\n` +
        `审计记录 ${m.trail.entries} 条，哈希链完整，链头 ${m.trail.head}\n`,
    );
    return EXIT.ok;
  }
  io.stderr(`核验未通过：${file}，发现 ${check.problems.length} 个问题：\n`);
  check.problems.forEach((p, i) => io.stderr(`  ${i + 1}. ${p.file}：${p.message}\n`));
  return EXIT.unreadable;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout(DOSSIER_HELP);
    return EXIT.ok;
  }
  let values: { data?: string; case?: string; out?: string };
  try {
    ({ values } = parseArgs({ args, options: { data: { type: 'string' }, case: { type: 'string' }, out: { type: 'string' } }, allowPositionals: false }));
  } catch (e) {
    io.stderr(`错误：${argsError(e)}\n${DOSSIER_HELP}`);
    return EXIT.usage;
  }
  if (!values.data || !values.case || !values.out) {
    io.stderr(`错误：export 需要 --data、--case 和 --out\n${DOSSIER_HELP}`);
    return EXIT.usage;
  }
  // Opening a folder without a database would create an empty one there: a mistyped --data must
  // be refused, not answered with "no such case" from a new empty workstation.
  if (!existsSync(path.join(values.data, DATABASE_FILE))) {
    io.stderr(`错误：“${values.data}”不是工作站的数据目录（其中没有 ${DATABASE_FILE}），请检查 --data\n`);
    return EXIT.unreadable;
  }
  let backend;
  try {
    backend = createBackend({ dataDir: values.data, runtime: 'harness' });
  } catch (e) {
    io.stderr(`错误：无法打开数据目录“${values.data}”：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.unreadable;
  }
  try {
    const wanted = values.case.trim();
    const found = listCases(backend.db).find((c) => c.number === wanted || String(c.id) === wanted);
    if (!found) {
      io.stderr(`错误：数据目录中没有案件“${wanted}”\n`);
      return EXIT.unreadable;
    }
    const zip = await exportDossier(backend.db, found.id, { actor: 'jihe dossier export' });
    await writeFile(values.out, zip);
    const check = verifyDossier(zip);
    io.stdout(`已导出案件 ${found.number}（${found.employerName}）的稽核档案：${values.out}，共 ${check.manifest?.files.length ?? 0} 个文件\n`);
    return check.ok ? EXIT.ok : EXIT.unreadable;
  } catch (e) {
    io.stderr(`错误：导出失败：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.unreadable;
  } finally {
    backend.close();
  }
}

export async function dossierCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'verify':
      return verify(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
      io.stdout(DOSSIER_HELP);
      return sub === undefined ? EXIT.usage : EXIT.ok;
    default:
      io.stderr(`错误：未知的 dossier 子命令“${sub}”\n${DOSSIER_HELP}`);
      return EXIT.usage;
  }
}
