// `jihe dossier verify FILE.zip` re-checks a case's dossier offline (DOMAIN.md §9) and names
// every missing, changed or extra file and who signed it; `jihe dossier export` writes one from a workstation's
// data folder. Exit 0 when the dossier is intact, 1 when it is not (or cannot be read), 2 on
// bad arguments.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Backend } from '../services/backend';
import type { Case } from '../../shared/api/dto';
import { loginForCli } from './accountLogin';
import { exportDossier, verifyDossier } from '../services/dossier/index';
import { FILE_ROLE_NAMES, FILE_ROLES } from '../../shared/dossier/manifest';
import { workstationKey } from '../services/signing/workstationKey';
import { listRegisteredKeys } from '../services/signing/registeredKeys';
import { openDataFolder } from './dataFolder';
import { EXIT, type CliIo } from './io';

export const DOSSIER_HELP = `用法：
  jihe dossier verify 档案.zip [--data 数据目录]
  jihe dossier export --data 数据目录 --case 案件编号 --out 档案.zip [--user 用户名]

命令：
  verify   离线核验稽核档案 ZIP：逐一核对清单 manifest.json 所列每个文件的 SHA-256 和大小，
           指出缺少、被改动或多出的文件，并重新计算审计记录的哈希链、核对链头；
           核验工作站的数字签名并指出签名者（工作站名称和公钥指纹）；给出 --data 时，
           还核对签名者是否为该数据目录的工作站或其已登记的工作站
  export   从工作站的数据目录导出一个案件的稽核档案 ZIP（--case 可写案件号，如 稽〔2026〕1号，
           或数据库中的案件序号）。数据目录已建立用户账户时须登录：--user 给出用户名，
           密码放在环境变量 JIHE_PASSWORD 中，或在终端提示时输入（不回显）；
           须为可查看案件的账户（系统管理员不能导出）

退出码：
  0  核验通过 / 导出完成
  1  档案未通过核验（逐项列出问题），或文件无法读取
  2  命令行参数有误
`;

/** The trust list of the workstation at --data: its own key and the laptops it registered. */
function trustIn(backend: Backend): { isTrusted: (fingerprint: string) => boolean; close: () => void } {
  return {
    isTrusted: (fp) => workstationKey(backend.db).fingerprint === fp || listRegisteredKeys(backend.db).some((k) => k.fingerprint === fp && !k.revokedAt),
    close: () => backend.close(),
  };
}

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
  let parsed: { values: { data?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    io.stderr(`错误：${argsError(e)}\n${DOSSIER_HELP}`);
    return EXIT.usage;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`错误：请给出一个档案 ZIP 文件\n${DOSSIER_HELP}`);
    return EXIT.usage;
  }
  const file = parsed.positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    io.stderr(`错误：无法读取文件“${file}”：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.unreadable;
  }
  let trust: ReturnType<typeof trustIn> | null = null;
  if (parsed.values.data) {
    // A mistyped folder is refused, not opened as a new, empty workstation that trusts nobody.
    const opened = openDataFolder(parsed.values.data, io);
    if ('exit' in opened) return opened.exit;
    trust = trustIn(opened.backend);
  }
  let check;
  try {
    check = verifyDossier(bytes, trust ? { isTrusted: trust.isTrusted } : {});
  } finally {
    trust?.close();
  }
  if (check.ok && check.manifest) {
    const m = check.manifest;
    const s = check.signer!;
    const byRole = FILE_ROLES.map((r) => [r, m.files.filter((f) => f.role === r).length] as const)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${FILE_ROLE_NAMES[r]} ${n} 个`)
      .join('，');
    io.stdout(
      `核验通过：${file}\n` +
        `案件 ${m.case.number}，${m.case.employer.name}，稽核期间 ${m.case.periodFrom} 至 ${m.case.periodTo}\n` +
        `共 ${m.files.length} 个文件（${byRole}），SHA-256 和大小均与清单一致，没有多出的文件\n` +
        `审计记录 ${m.trail.entries} 条，哈希链完整，链头 ${m.trail.head}\n` +
        (m.contentSha256 ? `卷内文件摘要（备考表所印）${m.contentSha256}\n` : '') +
        `签名有效：由工作站“${s.name}”签名，公钥指纹 ${s.fingerprintText}` +
        (s.registered === null ? '（未指定 --data，未核对登记；请与科室登记的指纹核对）\n' : s.registered ? '（已在本机登记）\n' : '\n'),
    );
    return EXIT.ok;
  }
  io.stderr(`核验未通过：${file}，发现 ${check.problems.length} 个问题：\n`);
  check.problems.forEach((p, i) => io.stderr(`  ${i + 1}. ${p.file}：${p.message}\n`));
  if (check.signer) io.stderr(`  （签名者：工作站“${check.signer.name}”，公钥指纹 ${check.signer.fingerprintText}）\n`);
  return EXIT.unreadable;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout(DOSSIER_HELP);
    return EXIT.ok;
  }
  let values: { data?: string; case?: string; out?: string; user?: string };
  try {
    ({ values } = parseArgs({ args, options: { data: { type: 'string' }, case: { type: 'string' }, out: { type: 'string' }, user: { type: 'string' } }, allowPositionals: false }));
  } catch (e) {
    io.stderr(`错误：${argsError(e)}\n${DOSSIER_HELP}`);
    return EXIT.usage;
  }
  if (!values.data || !values.case || !values.out) {
    io.stderr(`错误：export 需要 --data、--case 和 --out\n${DOSSIER_HELP}`);
    return EXIT.usage;
  }
  // a mistyped --data is refused rather than answered with "no such case" from a new empty folder
  const opened = openDataFolder(values.data, io);
  if ('exit' in opened) return opened.exit;
  const { backend } = opened;
  try {
    // Personal data is read only by a logged-in account allowed to read cases (issue 8).
    const login = await loginForCli(backend, values.user, '导出稽核档案');
    if (!login.ok) {
      io.stderr(`错误：${login.message}\n`);
      return login.usage ? EXIT.usage : EXIT.unreadable;
    }
    const listed = await backend.invoke('cases.list', {});
    if (!listed.ok) {
      io.stderr(`错误：${listed.error.message}\n`);
      return EXIT.unreadable;
    }
    const wanted = values.case.trim();
    const found = (listed.value as Case[]).find((c) => c.number === wanted || String(c.id) === wanted);
    if (!found) {
      io.stderr(`错误：数据目录中没有案件“${wanted}”\n`);
      return EXIT.unreadable;
    }
    const zip = await exportDossier(backend.db, found.id, { actor: login.actor ?? 'jihe dossier export' });
    // A dossier holds personal data: the exported file is the user's alone.
    await writeFile(values.out, zip, { mode: 0o600 });
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
