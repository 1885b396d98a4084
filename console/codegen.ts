import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the checked-in supergraph: `npm run codegen -w @pay/console`;
// `codegen:check` fails when src/graphql/generated.ts is stale.
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    'src/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: {
          Money: 'string',
          DateTimeISO: 'string',
          SafeInt: 'number',
          JSON: 'unknown',
          StatementUpload: 'File',
          Upload: 'File',
        },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        skipTypename: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
