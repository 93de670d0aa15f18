// Reading the entries of a ZIP that came from outside the machine (a transfer package, a dossier)
// without trusting their names (ARCHITECTURE.md §8): every name is looked at before anything is
// inflated, and `__proto__` (and the other names a plain object would treat specially), a name
// given twice, a `..` segment, an absolute path or a drive letter is refused with the names in
// Chinese. What comes back is a Map, never an object keyed by entry name.
import { unzipSync } from 'fflate';

export class ZipEntriesRefused extends Error {
  constructor(
    message: string,
    readonly names: string[],
  ) {
    super(message);
    this.name = 'ZipEntriesRefused';
  }
}

const SPECIAL = new Set(['__proto__', 'constructor', 'prototype']);

/** Why an entry name is unsafe (Chinese), or null. */
export function unsafeEntryName(name: string): string | null {
  if (name === '') return '条目名称为空';
  const segments = name.split(/[\\/]/);
  if (segments.some((s) => SPECIAL.has(s))) return `条目名称“${name}”含有保留名称（${segments.filter((s) => SPECIAL.has(s)).join('、')}）`;
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return `条目名称“${name}”是绝对路径`;
  if (segments.some((s) => s === '..')) return `条目名称“${name}”含有上级目录“..”`;
  if (name.includes('\u0000')) return `条目名称“${name}”含有空字符`;
  return null;
}

/** Every entry name in the ZIP's central directory, in order (nothing is inflated). */
export function listEntryNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(zip, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

/**
 * The ZIP's file entries (folders left out) by name. Throws ZipEntriesRefused naming every unsafe or
 * repeated name; throws fflate's own error for a file that is not a ZIP.
 */
export function readZipEntries(zip: Uint8Array, what: string): Map<string, Uint8Array> {
  const names = listEntryNames(zip);
  const problems: string[] = [];
  const bad: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const why = unsafeEntryName(name);
    if (why) {
      problems.push(why);
      bad.push(name);
    } else if (seen.has(name)) {
      problems.push(`条目“${name}”出现了不止一次`);
      bad.push(name);
    }
    seen.add(name);
  }
  if (problems.length > 0) throw new ZipEntriesRefused(`${what}含有不安全的条目，拒绝读取：${[...new Set(problems)].join('；')}`, bad);
  const out = new Map<string, Uint8Array>();
  // names are checked: none is special to an object, none repeats
  const files = unzipSync(zip, { filter: (f) => !f.name.endsWith('/') });
  for (const name of names) {
    const bytes = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
    if (bytes) out.set(name, bytes);
  }
  return out;
}
