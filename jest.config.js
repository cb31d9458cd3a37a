/**
 * Three projects: `node` for the cloud functions, scripts and the local cloud; `miniprogram` for
 * pages and components, rendered in jsdom by miniprogram-simulate from the built dist/miniprogram;
 * `e2e` for journeys through the real pages in Chromium (the web runner on a local cloud).
 */
const transform = { '^.+\\.ts$': '<rootDir>/tests/support/esbuildTransform.js' }

module.exports = {
  // Nothing here is a timed test: the limit only catches a hang. CI machines are shared and slow,
  // and tests start real function instances (worker threads loading wx-server-sdk).
  testTimeout: 20_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/tests/miniprogram/', '<rootDir>/tests/e2e/'],
      setupFiles: ['<rootDir>/tests/support/nodeSetup.ts'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      // Page tests also run the local cloud in-process: resolve packages as Node does, not as a browser.
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      transform,
      testMatch: ['<rootDir>/tests/miniprogram/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/miniprogram/support/wx.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/nodeSetup.ts'],
    },
  ],
}
