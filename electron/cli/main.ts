// Entry point of `jihe` (bin/jihe.mjs imports this under tsx): runs the command with the
// process's arguments and streams, and sets the exit code once output has been flushed.
import { runCli } from './run';

// Databases, backups, packages and exported files are the user's alone (0600).
process.umask(0o077);
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
process.exitCode = code;
