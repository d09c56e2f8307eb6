// Shared jest settings: TypeScript through swc (decorators with metadata, as TypeORM needs),
// the @thidua/* aliases of tsconfig.base.json, and ESM-only dependencies transpiled to CommonJS.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = path.join(__dirname, target);
}

/** @param {string} rootDir */
module.exports = (rootDir) => ({
  rootDir,
  // Each project by its folder's name (`npm test` runs the browser journeys, `web`, apart from the rest by name).
  displayName: path.basename(rootDir),
  testEnvironment: 'node',
  globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.ts'),
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  moduleNameMapper,
  transform: {
    '^.+\\.graphql$': path.join(__dirname, 'tools/jest-text-transform.js'),
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|auto-bind|openid-client|oauth4webapi|oidc-provider)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json', 'graphql'],
  testTimeout: 120_000,
});
