import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:testing'] },
  // The report worker is reporting's background process: it runs reporting's job handlers.
  { sourceTag: 'type:worker', onlyDependOnLibsWithTags: ['type:platform', 'type:app'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:participants', onlyDependOnLibsWithTags: ['scope:participants', 'scope:shared'] },
  { sourceTag: 'scope:scoring', onlyDependOnLibsWithTags: ['scope:scoring', 'scope:shared'] },
  { sourceTag: 'scope:awards', onlyDependOnLibsWithTags: ['scope:awards', 'scope:shared'] },
  { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  // The web app talks only to the gateway: it imports no app's or library's code.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: [] },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', 'data/**', '**/*.js', '**/*.mjs', '**/migrations/*/**', '**/generated/**', 'apps/web/src/gql/**', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow: [], depConstraints }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // End-to-end tests boot the real apps in-process and talk to them through the gateway, like a client.
    files: ['apps/*/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: ['@thidua/participants', '@thidua/scoring', '@thidua/awards', '@thidua/reporting', '@thidua/gateway'],
          depConstraints: [{ sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:testing', 'type:app'] }],
        },
      ],
    },
  },
  {
    // The deployment tests seed every subgraph's database with its own seed entry point.
    files: ['tools/deploy/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: ['@thidua/participants', '@thidua/scoring', '@thidua/awards', '@thidua/reporting', '@thidua/gateway'],
          depConstraints: [{ sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:testing', 'type:app'] }],
        },
      ],
    },
  },
  {
    // The web app's journeys boot the whole graph in-process (like the apps' end-to-end tests) and drive Chromium.
    files: ['apps/web/e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: ['@thidua/participants', '@thidua/scoring', '@thidua/awards', '@thidua/reporting', '@thidua/gateway'],
          depConstraints: [{ sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:platform', 'type:testing', 'type:app'] }],
        },
      ],
    },
  },
  {
    // A shared library's tests may use the test helpers (fresh databases, Redis, drivers).
    files: ['libs/*/src/__tests__/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: [{ sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:testing'] }, { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] }] },
      ],
    },
  },
  {
    // The report worker is reporting's background process: it runs reporting's job handlers on BullMQ.
    files: ['apps/report-worker/src/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', { allow: ['@thidua/reporting'], depConstraints }] },
  },
  {
    // Command-line entry points print for the person who ran them.
    files: ['apps/*/src/seed.ts', 'apps/*/src/compose-cli.ts', 'tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
