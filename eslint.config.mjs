import { makeConfig } from '@remotion/eslint-config-flat';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const BROWSER = 'remotion/ and src/spec/ run in the browser bundle: no Node built-ins; do file work in src/ and pass data in props.';
// fs, fs/promises, … by their bare names (node:* is a pattern below)
const BARE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const BROWSER_ONLY = [
  { group: ['node:*'], message: BROWSER },
  { group: ['undici', 'undici/*'], message: 'remotion/ and src/spec/ make no HTTP requests: the Node side fetches and passes results in props.' },
  { group: ['**/heygen', '**/heygen/**', '!**/spec/**'], message: 'The HeyGen client (src/heygen) is Node-side: it holds the API key and must stay out of the browser bundle.' },
  { group: ['**/src/**', '!**/src/spec', '!**/src/spec/**'], message: 'remotion/ may import only the shared model (src/spec/) from src/.' },
];
const NO_EMULATOR = { group: ['**/emulator', '**/emulator/**'], message: 'src/ never starts the emulator: take a HeyGenConnection from the entry point (scripts/lib/connect-heygen.ts).' };
const NO_TEST = { group: ['**/test/**', '**/test'], message: 'src/ and bench/ never import from test/; move what both need into src/.' };
const NO_DYNAMIC_NODE = [
  { selector: "ImportExpression[source.value=/^(node:|undici)/]", message: BROWSER },
  { selector: "CallExpression[callee.name='require']", message: BROWSER },
];

export default [
  { ignores: ['node_modules/**', 'out/**', 'public/**', '.heygen/**', 'test/.tmp/**', 'bench/.tmp/**'] },
  // Remotion's rules (hooks, <Img>/<OffthreadVideo> over raw tags, staticFile) for the browser bundle
  ...makeConfig({ remotionDir: 'remotion/**' }),
  // Plain TypeScript rules for the Node side
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['src/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'] })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Boundaries (one block per folder: ESLint keeps only the last no-restricted-imports that matches a file).
  // remotion/ and the shared model src/spec/ run in the browser: no Node built-ins, no HTTP client, no HeyGen client.
  {
    files: ['remotion/**/*.{ts,tsx}', 'src/spec/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: BARE_BUILTINS.map((name) => ({ name, message: BROWSER })), patterns: [...BROWSER_ONLY, NO_EMULATOR, NO_TEST] }],
      'no-restricted-syntax': ['error', ...NO_DYNAMIC_NODE],
    },
  },
  // The emulator is started by entry points (scripts/, tests, bench), never by the library code that uses HeyGen.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/emulator/**', 'src/spec/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_EMULATOR, NO_TEST] }],
    },
  },
  // Library and benchmark code never reaches into the tests.
  {
    files: ['src/emulator/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_TEST] }],
    },
  },
];
