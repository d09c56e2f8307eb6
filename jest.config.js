// Every project's tests in one run: unit, integration and end-to-end (through the gateway).
// testTimeout is a global option (ignored inside `projects`): stacks on MariaDB can take seconds to boot.
module.exports = {
  testTimeout: 60_000,
  projects: [
    '<rootDir>/libs/platform/jest.config.js',
    '<rootDir>/libs/testing/jest.config.js',
    '<rootDir>/libs/graph-client/jest.config.js',
    '<rootDir>/libs/documents/jest.config.js',
    '<rootDir>/apps/participants/jest.config.js',
    '<rootDir>/apps/scoring/jest.config.js',
    '<rootDir>/apps/awards/jest.config.js',
    '<rootDir>/apps/reporting/jest.config.js',
    '<rootDir>/libs/jobs/jest.config.js',
    '<rootDir>/apps/gateway/jest.config.js',
    '<rootDir>/apps/web/jest.config.cjs',
    '<rootDir>/tools/deploy/jest.config.js',
  ],
};
