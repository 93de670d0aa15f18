// Three test projects: unit (shared/ rules), integration (services on real SQLite files and real
// spreadsheets), e2e (Chromium via playwright-core against the harness). `electron` is aliased
// to a stub: with the binary skipped, even require('electron') fails, and no service may need it.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const electronStub = fileURLToPath(new URL('./test/stubs/electron.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { electron: electronStub } },
  test: {
    // The databases, backups and transfer packages are encrypted: tests derive their keys from this
    // passphrase (README "Encryption at rest"); a cheap scrypt cost for the many folders tests make.
    env: { JIHE_PASSPHRASE: '测试口令-test-passphrase', JIHE_KDF_LOG_N: '10' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
