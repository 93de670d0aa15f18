// Person IDs (DOMAIN.md §4.4): GB 11643-1999 check, 15→18 conversion, permits, foreigners' IDs,
// and IDs that a spreadsheet stored as numbers.
import { describe, expect, it } from 'vitest';
import { convertId15, idCheckChar, isNearIdentical, isValidId18, maskId, normalizePersonId } from '../../shared/rules/personId';

describe('GB 11643-1999 resident ID', () => {
  it('accepts valid IDs including the X check character', () => {
    for (const id of ['11010519491231002X', '110105198001010016', '110105198503150027', '110105199007200034', '110105197511110047']) {
      expect(isValidId18(id)).toBe(true);
    }
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('rejects a wrong check digit and an impossible birth date', () => {
    expect(isValidId18('110105198001010017')).toBe(false);
    expect(isValidId18('110105194912310021')).toBe(false);
    // 1981-02-29 does not exist; the check digit is right for the digits as written.
    const first17 = '11010519810229001';
    expect(isValidId18(first17 + idCheckChar(first17))).toBe(false);
    // 2000-02-29 exists.
    const leap = '11010520000229001';
    expect(isValidId18(leap + idCheckChar(leap))).toBe(true);
  });

  it('keeps an ID with a wrong check digit, flagged, with a Chinese note', () => {
    const r = normalizePersonId('110105198001010017');
    expect(r).toMatchObject({ ok: true, id: '110105198001010017', valid: false, notes: ['证件号码校验位不正确'] });
    const first17 = '11010519810229001';
    expect(normalizePersonId(first17 + idCheckChar(first17))).toMatchObject({ ok: true, valid: false, notes: ['证件号码中的出生日期不存在'] });
  });

  it('converts the old 15-digit form to 18 digits', () => {
    expect(convertId15('130503670401001')).toBe('130503196704010016');
    expect(normalizePersonId('130503670401001')).toMatchObject({ ok: true, id: '130503196704010016', kind: 'resident', valid: true, converted15: true });
    expect(normalizePersonId('130503671301001')).toMatchObject({ ok: true, valid: false, kind: 'other' });
  });

  it('cleans spaces, full-width characters and a lower-case x', () => {
    expect(normalizePersonId(' 110105 19491231 002x ')).toMatchObject({ ok: true, id: '11010519491231002X', valid: true });
    expect(normalizePersonId('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, id: '11010519491231002X', valid: true });
    expect(normalizePersonId("'110105198001010016")).toMatchObject({ ok: true, id: '110105198001010016' });
  });
});

describe('permits and foreigners', () => {
  it('Hong Kong, Macao and Taiwan residence permits use the same check', () => {
    expect(normalizePersonId('810000199408230021')).toMatchObject({ ok: true, kind: 'hmt-permit', valid: true });
    expect(normalizePersonId('820000200009120017')).toMatchObject({ ok: true, kind: 'hmt-permit', valid: true });
    expect(normalizePersonId('830000198812250031')).toMatchObject({ ok: true, kind: 'hmt-permit', valid: true });
    expect(normalizePersonId('820000200009120012')).toMatchObject({ ok: true, kind: 'hmt-permit', valid: false });
  });

  it('the 2023 foreigners’ permanent residence ID (first digit 9) uses the same check', () => {
    expect(normalizePersonId('933026198507150018')).toMatchObject({ ok: true, kind: 'foreigner-permanent', valid: true });
    expect(normalizePersonId('933026198507150016')).toMatchObject({ ok: true, kind: 'foreigner-permanent', valid: false });
  });

  it('the old 15-character foreigners’ ID and passports are accepted unvalidated, with a note', () => {
    const old = normalizePersonId('usa310085050115');
    expect(old).toMatchObject({ ok: true, id: 'USA310085050115', kind: 'foreigner-old', valid: true });
    expect(old.ok && old.notes[0]).toContain('无校验位');
    expect(normalizePersonId('E12345678')).toMatchObject({ ok: true, kind: 'other', notes: ['护照或其他证件号码，无校验位，未校验'] });
  });
});

describe('IDs from numeric cells', () => {
  it('an 18-digit ID stored as a number has lost digits: an error, never a guess', () => {
    const cell = 110105198001010016; // what the spreadsheet holds: 110105198001010020
    const r = normalizePersonId(cell);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('末几位已丢失');
  });

  it('scientific notation text is refused the same way', () => {
    const r = normalizePersonId('1.10105E+17');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('科学计数法');
  });

  it('a 15-digit ID fits in a double and is still converted', () => {
    expect(normalizePersonId(130503670401001)).toMatchObject({ ok: true, id: '130503196704010016', converted15: true });
  });

  it('wrong lengths and empty cells are errors with the reason', () => {
    expect(normalizePersonId('11010519800101001')).toMatchObject({ ok: false, reason: expect.stringContaining('17位') });
    expect(normalizePersonId('')).toEqual({ ok: false, reason: '证件号码为空' });
    expect(normalizePersonId(null)).toEqual({ ok: false, reason: '证件号码为空' });
  });
});

describe('matching helpers', () => {
  it('near-identical: one character or two neighbours swapped', () => {
    expect(isNearIdentical('110105198001010016', '110105198001010017')).toBe(true);
    expect(isNearIdentical('110105198001010016', '110105198010010016')).toBe(true);
    expect(isNearIdentical('110105198001010016', '110105198001010016')).toBe(false);
    expect(isNearIdentical('110105198001010016', '110105198101010017')).toBe(false);
  });

  it('masks the middle of an ID', () => {
    expect(maskId('110105198001010016')).toBe('1101**********0016');
  });
});
