// DTOs of account lifecycle and session security (ARCHITECTURE.md §8): passwords, the inactivity
// lock setting. The User and Session schemas themselves live in shared/api/dto.ts.
import { z } from 'zod';

export const PasswordSchema = z.string().min(8, '密码至少8个字符').max(200, '密码过长');

/** Minutes without a call after which the session locks (1 … 240; default 10). */
export const INACTIVITY_DEFAULT_MINUTES = 10;
export const SecuritySettingsSchema = z.object({
  inactivityMinutes: z.number().int('应为整数分钟').min(1, '至少1分钟').max(240, '最多240分钟'),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

/** Error codes of the session that the renderer reacts to (lock screen, new-password form). */
export const SESSION_LOCKED_CODE = 'session-locked';
export const SESSION_LOCKED_MESSAGE = '会话已锁定，请重新登录';
export const PASSWORD_CHANGE_REQUIRED_CODE = 'password-change-required';
