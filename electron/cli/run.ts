// The `jihe` command's dispatcher: picks the subcommand and returns the exit code. No process
// globals here (main.ts owns them), so tests can call it in-process. Each command is loaded only
// when it runs, so `jihe --help` does not load the spreadsheet readers, SQLite or pdfmake.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAIN_HELP } from './help';
import { EXIT, type CliIo } from './io';

function version(): string {
  try {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.stdout(MAIN_HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    case '--version':
    case '-v':
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    case 'compute':
      return (await import('./computeCommand')).computeCommand(rest, io);
    case 'demo':
      return (await import('./demoCommand')).demoCommand(rest, io);
    case 'screen':
      return (await import('./screenCommand')).screenCommand(rest, io);
    case 'dossier':
      return (await import('./dossierCommand')).dossierCommand(rest, io);
    case 'draw':
      return (await import('./drawCommand')).drawCommand(rest, io);
    case 'stats':
      return (await import('./statsCommand')).statsCommand(rest, io);
    default:
      io.stderr(`错误：未知的命令“${command}”\n${MAIN_HELP}`);
      return EXIT.usage;
  }
}
