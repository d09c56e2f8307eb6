export * from './graph-client';
export * from './participants';
export * from './lineage';
export * from './campaigns';
