// Contract methods of account lifecycle and session security (issue 8): the administrator
// deactivates, re-activates, re-roles and resets accounts (never deletes); a user changes his own
// password; a locked session is unlocked with the password; the inactivity lock is a setting.
// Spread into the contract by shared/api/contract.ts.
import { z } from 'zod';
import { SessionSchema, UserRoleSchema, UserSchema } from '../dto';
import { PasswordSchema, SecuritySettingsSchema } from '../dto/accounts';
import { IdSchema, method } from '../methodKit';

const reason = z.string().trim().max(200).optional();

export const accountMethods = {
  /** Deactivates (the user's session ends at once) or re-activates an account. */
  'users.setActive': method(z.object({ userId: IdSchema, active: z.boolean(), reason }), UserSchema),
  'users.setRole': method(z.object({ userId: IdSchema, role: UserRoleSchema, reason }), UserSchema),
  /** Sets a one-time password the user must replace at his next login. */
  'users.resetPassword': method(z.object({ userId: IdSchema, password: PasswordSchema }), UserSchema),
  /** The logged-in user replaces his own password. */
  'auth.changePassword': method(z.object({ oldPassword: z.string().min(1, '请填写原密码').max(200), newPassword: PasswordSchema }), SessionSchema),
  /** Unlocks the session that locked after inactivity: the same user's password. */
  'auth.unlock': method(z.object({ password: z.string().min(1, '请填写密码').max(200) }), SessionSchema),
  'security.get': method(z.object({}), SecuritySettingsSchema),
  'security.update': method(SecuritySettingsSchema, SecuritySettingsSchema),
} as const;
