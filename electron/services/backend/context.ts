// What every handler gets: the database, the job runner, who is acting and the clock. One place,
// so a handler's dependencies are visible and a test can set the clock.
import type { Db } from '../db/open';
import type { JobRunner } from '../jobs/runner';
import type { WriteMeta } from '../db/repos/meta';
import type { User } from '../../../shared/api/dto';
import type { BackupService } from '../backup/backupService';
import type { Session } from '../auth/session';

export interface BackendContext {
  db: Db;
  jobs: JobRunner;
  actor: string;
  dataDir: string;
  resourcesDir: string;
  runtime: 'electron' | 'harness';
  version: string;
  now(): Date;
  /** created_by/at for a write happening now. */
  meta(): WriteMeta;
  /** The logged-in user, or null (see electron/services/auth/access.ts for the bootstrap rule). */
  currentUser(): User | null;
  setCurrentUser(user: User | null): void;
  /** The session behind currentUser: its inactivity lock (electron/services/auth/session.ts). */
  session: Session;
  /** Runs `fn` after every earlier call to `serial` has settled (document numbering). */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** The database backups (electron/services/backup); a restore replaces `db` above. */
  backups?: BackupService;
}
