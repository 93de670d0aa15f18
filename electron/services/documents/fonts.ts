// Which font files print each typographic role of an official document. GB/T 9704 wants
// 仿宋_GB2312 for the body, 方正小标宋 for the title, 黑体 and 楷体 for headings and 宋体 for
// page numbers; bureaus' Windows machines usually have them, but they are not redistributable.
// So each role takes the official font when the machine has it and otherwise an OFL font from
// node_modules (Noto Serif SC / Noto Sans SC). Font files are large (about 10 MB each) and
// searched for on disk, so the search result and the loaded bytes are cached per process.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const FONT_ROLES = ['fangsong', 'xiaobiaosong', 'heiti', 'kaiti', 'songti'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export const FONT_ROLE_NAMES: Record<FontRole, string> = {
  fangsong: '仿宋（正文）',
  xiaobiaosong: '小标宋（标题）',
  heiti: '黑体（一级标题）',
  kaiti: '楷体（二级标题）',
  songti: '宋体（页码）',
};

export interface FontFace {
  role: FontRole;
  /** Absolute path of the TTF/TTC/OTF file. */
  path: string;
  /** For a collection (.ttc), the PostScript name of the face inside it. */
  postscriptName?: string;
  /** What to record and show: 仿宋_GB2312 (simfang.ttf) or Noto Serif SC Regular. */
  name: string;
  source: 'system' | 'bundled';
  /** (hhea ascender − descender) / unitsPerEm: the line box pdfkit gives one line of this face. */
  lineHeightEm: number;
}

export interface FontSet {
  faces: Record<FontRole, FontFace>;
  /** The folders the renderer may read; everything else is denied. */
  allowedDirs: string[];
}

interface Candidate {
  file: string;
  name: string;
  postscriptName?: string;
}

/** Official font files by role, most specific first; matched case-insensitively on the name. */
const OFFICIAL: Record<FontRole, Candidate[]> = {
  fangsong: [
    { file: '仿宋_GB2312.ttf', name: '仿宋_GB2312' },
    { file: 'FangSong_GB2312.ttf', name: '仿宋_GB2312' },
    { file: 'FS_GB2312.ttf', name: '仿宋_GB2312' },
    { file: 'simfang.ttf', name: '仿宋' },
    { file: 'FangSong.ttf', name: '仿宋' },
    { file: '仿宋.ttf', name: '仿宋' },
    { file: 'STFANGSO.TTF', name: '华文仿宋' },
  ],
  xiaobiaosong: [
    { file: '方正小标宋简体.ttf', name: '方正小标宋简体' },
    { file: '方正小标宋_GBK.ttf', name: '方正小标宋_GBK' },
    { file: 'FZXBSJW.TTF', name: '方正小标宋简体' },
    { file: 'FZXBSK.TTF', name: '方正小标宋_GBK' },
    { file: 'FZXiaoBiaoSong-B05S.ttf', name: '方正小标宋简体' },
  ],
  heiti: [
    { file: 'simhei.ttf', name: '黑体' },
    { file: '黑体.ttf', name: '黑体' },
    { file: 'STHeiti Medium.ttc', name: '华文黑体', postscriptName: 'STHeitiSC-Medium' },
  ],
  kaiti: [
    { file: '楷体_GB2312.ttf', name: '楷体_GB2312' },
    { file: 'KaiTi_GB2312.ttf', name: '楷体_GB2312' },
    { file: 'simkai.ttf', name: '楷体' },
    { file: 'KaiTi.ttf', name: '楷体' },
    { file: '楷体.ttf', name: '楷体' },
    { file: 'STKAITI.TTF', name: '华文楷体' },
  ],
  songti: [
    { file: 'simsun.ttc', name: '宋体', postscriptName: 'SimSun' },
    { file: 'simsun.ttf', name: '宋体' },
    { file: '宋体.ttf', name: '宋体' },
  ],
};

