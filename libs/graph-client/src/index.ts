export * from './graph-client';
