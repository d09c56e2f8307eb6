// Every project's tests in one run: unit, integration and end-to-end (through the gateway).
module.exports = {
  projects: ['<rootDir>/libs/platform/jest.config.js',
    '<rootDir>/libs/testing/jest.config.js',
    '<rootDir>/libs/graph-client/jest.config.js', '<rootDir>/apps/participants/jest.config.js', '<rootDir>/apps/scoring/jest.config.js', '<rootDir>/apps/gateway/jest.config.js'],
};
