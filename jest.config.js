/**
 * Two workers: on the 2-core CI machine that is two test files at a time. An integration or e2e file
 * spends most of its time waiting on its own stack (DynamoDB Local's JVM, stream polls, settles), so
 * two stacks side by side fit; each file still has its own stack on free ports and its own data.
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.[jt]s$': ['ts-jest', { diagnostics: false }] },
  // middy 6, jose 6 and kdbush 4 ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose|kdbush)/)'],
  setupFiles: ['<rootDir>/test/setup/polyfills.ts'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    // Each port's contract, run against its in-memory fake and its DynamoDB adapter (DynamoDB Local).
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'template', testMatch: ['<rootDir>/test/template/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    // The console in Debian's Chromium (playwright-core), against a local stack serving web/dist.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
  // Every run shuffles the order of files' tests (and describe blocks): no test may lean on one before it.
  // Jest prints the seed it drew; `npx jest --seed=<seed> <file>` replays that order.
  randomize: true,
  // One DynamoDB Local for the run: every stack and contract suite gets its own namespace in it.
  globalSetup: '<rootDir>/test/setup/shared-dynamodb.ts',
  globalTeardown: '<rootDir>/test/setup/stop-shared-dynamodb.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
