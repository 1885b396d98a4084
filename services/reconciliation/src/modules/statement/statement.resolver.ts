import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppError, isPlatformRole, pageWindow, requireRole, toConnection } from '@pay/common';
import type { ReconciliationContext } from '../../context';
import { Statement } from './statement.entity';
import { StatementLine } from './statement-line.entity';
import { StatementLinesArgs, StatementListArgs, StatementLookupArgs } from './statement.args';
import { ImportStatementInput, RegisterStatementTemplateInput } from './statement.input';
import {
  ImportStatementPayload,
  StatementConnection,
  StatementLineConnection,
  StatementSourceTemplate,
} from './statement.type';
import {
  checkBillDate,
  importStatement,
  listStatementLines,
  listStatements,
  uploadedFileName,
} from './statement.service';
import {
  listSourceTemplates,
  registerSourceTemplate,
  type SourceTemplate,
} from './statement-template.service';
import { StatementStore, statementDirOf } from './statement-store';

const PLATFORM_READERS = ['OPERATOR', 'ANALYST', 'SYSTEM'] as const;

function parseStatementId(id: string): number {
  if (!/^[1-9]\d{0,14}$/.test(id))
    throw new AppError('BAD_USER_INPUT', 'id must be numeric', { argument: 'id' });
  return Number(id);
}

function toSourceTemplate(s: SourceTemplate): StatementSourceTemplate {
  return {
    source: s.source,
    templateName: s.template.name,
    builtIn: s.builtIn,
    encoding: s.template.encoding,
    container: s.template.container.type,
    payTypes: s.coverage.payTypes,
    channelCodes: s.coverage.channelCodes,
    definition: s.template as unknown as Record<string, unknown>,
    person: s.person,
    updatedAt: s.updatedAt,
  };
}

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => StatementConnection, {
    description:
      'Imported channel statements, newest bill date first (platform roles); page size at most 100.',
  })
  async statements(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: StatementListArgs,
  ): Promise<StatementConnection> {
    requireRole(ctx.actor, ...PLATFORM_READERS);
    const window = pageWindow(args, { max: 100 });
    const { items, total } = await listStatements(
      ctx.em,
      {
        source: args.source ?? null,
        billDateFrom: args.billDateFrom ? checkBillDate(args.billDateFrom, 'billDateFrom') : null,
        billDateTo: args.billDateTo ? checkBillDate(args.billDateTo, 'billDateTo') : null,
      },
      window,
    );
    return Object.assign(new StatementConnection(), toConnection(items, total, window));
  }

  @Query(() => Statement, {
    nullable: true,
    description: 'One statement by id (platform roles); null when absent.',
  })
  async statement(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: StatementLookupArgs,
  ): Promise<Statement | null> {
    requireRole(ctx.actor, ...PLATFORM_READERS);
    return ctx.loaders.statementById.load(parseStatementId(args.id));
  }

  @Query(() => [StatementSourceTemplate], {
    description: 'Statement sources and their templates: the built-in ones, then those operators registered.',
  })
  async statementSources(@Ctx() ctx: ReconciliationContext): Promise<StatementSourceTemplate[]> {
    requireRole(ctx.actor, ...PLATFORM_READERS);
    return (await listSourceTemplates(ctx.em)).map(toSourceTemplate);
  }

  @Mutation(() => ImportStatementPayload, {
    description:
      'Import an uploaded channel statement file for a bill date (operators). Importing the same file again changes nothing (`created: false`); a different file for a day that already has a statement is refused with STATEMENT_EXISTS unless `replace` is given (the earlier one is then kept as history); a bad file is rejected with STATEMENT_INVALID naming the line and the reason, and nothing of it is kept.',
  })
  async importStatement(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input') input: ImportStatementInput,
  ): Promise<ImportStatementPayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    const fileName =
      input.fileName?.trim() || (await uploadedFileName(ctx.em, input.file)) || `${input.file}.csv`;
    return importStatement(ctx.em, new StatementStore(statementDirOf(ctx.runtime.config)), {
      source: input.source,
      billDate: input.billDate,
      fileName,
      uploadId: input.file,
      person: ctx.actor.sub,
      replace: input.replace ?? false,
    });
  }

  @Mutation(() => StatementSourceTemplate, {
    description:
      "Register or replace the statement template of an operator's own source and the pay types / channels it covers (operators); built-in sources cannot be replaced.",
  })
  async registerStatementTemplate(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input') input: RegisterStatementTemplateInput,
  ): Promise<StatementSourceTemplate> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    return toSourceTemplate(
      await registerSourceTemplate(ctx.em, {
        source: input.source,
        definition: input.template,
        payTypes: input.payTypes ?? null,
        channelCodes: input.channelCodes ?? null,
        person: ctx.actor.sub,
      }),
    );
  }

  @FieldResolver(() => Statement, {
    nullable: true,
    description: 'The statement that replaced this one (null while it is current).',
  })
  replacedBy(
    @Root() statement: Statement,
    @Ctx() ctx: ReconciliationContext,
  ): Promise<Statement | null> | null {
    return statement.replacedById ? ctx.loaders.statementById.load(statement.replacedById) : null;
  }

  @FieldResolver(() => StatementLineConnection, {
    description: 'The lines, in file order; page size at most 500.',
  })
  async lines(
    @Root() statement: Statement,
    @Ctx() ctx: ReconciliationContext,
    @Args() args: StatementLinesArgs,
  ): Promise<StatementLineConnection> {
    requireRole(ctx.actor, ...PLATFORM_READERS);
    const window = pageWindow(args, { max: 500, defaultSize: 50 });
    const { items, total } = await listStatementLines(ctx.em, statement.id, args.kind ?? null, window);
    return Object.assign(new StatementLineConnection(), toConnection(items, total, window));
  }
}

@Resolver(() => StatementLine)
export class StatementLineResolver {
  @FieldResolver(() => Statement, {
    nullable: true,
    description:
      'The statement the line belongs to (platform roles; null for a merchant, whose own order line it may be, but whose file holds every merchant’s totals).',
  })
  async statement(@Root() line: StatementLine, @Ctx() ctx: ReconciliationContext): Promise<Statement | null> {
    if (!isPlatformRole(ctx.actor)) return null;
    const statement = await ctx.loaders.statementById.load(line.statementId);
    if (!statement) throw new AppError('NOT_FOUND', 'statement not found', { id: line.statementId });
    return statement;
  }
}
