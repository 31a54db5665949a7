// One Jest run, three kinds of test told apart by file name: *.spec.ts (pure), *.int.spec.ts (real
// PostgreSQL/Redis/Kafka), *.e2e.spec.ts (whole services over HTTP). Paths come from tsconfig.base.json.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    },
  ],
};

const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };
const roots = [
  '<rootDir>/libs',
  '<rootDir>/services',
  '<rootDir>/infra',
  '<rootDir>/bench',
  '<rootDir>/tools',
];

module.exports = {
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots,
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'int',
      roots,
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/infra/slow-machine-timeouts.ts'],
      testMatch: ['**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      roots,
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/infra/slow-machine-timeouts.ts'],
      testMatch: ['**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
    },
  ],
};
