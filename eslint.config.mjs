import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Module boundaries live here, not in a wiki: tags come from each project.json.
const frameworkAndIo = [
  '@nestjs/*',
  'kafkajs',
  'ioredis',
  'pg',
  'class-validator',
  'class-transformer',
  'rxjs',
  'better-sqlite3',
  'nodemailer',
  'argon2',
];

const depConstraints = [
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contract'],
    bannedExternalImports: frameworkAndIo,
  },
  {
    sourceTag: 'type:contract',
    onlyDependOnLibsWithTags: ['type:contract'],
    bannedExternalImports: frameworkAndIo,
  },
  { sourceTag: 'type:port', onlyDependOnLibsWithTags: ['type:port', 'type:domain', 'type:contract'] },
  { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:port', 'type:contract', 'type:domain'] },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:port', 'type:domain', 'type:contract'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:port', 'type:adapter', 'type:domain', 'type:contract', 'type:testing'],
  },
  // What several apps compose alike: which adapter serves a port, chosen from the environment.
  {
    sourceTag: 'type:composition',
    onlyDependOnLibsWithTags: ['type:adapter', 'type:port', 'type:domain', 'type:contract'],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:composition',
      'type:feature',
      'type:adapter',
      'type:port',
      'type:domain',
      'type:contract',
    ],
  },
  // A context reaches another only through shared libs: published contracts and the identity read side.
  // Only the embedded runtime (scope:runtime) holds every context in one process.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...['users', 'roles', 'invites', 'access', 'projections'].map((context) => ({
    sourceTag: `scope:${context}`,
    onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared'],
  })),
];

const boundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints },
];

// Tests of any layer may use the shared test kit (decider specs, contract suites, test env).
const testConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag.startsWith('type:')
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
    : constraint,
);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/data',
      '**/.nx',
      'coverage',
      'infra/kafka/.run',
      'tools/lint-fixtures/**',
    ],
  },
  {
    files: ['**/*.ts'],
    // Nest injects by the emitted constructor metadata: imports used there are values, not types.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
    },
  },
  {
    files: ['**/*.spec.ts', 'bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(testConstraints) },
  },
  {
    // Jest's globalSetup and globalTeardown must be default exports.
    files: ['**/global-setup.ts', '**/global-teardown.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
];
