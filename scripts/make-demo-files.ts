// Writes the bundled sample files of `jihe demo` (resources/demo/) with the realistic employer
// generators of test/fixtures: an invented employer, 40 persons × 12 months of 2024, with
// persons on the payroll but not enrolled, under-declared bases and one person declared but not
// on the payroll; a student intern the auditor exempts; and a small clean employer for the
// no-violation notice. Deterministic: run `npx tsx scripts/make-demo-files.ts` and commit the output.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CEILING_FEN, FLOOR_FEN, generateEmployer } from '../test/fixtures/employer';
import { writeDeclarations, writePayroll } from '../test/fixtures/employerFiles';
import { monthRange } from '../shared/rules/month';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'resources', 'demo');
const months = monthRange('2024-01', '2024-12');

// the main case: 2024 payroll as one workbook with a sheet per month, declarations exported
// from the insurance system as GB18030 CSV with one row per person, month and insurance
const data = generateEmployer(20240, { persons: 40, months, undeclaredShare: 0.12 });
data.employerName = '示例市青禾智能装备制造有限公司';
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, '工资表2024.xlsx'),
  writePayroll(data, { title: true, headers: 'synonyms', totals: true, subtotals: true, sheetPerMonth: 'full-name', months: 'none' }, 'xlsx'),
);
writeFileSync(
  path.join(out, '缴费申报明细2024.csv'),
  writeDeclarations(data, { title: true, headers: 'synonyms', insuranceNames: 'varied', months: 'mixed' }, 'csv-gb18030'),
);
copyFileSync(path.join(root, 'resources', 'plans', 'example-2024.json'), path.join(out, '缴费方案.json'));

// the auditor exempts one of the persons never declared: a student on an internship agreement
const declared = new Set(data.declarationRows.map((r) => r.personId));
const undeclared = data.persons.filter((p) => !declared.has(p.personId));
if (undeclared.length < 3) throw new Error(`expected several undeclared persons, got ${undeclared.length}`);
const intern = undeclared[undeclared.length - 1]!;
writeFileSync(
  path.join(out, '豁免认定.csv'),
  `身份证号,月份,原因,备注\r\n${intern.personId},,实习学生,在校生实习协议（示例）\r\n`,
  'utf8',
);

// a second, clean employer: every person declared on the base the payroll gives
const clean = generateEmployer(20241, { persons: 8, months, undeclaredShare: 0 });
clean.employerName = '示例市远航文化传播有限公司';
const grossOf = new Map<string, number>();
for (const r of clean.payrollRows) grossOf.set(`${r.personId}|${r.month}`, (grossOf.get(`${r.personId}|${r.month}`) ?? 0) + r.grossFen);
const names = new Map(clean.persons.map((p) => [p.personId, p.name]));
clean.declarationRows = [...grossOf.entries()].map(([key, gross]) => {
  const [personId, month] = key.split('|') as [string, string];
  const base = Math.min(CEILING_FEN, Math.max(FLOOR_FEN, gross));
  return { personId, name: names.get(personId)!, month, insurance: null, baseFen: base, employerFen: 0, employeeFen: 0 };
});
const cleanDir = path.join(out, '无违规示例');
mkdirSync(cleanDir, { recursive: true });
writeFileSync(path.join(cleanDir, '工资表2024.csv'), writePayroll(clean, { title: true, months: 'iso' }, 'csv-utf8-bom'));
writeFileSync(path.join(cleanDir, '缴费申报明细2024.csv'), writeDeclarations(clean, { months: 'iso' }, 'csv-utf8-bom'));

process.stdout.write(`wrote ${out}: ${data.persons.length} persons, ${undeclared.length} never declared (intern ${intern.name}), clean employer ${clean.persons.length} persons\n`);
