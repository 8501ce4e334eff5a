import { makeConfig } from '@remotion/eslint-config-flat';
import tseslint from 'typescript-eslint';

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
  // The emulator is started by entry points (scripts/, tests, bench), never by the library code that uses HeyGen.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/emulator/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/emulator', '**/emulator/**'], message: 'src/ never starts the emulator: take a HeyGenConnection from the entry point (scripts/lib/connect-heygen.ts).' }] }],
    },
  },
];
