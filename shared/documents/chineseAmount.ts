// Amounts in Chinese capitals (大写金额) as findings documents print them beside the figures,
// following the rules banks and finance use (支付结算办法 附一): 整 after 元, none after 角 or
// 分; one 零 for each run of zeros inside the number; 元零X分 when the 角 digit is zero;
// 壹拾 (never a bare 拾); 零元整 for nothing.
import { assertFen, type Fen } from '../rules/money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const UNITS = ['', '拾', '佰', '仟'] as const;
const SECTIONS = ['', '万', '亿'] as const;
/** 一万亿元: past this the 万/亿 section rule would need 万亿, which no audit ever reaches. */
const MAX_YUAN = 1_000_000_000_000;

/** 357574 → 叁仟伍佰柒拾伍元柒角肆分; 1000500 → 壹万零伍元整; 0 → 零元整. */
export function toChineseCapitals(fen: Fen): string {
  assertFen(fen);
  if (fen < 0) return `负${toChineseCapitals(-fen)}`;
  const yuan = Math.floor(fen / 100);
  if (yuan >= MAX_YUAN) throw new RangeError(`金额过大，无法写成大写：${fen} 分`);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;

  if (yuan === 0 && jiao === 0 && cents === 0) return '零元整';
  let out = yuan > 0 ? `${integerCapitals(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}

/** A positive integer below 一万亿 in capitals, without the 元. */
function integerCapitals(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let zeroPending = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    if (g === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    if (out !== '' && (zeroPending || g < 1000)) out += '零';
    out += groupCapitals(g) + SECTIONS[i];
    zeroPending = false;
  }
  return out;
}

/** 1..9999 in capitals: 1005 → 壹仟零伍, 1010 → 壹仟零壹拾, 10 → 壹拾. */
function groupCapitals(g: number): string {
  let out = '';
  let zeroPending = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(g / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    if (zeroPending) out += '零';
    out += `${DIGITS[d]}${UNITS[pos]}`;
    zeroPending = false;
  }
  return out;
}
