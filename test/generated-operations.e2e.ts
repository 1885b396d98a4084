import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The console's operations and the REST shim's are typed from the checked-in schema:
 * generated code that no longer matches `schema/` or the `.graphql` documents, or a
 * document that does not validate, fails here, like `schema:check`.
 */
describe('generated operation types', () => {
  it.each([
    ['the console', 'console', 'console/src/graphql/generated.ts', '@pay/console'],
    ['the REST shim', 'gateway', 'gateway/src/rest/generated.ts', '@pay/gateway'],
  ])('of %s are current', (_what, dir, file, workspace) => {
    const codegen = join(__dirname, '..', 'node_modules', '.bin', 'graphql-codegen');
    let output = '';
    try {
      output = execFileSync(codegen, ['--config', 'codegen.ts', '--check'], {
        cwd: join(__dirname, '..', dir),
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      throw new Error(
        `${file} is stale or a document does not validate against schema/: run \`npm run codegen -w ${workspace}\`\n${failure.stdout ?? ''}${failure.stderr ?? ''}`,
      );
    }
    expect(output).not.toMatch(/stale/i);
  });
});
