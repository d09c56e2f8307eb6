// Every project's tests in one run: unit, integration and end-to-end (through the gateway).
// testTimeout is a global option (ignored inside `projects`): a stack of four services on MariaDB runs every
// migration before it listens, which took over a minute on two loaded cores (a hook that boots it shares the limit).
module.exports = {
  testTimeout: 120_000,
  // A worker's heap grows by each file's modules (2–3 GB by the end of a run here): past 1 GB after a file it is
  // replaced by a fresh one, so no worker ends the run holding gigabytes it must free before it can exit (a worker
  // slower than half a second to exit is killed, and jest says so).
  workerIdleMemoryLimit: '1GB',
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
