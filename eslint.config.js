// Lint = the layering rule of ARCHITECTURE.md §1 plus correctness rules (no style rules: the
// type checker and reviews cover the rest). The layering rule is a small local one rather than
// no-restricted-imports because it resolves relative paths: '../../electron/services/backend'
// is caught from any depth, and a layer can be confined to the folders it may reach.
import path from 'node:path';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * Options of layering/imports:
 *  layer        name used in messages
 *  builtins     true: Node builtins (node:fs, fs, path, …) are forbidden
 *  packages     forbidden packages ('react' also forbids 'react/jsx-runtime'; 'a/*' a scope)
 *  dirs         project folders that relative imports may not reach
 *  allowedDirs  if set, relative imports must stay inside one of these folders
 */
const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the imports ARCHITECTURE.md §1 allows it' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          builtins: { type: 'boolean' },
          packages: { type: 'array', items: { type: 'string' } },
          dirs: { type: 'array', items: { type: 'string' } },
          allowedDirs: { type: 'array', items: { type: 'string' } },
        },
        required: ['layer'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: "{{layer}} may not import '{{source}}': {{reason}} (ARCHITECTURE.md §1).",
    },
  },
  create(context) {
    const { layer, builtins = false, packages = [], dirs = [], allowedDirs } = context.options[0];
    const fileDir = path.dirname(context.filename);
    const within = (rel, dir) => rel === dir || rel.startsWith(`${dir}/`);

    function reasonFor(source) {
      if (source.startsWith('.') || source.startsWith('/')) {
        const rel = path.relative(ROOT, path.resolve(fileDir, source)).split(path.sep).join('/');
        const hit = dirs.find((dir) => within(rel, dir));
        if (hit) return `it reaches into ${hit}/`;
        if (allowedDirs && !allowedDirs.some((dir) => within(rel, dir))) {
          return `only ${allowedDirs.map((d) => `${d}/`).join(' and ')} may be imported`;
        }
        return null;
      }
      if (builtins && isBuiltin(source)) return 'Node builtins are not available in this layer';
      const pkg = packages.find((p) =>
        p.endsWith('/*') ? source.startsWith(p.slice(0, -1)) : source === p || source.startsWith(`${p}/`),
      );
      return pkg ? `the package ${pkg} belongs to another layer` : null;
    }

    function check(node, sourceNode) {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      const reason = reasonFor(sourceNode.value);
      if (reason) context.report({ node, messageId: 'forbidden', data: { layer, source: sourceNode.value, reason } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) => check(node, node.moduleReference?.expression),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

const layering = { rules: { imports: layeringRule } };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.native/**', '.data/**', 'test-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layering },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // Correctness only; unused names starting with _ are deliberate.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Chinese text uses the ideographic space (U+3000) inside strings, templates and patterns.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      // Input cleaning matches control characters on purpose; needless escapes are only style.
      'no-control-regex': 'off',
      'no-useless-escape': 'off',
      eqeqeq: ['error', 'smart'],
      'no-throw-literal': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
    },
  },
  {
    // A promise nobody awaits loses its error: in the main process that is an unhandled
    // rejection, in the UI a failure the user never sees. These two rules need type
    // information, which costs ~10 s, so they cover only the code that juggles promises.
    files: ['electron/**/*.ts', 'renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.electron.json', './tsconfig.renderer.json'], tsconfigRootDir: ROOT },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'layering/imports': [
        'error',
        {
          layer: 'shared/ (pure TypeScript)',
          builtins: true,
          packages: [
            'electron',
            'react',
            'react-dom',
            'antd',
            '@ant-design/*',
            'better-sqlite3-multiple-ciphers',
            'exceljs',
            'pdfmake',
            '@e965/xlsx',
            'csv-parse',
          ],
          dirs: ['electron', 'renderer'],
          allowedDirs: ['shared'],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'layering/imports': [
        'error',
        {
          layer: 'renderer/',
          builtins: true,
          packages: ['electron', 'better-sqlite3-multiple-ciphers'],
          dirs: ['electron'],
          allowedDirs: ['renderer', 'shared'],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'layering/imports': [
        'error',
        {
          layer: 'electron/preload/ (sandboxed)',
          builtins: true,
          packages: ['better-sqlite3-multiple-ciphers'],
          allowedDirs: ['electron/preload', 'shared'],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'layering/imports': [
        'error',
        { layer: 'electron/main/', dirs: ['renderer', 'electron/cli', 'electron/harness', 'electron/preload'] },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/harness/**/*.ts'],
    rules: {
      'layering/imports': [
        'error',
        {
          layer: 'electron/services, cli and harness (plain Node)',
          packages: ['electron'],
          dirs: ['electron/main', 'electron/preload', 'renderer'],
        },
      ],
    },
  },
);
