import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every GraphQL operation in the web app, from the API's schema.graphql. Run from the repository root (npm run codegen). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          DateTime: 'string',
          UUID: 'string',
          JSON: 'unknown',
          LocalDate: 'string',
          SafeInt: 'number',
        },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

// eslint-disable-next-line no-restricted-syntax -- graphql-codegen reads the default export.
export default config;
