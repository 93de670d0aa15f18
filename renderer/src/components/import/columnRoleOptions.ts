// The roles the mapping screen offers per kind of file, with their Chinese names; a declaration
// column may also be an amount of one insurance (wide layouts: 养老保险·缴费基数).
import { COLUMN_ROLE_NAMES, type ColumnRole, type ImportKind } from '../../../../shared/domain/importReport';
import { INSURANCE_CODES, INSURANCE_NAMES, type InsuranceCode } from '../../../../shared/domain/insurance';

const KIND_ROLES: Partial<Record<ImportKind, readonly ColumnRole[]>> = {
  payroll: ['personId', 'name', 'month', 'gross', 'net', 'department'],
  declaration: ['personId', 'name', 'month', 'base', 'insurance', 'employerAmount', 'employeeAmount', 'paid'],
};
const QUALIFIABLE: readonly ColumnRole[] = ['base', 'employerAmount', 'employeeAmount'];

/** A column's role as one Select value: "gross", or "base|pension" for an insurance's amount. */
export function roleValue(role: ColumnRole, insurance: InsuranceCode | null): string {
  return insurance ? `${role}|${insurance}` : role;
}

export function parseRoleValue(value: string): { role: ColumnRole; insurance: InsuranceCode | null } {
  const [role, insurance] = value.split('|') as [ColumnRole, InsuranceCode | undefined];
  return { role, insurance: insurance ?? null };
}

export function roleLabel(role: ColumnRole, insurance: InsuranceCode | null): string {
  return insurance ? `${INSURANCE_NAMES[insurance]}·${COLUMN_ROLE_NAMES[role]}` : COLUMN_ROLE_NAMES[role];
}

export function roleOptions(kind: ImportKind): { value: string; label: string }[] {
  const roles = KIND_ROLES[kind] ?? [];
  const options: { value: string; label: string }[] = roles.map((r) => ({ value: r, label: COLUMN_ROLE_NAMES[r] }));
  if (kind === 'declaration') {
    for (const ins of INSURANCE_CODES) for (const r of QUALIFIABLE) options.push({ value: roleValue(r, ins), label: roleLabel(r, ins) });
  }
  options.push({ value: 'ignore', label: COLUMN_ROLE_NAMES.ignore });
  return options;
}
