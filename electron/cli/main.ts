// Entry point of `jihe` (bin/jihe.mjs runs the bundle of this, dist/cli/jihe.mjs): runs the
// command with the process's arguments and streams, and sets the exit code once output has been
// flushed. Long output (--rows) waits for stdout to drain, so it is streamed, not buffered.
import { runCli } from './run';

// Databases, backups, packages and exported files are the user's alone (0600).
process.umask(0o077);
let full = false;
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => {
    if (!process.stdout.write(text)) full = true;
  },
  stderr: (text) => void process.stderr.write(text),
  drain: () =>
    full
      ? new Promise<void>((resolve) =>
          process.stdout.once('drain', () => {
            full = false;
            resolve();
          }),
        )
      : Promise.resolve(),
});
process.exitCode = code;
