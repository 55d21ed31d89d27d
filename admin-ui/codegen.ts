import { existsSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The server writes ../schema.graphql; until it exists we generate from the
// draft contract kept beside this file (delete the draft once the real one lands).
const schema = existsSync('../schema.graphql') ? '../schema.graphql' : './schema.draft.graphql';

const config: CodegenConfig = {
  schema,
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
        scalars: { DateTime: 'string' },
        // Only the types the operations use, not the whole schema.
        onlyOperationTypes: true,
      },
    },
  },
};

export default config;
