export * from './fixtures';
export * from './temp-library';
