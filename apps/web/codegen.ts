// Operations in src/ are typed by GraphQL Code Generator's client preset against the graph's API schema, which is
// derived from the checked-in supergraph (apps/gateway/supergraph.graphql). An operation that no longer matches the
// graph fails `codegen` and so the build and `npm test` (typecheck runs `graphql-codegen --check`).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: { '../gateway/supergraph.graphql': { loader: './tools/api-schema-loader.cjs' } },
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        skipTypename: false,
      },
    },
    // Every enum of the graph, so src/i18n/labels.ts must say each value in Vietnamese (a new value fails the build).
    './src/gql/enums.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsTypes: true },
    },
  },
};

export default config;
