// Archive numbers (档号) never collide between workstations (issue 8 item 6): like case and
// document numbers they come from the range the office gave the laptop (numbering.ts). Two laptops
// walk a case each to the archive offline; the office takes both archived cases in without a
// UNIQUE(year, seq) failure, and its own next 档号 steps over the laptops' ranges.
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { ArchiveRecord, TransferImportResult } from '../../shared/api/dto/archive';
import type { WorkstationIdentity } from '../../shared/api/dto/signing';
import { login, ok } from './judgments-helpers';
import { rectifyingCase, type Env } from './archive-helpers';
import { fillAgencyProfile, tempDir } from './db-helpers';
import { register } from './signing-helpers';

function station(prefix: string): Env & { done(): void } {
  const tmp = tempDir(prefix);
  const env = { clock: new Date('2026-07-01T02:00:00Z') } as Env & { done(): void };
  env.backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'os-user', now: () => env.clock, idleClock: () => new Date() });
  fillAgencyProfile(env.backend.db);
  env.done = () => {
    env.backend.close();
    tmp.cleanup();
  };
  return env;
}

async function archived(env: Env): Promise<ArchiveRecord> {
  const c = await rectifyingCase(env);
  env.clock = new Date('2026-07-20T02:00:00Z');
  await login(env.backend, 'chenda');
  return ok<ArchiveRecord>(await env.backend.invoke('archive.archive', { caseId: c.id }));
}

const exportOf = async (b: Backend, caseId: number) => ok<{ data: Uint8Array }>(await b.invoke('transfer.exportCases', { caseIds: [caseId] })).data;

describe('archive numbers from the workstation range', () => {
  it('two laptops archiving offline merge at the office without a collision', async () => {
    const office = station('jihe-arch-office-');
    const a = station('jihe-arch-a-');
    const b = station('jihe-arch-b-');
    try {
      for (const [l, name, start] of [[a, '一号笔记本', 1001], [b, '二号笔记本', 2001]] as const) {
        ok<WorkstationIdentity>(await l.backend.invoke('signing.setIdentity', { name, numberRange: { start, end: start + 998 } }));
        register(office.backend, l.backend, { start, end: start + 998 });
        register(l.backend, office.backend);
      }
      const ra = await archived(a);
      const rb = await archived(b);
      expect([ra.archiveNumber, rb.archiveNumber]).toEqual(['2026-1001', '2026-2001']);
      // the office archives a case of its own meanwhile: 2026-0001, from its own sequence
      const ro = await archived(office);
      expect(ro.archiveNumber).toBe('2026-0001');

      // at the office the archivist takes both archived cases come in, no conflict, both 档号 kept
      for (const [l, r] of [[a, ra], [b, rb]] as const) {
        await login(l.backend, 'zhangming');
        const data = await exportOf(l.backend, r.caseId);
        const res = ok<TransferImportResult>(await office.backend.invoke('transfer.importPackage', { data }));
        expect(res).toMatchObject({ created: 1, conflicts: 0 });
      }
      const rows = office.backend.db.prepare('SELECT archive_number AS n FROM dossier_exports ORDER BY n').all() as { n: string }[];
      expect(rows.map((r) => r.n)).toEqual(['2026-0001', '2026-1001', '2026-2001']);
      // the laptops' numbers did not move the office's own counter
      expect((office.backend.db.prepare('SELECT last_seq FROM archive_sequences WHERE year = 2026').get() as { last_seq: number }).last_seq).toBe(1);
      // and a laptop's next 档号 goes on inside its range
      expect((a.backend.db.prepare('SELECT last_seq FROM archive_sequences WHERE year = 2026').get() as { last_seq: number }).last_seq).toBe(1001);
    } finally {
      office.done();
      a.done();
      b.done();
    }
  }, 240_000);
});
