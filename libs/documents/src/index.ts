export * from './nd30';
