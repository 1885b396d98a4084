import type { ServiceModule } from '@pay/common';
import type { ReconciliationRuntime } from '../../context';
import { StatementLine } from './statement-line.entity';
import { StatementStore, statementDirOf, STATEMENT_UPLOAD_MAX_BYTES } from './statement-store';
import { statementUploadRoutes } from './statement-upload.routes';
import { Statement } from './statement.entity';
import { createStatementLoaders, type StatementLoaders } from './statement.loader';
import { statementReference } from './statement.reference';
import { StatementLineResolver, StatementResolver } from './statement.resolver';

/** Channel statements: imports (uploads and downloads), their lines, replacement and history. */
export const statementModule: ServiceModule<ReconciliationRuntime, StatementLoaders> = {
  resolvers: [StatementResolver, StatementLineResolver],
  entities: [Statement, StatementLine],
  references: { Statement: statementReference },
  routes: (runtime) =>
    statementUploadRoutes(runtime.orm, new StatementStore(statementDirOf(runtime.config)), {
      internalSecret: runtime.config.auth.internalSecret,
      maxBytes: STATEMENT_UPLOAD_MAX_BYTES,
    }),
  loaders: createStatementLoaders,
};
