export * from './graph-client';
export * from './lineage';
