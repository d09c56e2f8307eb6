export * from './databases';
export * from './graphql-client';
export * from './stack';
export * from './documents';
export * from './redis';
export * from './receivers';
export * from './tcp-proxy';
