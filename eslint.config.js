// ESLint flat config: typescript-eslint type-checked rules everywhere, plus the layer rules of
// DESIGN.md ("Layers and what each may know") as no-restricted-imports per folder.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'child_process',
  'net',
  'http',
  'https',
  'os',
  'crypto',
  'stream',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/next-env.d.ts',
      'data/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', '*/*/*.mjs', '*/*.mjs', 'vitest.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The web app knows the tRPC contract (types and schemas) and nothing of hosts or Node.
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: 'apps/web runs in the browser: no Node built-ins.' })),
          patterns: [
            { group: ['node:*'], message: 'apps/web runs in the browser: no Node built-ins.' },
            {
              group: [
                '@zonedeck/smartos',
                '@zonedeck/smartos/*',
                '@zonedeck/smartos-sim',
                '@zonedeck/bff',
                '**/packages/smartos/**',
                '**/apps/bff/**',
              ],
              message:
                'apps/web may import only the contract (@zonedeck/api types and @zonedeck/api/schemas).',
            },
          ],
        },
      ],
    },
  },
  {
    // The driver knows SmartOS, never HTTP, users or the BFF; it never reaches into the simulator.
    files: ['packages/smartos/src/**/*.ts'],
    ignores: ['packages/smartos/src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@zonedeck/api',
                '@zonedeck/api/*',
                '@zonedeck/bff',
                '**/apps/**',
                '@zonedeck/smartos-sim',
                '**/smartos-sim/**',
              ],
              message: 'packages/smartos is the driver: it may not import the API, the BFF or the simulator.',
            },
            {
              group: ['http', 'node:http', 'https', 'node:https', 'ws'],
              message: 'the driver knows no HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/smartos/src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '../transport/*', '../tools/*'],
              message: 'model/ is node-free: the web app imports it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/smartos/src/transport/**/*.ts'],
    ignores: ['packages/smartos/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../tools/*', '../parsers/*', '../hostDriver*'],
              message: 'transport/ moves bytes; it does not know SmartOS tools.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract knows the driver's model and types, never React, transports or the BFF.
    files: ['packages/api/src/**/*.ts'],
    ignores: ['packages/api/src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@zonedeck/bff', '**/apps/**', '@zonedeck/smartos-sim'],
              message: 'packages/api is the contract: no React, BFF or simulator.',
            },
          ],
        },
      ],
    },
  },
  {
    // The simulator stands in for the OS: it knows nothing of ZoneDeck's driver, API or BFF.
    files: ['packages/smartos-sim/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@zonedeck/smartos',
                '@zonedeck/smartos/*',
                '@zonedeck/api',
                '@zonedeck/api/*',
                '@zonedeck/bff',
                '**/apps/**',
              ],
              message: "the simulator may not know ZoneDeck's code.",
            },
          ],
        },
      ],
    },
  },
);
