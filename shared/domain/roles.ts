// Who may do what on a workstation (DOMAIN.md §1): auditors prepare findings, the section head
// reviews and approves them, archivists receive finished cases, an administrator keeps the user
// accounts. One table, so the backend's checks and the screens' buttons agree.

export const USER_ROLES = ['auditor', 'section-head', 'archivist', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_NAMES: Record<UserRole, string> = {
  auditor: '稽核员',
  'section-head': '科室负责人',
  archivist: '档案管理员',
  admin: '系统管理员',
};

/** What a change needs, independent of the API method that makes it. */
export const PERMISSIONS = ['read-cases', 'case-work', 'approve', 'rate-plans', 'configure', 'manage-users', 'archive', 'transfer-import'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_NAMES: Record<Permission, string> = {
  'read-cases': '查看稽核案件和参保人员信息',
  'case-work': '办理稽核案件（登记、导入、认定、出具文书）',
  approve: '审核稽核结论',
  'rate-plans': '导入缴费方案',
  configure: '修改机关信息',
  'manage-users': '管理用户和安全设置',
  archive: '归档稽核案件',
  'transfer-import': '导入案件交换包',
};

// The administrator keeps accounts and settings and holds no case role (ARCHITECTURE.md §8): he
// reads no case and no personal data, imports, judges, approves and archives nothing.
const ROLES_WITH: Record<Permission, readonly UserRole[]> = {
  'read-cases': ['auditor', 'section-head', 'archivist'],
  'case-work': ['auditor', 'section-head'],
  approve: ['section-head'],
  'rate-plans': ['auditor', 'section-head', 'admin'],
  configure: ['section-head', 'admin'],
  'manage-users': ['admin'],
  archive: ['archivist', 'section-head'],
  // a package brings in other people's approvals and issued documents: the office's gatekeepers take it in
  'transfer-import': ['section-head', 'archivist'],
};

export function roleCan(role: UserRole, permission: Permission): boolean {
  return ROLES_WITH[permission].includes(role);
}

/** The roles holding a permission, in Chinese, for "只有科室负责人可以…" messages. */
export function rolesWithText(permission: Permission): string {
  return ROLES_WITH[permission].map((r) => USER_ROLE_NAMES[r]).join('、');
}
