// The web app's journeys: the whole graph in-process (fresh SQLite), the built app served by the gateway, real Chromium.
const base = require('../../jest.preset.js')(__dirname);

module.exports = {
  ...base,
  displayName: 'web',
  globalSetup: '<rootDir>/e2e/support/global-setup.ts',
  testMatch: ['<rootDir>/e2e/**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/e2e/support/timeout.ts'],
};
