import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The console's operations are typed from the checked-in schema: generated code that no
 * longer matches `schema/` or the `.graphql` documents fails here, like `schema:check`.
 */
describe('the console’s generated operation types', () => {
  it('are current (else: npm run codegen -w @pay/console)', () => {
    const consoleDir = join(__dirname, '..', 'console');
    const codegen = join(__dirname, '..', 'node_modules', '.bin', 'graphql-codegen');
    let output = '';
    try {
      output = execFileSync(codegen, ['--config', 'codegen.ts', '--check'], {
        cwd: consoleDir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      throw new Error(
        `console/src/graphql/generated.ts is stale or a document does not validate against schema/: run \`npm run codegen -w @pay/console\`\n${failure.stdout ?? ''}${failure.stderr ?? ''}`,
      );
    }
    expect(output).not.toMatch(/stale/i);
  });
});
