/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Type checking is `npm run typecheck`'s job; jest only transpiles, which keeps the suite fast on 2 cores.
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60000,
  // A fixed seed for every fast-check property (printed on failure): CI never fails at random.
  setupFilesAfterEnv: ['<rootDir>/test/support/fast-check-seed.ts'],
};
