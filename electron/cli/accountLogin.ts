// Logging in on the command line (issue 8 item 2): once a data folder has user accounts, nothing
// there that holds personal data is read without one. The password comes from JIHE_PASSWORD (for
// scripts) or is typed at a terminal prompt, never echoed; it is never an argument (that would
// leave it in the shell history and the process list). The login goes through the backend's own
// auth.login, so throttling, deactivated accounts and one-time passwords behave as in the app.
import type { Backend } from '../services/backend';
import { countUsers } from '../services/db/repos/users';
import { PASSWORD_CHANGE_REQUIRED_CODE } from '../../shared/api/dto/accounts';

export const PASSWORD_ENV = 'JIHE_PASSWORD';

/** Reads a password at the terminal without echoing it; null when stdin is not a terminal. */
export async function promptPassword(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return null;
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(typed);
        if (ch === '\u0003' || ch === '\u0004') return done(null); // Ctrl-C, Ctrl-D
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export type LoginOutcome = { ok: true; actor: string | null } | { ok: false; message: string; usage: boolean };

/**
 * Logs `user` in when the folder has accounts (actor: the username), else nothing to do (actor
 * null: the bootstrap workstation, as `jihe demo` leaves it). Messages are Chinese.
 */
export async function loginForCli(backend: Backend, user: string | undefined, what: string): Promise<LoginOutcome> {
  if (countUsers(backend.db) === 0) return { ok: true, actor: null };
  if (!user) {
    return { ok: false, usage: true, message: `数据目录中已建立用户账户，${what}须登录：请用 --user 给出用户名，密码放在环境变量 ${PASSWORD_ENV} 中或在终端提示时输入` };
  }
  const password = process.env[PASSWORD_ENV] || (await promptPassword(`用户 ${user} 的密码：`));
  if (!password) return { ok: false, usage: true, message: `请给出用户 ${user} 的密码：设置环境变量 ${PASSWORD_ENV}，或在终端中运行以便输入密码` };
  const r = await backend.invoke('auth.login', { username: user, password });
  if (!r.ok) {
    const hint = r.error.code === PASSWORD_CHANGE_REQUIRED_CODE ? '；请先在工作站上登录一次并设置自己的密码' : '';
    return { ok: false, usage: false, message: `登录失败：${r.error.message}${hint}` };
  }
  return { ok: true, actor: user };
}
