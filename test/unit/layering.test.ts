// Proves that the layering of ARCHITECTURE.md §1 is enforced by tools, not by review: the lint
// rule reports each forbidden import (and lets the allowed ones through), and the shared/
// tsconfig has no Node or DOM types, so Node code placed in shared/ does not compile.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

// The probe files do not exist, so the type-aware rules (which need them in a tsconfig) are
// switched off here; the layering rule needs no type information.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function layeringMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`ESLint could not parse the probe: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === 'layering/imports').map((m) => m.message);
}

async function expectForbidden(filePath: string, code: string, source: string): Promise<void> {
  const messages = await layeringMessages(filePath, code);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain(`may not import '${source}'`);
}

describe('layering lint rule', () => {
  it.each([
    ["import fs from 'node:fs';", 'node:fs'],
    ["import { readFileSync } from 'fs';", 'fs'],
    ["import { app } from 'electron';", 'electron'],
    ["import { useState } from 'react';", 'react'],
    ["import Database from 'better-sqlite3-multiple-ciphers';", 'better-sqlite3-multiple-ciphers'],
    ["import ExcelJS from 'exceljs';", 'exceljs'],
    ["import pdfMake from 'pdfmake';", 'pdfmake'],
    ["import { openDatabase } from '../../electron/services/db/open';", '../../electron/services/db/open'],
    ["export { App } from '../../renderer/src/App';", '../../renderer/src/App'],
    ["const path = await import('node:path');", 'node:path'],
  ])('reports %s in shared/', async (code, source) => {
    await expectForbidden('shared/rules/layeringProbe.ts', code, source);
  });

  it('lets shared/ import zod and other shared/ files', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { parseAmount } from './money';",
      "import type { PayrollLine } from '../domain/lines';",
      'export const probe = [z, parseAmount] as const;',
      'export type Probe = PayrollLine;',
    ].join('\n');
    expect(await layeringMessages('shared/rules/layeringProbe.ts', code)).toEqual([]);
  });

  it.each([
    ['electron/services/layeringProbe.ts', "import { app } from 'electron';"],
    ['electron/services/db/layeringProbe.ts', "import { app } from 'electron';"],
    ['electron/cli/layeringProbe.ts', "const electron = await import('electron');"],
    ['electron/harness/layeringProbe.ts', "const { app } = require('electron');"],
  ])('reports electron in %s', async (file, code) => {
    await expectForbidden(file, code, 'electron');
  });

  it('lets the services use Node, better-sqlite3 and shared/', async () => {
    const code = [
      "import fs from 'node:fs';",
      "import Database from 'better-sqlite3-multiple-ciphers';",
      "import { contract } from '../../shared/api/contract';",
      'export const probe = [fs, Database, contract];',
    ].join('\n');
    expect(await layeringMessages('electron/services/layeringProbe.ts', code)).toEqual([]);
  });

  it.each([
    ['renderer/layeringProbe.ts', "import x from '../electron/services/backend';", '../electron/services/backend'],
    ['renderer/src/layeringProbe.tsx', "import x from '../../electron/services/backend';", '../../electron/services/backend'],
    ['renderer/src/layeringProbe.tsx', "import { ipcRenderer } from 'electron';", 'electron'],
    ['renderer/src/layeringProbe.tsx', "import path from 'node:path';", 'node:path'],
    ['renderer/src/layeringProbe.tsx', "import { EventEmitter } from 'events';", 'events'],
    ['renderer/src/layeringProbe.tsx', "import { stub } from '../../test/stubs/electron';", '../../test/stubs/electron'],
  ])('reports in %s: %s', async (file, code, source) => {
    await expectForbidden(file, code, source);
  });

  it('lets the renderer use React, antd, shared/ and itself', async () => {
    const code = [
      "import { useState } from 'react';",
      "import { Button } from 'antd';",
      "import { contract } from '../../shared/api/contract';",
      "import { App } from './App';",
      "import './styles.css';",
      'export const probe = [useState, Button, contract, App];',
    ].join('\n');
    expect(await layeringMessages('renderer/src/layeringProbe.tsx', code)).toEqual([]);
  });

  it('keeps Node builtins out of the sandboxed preload but allows electron there and in main', async () => {
    await expectForbidden('electron/preload/layeringProbe.ts', "import fs from 'node:fs';", 'node:fs');
    expect(await layeringMessages('electron/preload/layeringProbe.ts', "import { contextBridge } from 'electron';\nexport const p = contextBridge;")).toEqual([]);
    expect(await layeringMessages('electron/main/layeringProbe.ts', "import { app } from 'electron';\nexport const p = app;")).toEqual([]);
  });
});

// Type-checks a probe file that exists only in memory, so parallel tsc runs never see it.
function probeDiagnostics(configFile: string, probeName: string, code: string, withLayerFiles: boolean): ts.Diagnostic[] {
  const read = ts.readConfigFile(path.join(root, configFile), (f) => ts.sys.readFile(f));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const probePath = path.join(root, probeName);
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => path.resolve(f) === probePath || fileExists.call(host, f);
  host.readFile = (f) => (path.resolve(f) === probePath ? code : readFile.call(host, f));
  host.getSourceFile = (f, languageVersion, ...rest) =>
    path.resolve(f) === probePath
      ? ts.createSourceFile(f, code, languageVersion, true)
      : getSourceFile.call(host, f, languageVersion, ...rest);
  const rootNames = withLayerFiles ? [...parsed.fileNames, probePath] : [probePath];
  const program = ts.createProgram({ rootNames, options: parsed.options, host });
  const probe = program.getSourceFile(probePath);
  if (!probe) throw new Error('probe not in program');
  return [...program.getSyntacticDiagnostics(probe), ...program.getSemanticDiagnostics(probe)];
}

function linesWithErrors(diagnostics: ts.Diagnostic[]): number[] {
  return [...new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1))].sort((a, b) => a - b);
}

describe('shared/ type-checks without Node or DOM types', () => {
  const probe = [
    "import { readFileSync } from 'node:fs';", // 1
    'export const a = readFileSync;', // 2
    'export const b = process.env.HOME;', // 3
    'export const c: Buffer | null = null;', // 4
    'export const d = document.title;', // 5
    'export const e = [1, 2].includes(2);', // 6: plain ES2022 stays fine
  ].join('\n');

  it('rejects node:fs, process, Buffer and document in a file under shared/ (with all of shared/ loaded)', () => {
    const diagnostics = probeDiagnostics('tsconfig.shared.json', 'shared/layeringProbe.ts', probe, true);
    expect(linesWithErrors(diagnostics)).toEqual([1, 3, 4, 5]);
  }, 60_000);

  it('accepts the same Node code under the electron/ config (so the check above is about the config)', () => {
    const diagnostics = probeDiagnostics('tsconfig.electron.json', 'electron/services/layeringProbe.ts', probe, false);
    expect(linesWithErrors(diagnostics)).toEqual([5]);
  }, 60_000);
});