/** The OFL fallbacks: package, weight folder, file and name. */
const BUNDLED: Record<FontRole, { pkg: string; file: string; name: string }> = {
  fangsong: { pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf', name: 'Noto Serif SC Regular' },
  xiaobiaosong: { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf', name: 'Noto Serif SC Bold' },
  heiti: { pkg: '@expo-google-fonts/noto-sans-sc', file: '500Medium/NotoSansSC_500Medium.ttf', name: 'Noto Sans SC Medium' },
  kaiti: { pkg: '@expo-google-fonts/noto-serif-sc', file: '600SemiBold/NotoSerifSC_600SemiBold.ttf', name: 'Noto Serif SC SemiBold' },
  songti: { pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf', name: 'Noto Serif SC Regular' },
};

/** The usual font folders of Windows, macOS and Linux, user folders included. */
export function systemFontDirs(): string[] {
  const home = homedir();
  switch (process.platform) {
    case 'win32': {
      const dirs = [join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts')];
      if (process.env.LOCALAPPDATA) dirs.push(join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
      return dirs;
    }
    case 'darwin':
      return ['/Library/Fonts', '/System/Library/Fonts', '/System/Library/Fonts/Supplemental', join(home, 'Library', 'Fonts')];
    default:
      return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local', 'share', 'fonts'), join(home, '.fonts')];
  }
}

const MAX_DEPTH = 4;
const MAX_ENTRIES = 50_000;

/** Lower-cased file name → first full path found under the folders. */
function indexFontFiles(dirs: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  let seen = 0;
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || seen > MAX_ENTRIES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // missing or unreadable folder: nothing to find there
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (/\.(ttf|ttc|otf)$/i.test(e.name) && !found.has(e.name.toLowerCase())) found.set(e.name.toLowerCase(), full);
    }
  };
  for (const d of dirs) walk(d, 0);
  return found;
}

const requireHere = createRequire(import.meta.url);

function bundledPath(role: FontRole): string {
  const b = BUNDLED[role];
  const root = dirname(requireHere.resolve(`${b.pkg}/package.json`));
  const path = join(root, b.file);
  if (!existsSync(path)) throw new Error(`找不到内置字体文件：${path}（请重新安装依赖 ${b.pkg}）`);
  return path;
}

const bufferCache = new Map<string, Buffer>();

/** The bytes of a font file, read once per process. */
export function loadFontBuffer(path: string): Buffer {
  let buf = bufferCache.get(path);
  if (!buf) {
    buf = readFileSync(path);
    bufferCache.set(path, buf);
  }
  return buf;
}

/**
 * Reads the line box of a face from its hhea and head tables (the first face of a collection),
 * because pdfkit sizes a line as (ascender − descender) × size and the GB/T 9704 grid of 22
 * lines per page needs that exact figure to set the line spacing.
 */
export function lineHeightEm(buf: Buffer): number {
  let base = 0;
  if (buf.toString('latin1', 0, 4) === 'ttcf') base = buf.readUInt32BE(12);
  const numTables = buf.readUInt16BE(base + 4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const rec = base + 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const hhea = tables.get('hhea');
  const head = tables.get('head');
  if (hhea === undefined || head === undefined) throw new Error('字体文件缺少 hhea/head 表，无法使用');
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const ascender = buf.readInt16BE(hhea + 4);
  const descender = buf.readInt16BE(hhea + 6);
  return (ascender - descender) / unitsPerEm;
}

function face(role: FontRole, path: string, name: string, source: FontFace['source'], postscriptName?: string): FontFace {
  return { role, path, name, source, lineHeightEm: lineHeightEm(loadFontBuffer(path)), ...(postscriptName ? { postscriptName } : {}) };
}

export interface ResolveFontsOptions {
  /** Folders to search instead of the system's (tests); [] means bundled fonts only. */
  searchDirs?: readonly string[];
}

let cachedDefault: FontSet | undefined;

/** Picks a font for every role: the official one when installed, else the bundled OFL font. */
export function resolveFonts(opts: ResolveFontsOptions = {}): FontSet {
  if (opts.searchDirs === undefined && cachedDefault) return cachedDefault;
  const index = indexFontFiles(opts.searchDirs ?? systemFontDirs());
  const faces = {} as Record<FontRole, FontFace>;
  for (const role of FONT_ROLES) {
    const hit = OFFICIAL[role].find((c) => index.has(c.file.toLowerCase()));
    const path = hit ? index.get(hit.file.toLowerCase()) : undefined;
    let chosen: FontFace | undefined;
    if (hit && path) {
      try {
        chosen = face(role, path, `${hit.name}（${basename(path)}）`, 'system', hit.postscriptName);
      } catch {
        chosen = undefined; // unreadable or damaged system font: fall back to the bundled one
      }
    }
    faces[role] = chosen ?? face(role, bundledPath(role), BUNDLED[role].name, 'bundled');
  }
  const allowedDirs = [...new Set(Object.values(faces).map((f) => dirname(f.path)))];
  const set: FontSet = { faces, allowedDirs };
  if (opts.searchDirs === undefined) cachedDefault = set;
  return set;
}

/** What to store with a document record: role → font name and source, e.g. for the archive. */
export function fontRecord(set: FontSet): Record<FontRole, string> {
  const out = {} as Record<FontRole, string>;
  for (const role of FONT_ROLES) {
    const f = set.faces[role];
    out[role] = `${f.name}${f.source === 'bundled' ? '（内置开源字体）' : '（本机字体）'}`;
  }
  return out;
}

/** True when the path is a file inside one of the allowed folders (no traversal out of them). */
export function isInsideAllowedDirs(path: string, dirs: readonly string[]): boolean {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const target = norm(path);
  if (target.split('/').includes('..')) return false;
  return dirs.some((d) => target.startsWith(`${norm(d)}/`) && statSafe(path));
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
