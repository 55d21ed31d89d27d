import type { CodegenConfig } from '@graphql-codegen/cli';

// The API's contract, written by the server (see the top-level README); the
// generated types in src/gql/ are checked in and `npm run codegen:check` fails
// when they no longer match it.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // The API's dates and times travel as ISO strings (`2026-11-22`, `10:30:00`).
        scalars: { DateTime: 'string', NaiveDate: 'string', NaiveTime: 'string' },
        // Only the types the operations use, not the whole schema.
        onlyOperationTypes: true,
      },
    },
  },
};

export default config;
