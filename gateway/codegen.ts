import type { CodegenConfig } from '@graphql-codegen/cli';

// The REST shim's operations (src/rest/**/*.graphql) validated against the checked-in
// supergraph and their result and variable types generated: `npm run codegen -w @pay/gateway`;
// `codegen:check` (and test/generated-operations.e2e.ts) fails when src/rest/generated.ts is stale.
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/rest/**/*.graphql'],
  generates: {
    'src/rest/generated.ts': {
      plugins: ['typescript-operations'],
      config: {
        scalars: {
          Money: 'string',
          DateTimeISO: 'string',
          SafeInt: 'number',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
          StatementUpload: 'unknown',
          Upload: 'unknown',
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
