/**
 * Browser tests: run only by `npm run test:e2e`, against the built admin (`npx strapi build` first)
 * served by `strapi start` on a throwaway SQLite database, driven by Debian's Chromium.
 */
module.exports = {
  rootDir: '../..',
  testTimeout: 300000,
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }] },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
};
