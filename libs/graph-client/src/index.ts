export * from './graph-client';
export * from './participants';
