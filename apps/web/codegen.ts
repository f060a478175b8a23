import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every GraphQL operation in the web app, from the API's schema.graphql. */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
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
