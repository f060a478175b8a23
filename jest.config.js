// Jest: three layers (unit beside the code, integration and e2e under test/), compiled by SWC.
// On two cores Jest runs the files in its own process, one after the other; `npm test` gives that
// process an 8 GiB heap, since each integration file starts a whole application and the suite has
// grown past the default limit (the first sign was an out-of-memory abort after 29 minutes).
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
// Path aliases are resolved by moduleNameMapper below, not by SWC.
delete swc.jsc.baseUrl;
delete swc.jsc.paths;
delete swc.$schema;

const webSwc = {
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
  },
};

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@tetrad/core$': '<rootDir>/libs/core/src/index.ts',
    '^@tetrad/core/(.*)$': '<rootDir>/libs/core/src/$1',
    '^@tetrad/organization$': '<rootDir>/libs/organization/src/index.ts',
    '^@tetrad/demo-data$': '<rootDir>/libs/demo-data/src/index.ts',
    '^@tetrad/demo-data/seeder$': '<rootDir>/libs/demo-data/src/seeder/index.ts',
    '^@tetrad/identity$': '<rootDir>/libs/identity/src/index.ts',
    '^@tetrad/consortium$': '<rootDir>/libs/consortium/src/index.ts',
    '^@tetrad/scenario$': '<rootDir>/libs/scenario/src/index.ts',
    '^@tetrad/ticket$': '<rootDir>/libs/ticket/src/index.ts',
    '^@tetrad/dataset$': '<rootDir>/libs/dataset/src/index.ts',
    '^@tetrad/contract$': '<rootDir>/libs/contract/src/index.ts',
    '^@tetrad/milestone$': '<rootDir>/libs/milestone/src/index.ts',
    '^@tetrad/portfolio$': '<rootDir>/libs/portfolio/src/index.ts',
    '^@tetrad/migrations$': '<rootDir>/migrations/index.ts',
  },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Integration and e2e tests boot real databases and servers.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,migrations}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
    },
    {
      // The web app's logic and components, rendered in jsdom.
      displayName: 'web',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.{ts,tsx}'],
      transform: { '^.+\\.(ts|tsx)$': ['@swc/jest', webSwc] },
      moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
      moduleNameMapper: { '\\.css$': '<rootDir>/apps/web/test/style-stub.js' },
      setupFiles: ['<rootDir>/apps/web/test/jsdom-setup.js'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
      slowTestThreshold: 30,
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      slowTestThreshold: 60,
    },
  ],
};
