// The national legal basis each document cites when the agency's profile says nothing else
// (DOMAIN.md §8 “Legal anchors”). One place for these citations; builders join them.
import type { AgencyProfile } from '../domain/agency';
import type { DocumentKind } from './kinds';

export const DEFAULT_LEGAL_BASIS: Partial<Record<DocumentKind, string[]>> = {
  'audit-notice': ['《中华人民共和国社会保险法》', '《社会保险费征缴暂行条例》第十八条', '《社会保险稽核办法》'],
  'interview-record': ['《中华人民共和国社会保险法》', '《社会保险稽核办法》'],
  'work-record': ['《社会保险费征缴暂行条例》第十八条', '《社会保险稽核办法》'],
  'findings-notice': ['《中华人民共和国社会保险法》', '《社会保险费征缴暂行条例》', '《社会保险稽核办法》'],
  'audit-opinion': ['《中华人民共和国社会保险法》', '《社会保险费征缴暂行条例》', '《社会保险稽核办法》'],
  'rectification-notice': ['《中华人民共和国社会保险法》第五十八条、第六十条、第六十三条、第八十六条', '《社会保险费申报缴纳管理规定》第十六条', '《社会保险稽核办法》'],
  'penalty-referral': ['《中华人民共和国社会保险法》第八十四条、第八十六条', '《劳动保障监察条例》第二十七条', '《社会保险稽核办法》'],
  'no-violation-notice': ['《社会保险费征缴暂行条例》', '《社会保险稽核办法》'],
};

export function legalBasisFor(profile: AgencyProfile, type: DocumentKind): string[] {
  const own = profile.legalBasis[type];
  if (own && own.length > 0) return own;
  const fallback = DEFAULT_LEGAL_BASIS[type];
  if (!fallback) throw new Error(`缺少“${type}”文书的法律依据，请在机关信息中配置`);
  return fallback;
}

/**
 * Joins citations as a Chinese sentence fragment: 和 before the last one, 、 between the others
 * except between two bare titles, which take no mark (GB/T 15834: 书名号之间不用顿号).
 * ['《A》', '《B》第十八条', '《C》第二条', '《D》'] → 《A》《B》第十八条、《C》第二条和《D》.
 */
export function joinCitations(citations: readonly string[]): string {
  const items = citations.map((c) => c.trim()).filter((c) => c !== '');
  if (items.length <= 1) return items[0] ?? '';
  let out = items[0] as string;
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as string;
    if (i === items.length - 1) out += '和';
    else if (!(out.endsWith('》') && item.startsWith('《'))) out += '、';
    out += item;
  }
  return out;
}
