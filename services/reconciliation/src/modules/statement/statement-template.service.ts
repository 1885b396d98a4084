import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, pgArray } from '@pay/common';
import { statementTemplateSchema, type StatementTemplate } from './statement-template';
import { BUILT_IN_SOURCES } from './templates/built-in-templates';
import { BUILT_IN_COVERAGE, checkCoverage, type PayType, type SourceCoverage } from './source-coverage';

export const SOURCE_NAME = /^[a-z][a-z0-9-]{1,39}$/;

/** A source and the template its files are read with. */
export interface SourceTemplate {
  source: string;
  builtIn: boolean;
  template: StatementTemplate;
  /** The payments its runs match (see `source-coverage.ts`). */
  coverage: SourceCoverage;
  person: string | null;
  updatedAt: Date | null;
}

interface TemplateRow {
  source: string;
  definition: unknown;
  pay_types: string[];
  channel_codes: string[];
  person: string;
  updated_at: Date;
}

function checkSourceName(source: string): void {
  if (!SOURCE_NAME.test(source))
    throw new AppError('BAD_USER_INPUT', 'a source is 2-40 lower-case letters, digits and dashes', {
      argument: 'source',
    });
}

function fromRow(row: TemplateRow): SourceTemplate {
  return {
    source: row.source,
    builtIn: false,
    template: statementTemplateSchema.parse(row.definition),
    coverage: { payTypes: row.pay_types as PayType[], channelCodes: row.channel_codes },
    person: row.person,
    updatedAt: row.updated_at,
  };
}

/** The template for a source: built in, or registered by an operator; BAD_USER_INPUT when unknown. */
export async function templateForSource(em: EntityManager, source: string): Promise<SourceTemplate> {
  checkSourceName(source);
  const builtIn = BUILT_IN_SOURCES[source];
  if (builtIn)
    return {
      source,
      builtIn: true,
      template: builtIn,
      coverage: BUILT_IN_COVERAGE[source]!,
      person: null,
      updatedAt: null,
    };
  const rows = (await em
    .getConnection()
    .execute(
      'select source, definition, pay_types, channel_codes, person, updated_at from statement_template where source = ?',
      [source],
      'all',
      em.getTransactionContext(),
    )) as TemplateRow[];
  const row = rows[0];
  if (!row)
    throw new AppError(
      'BAD_USER_INPUT',
      `unknown statement source "${source}": register a template for it first`,
      {
        argument: 'source',
      },
    );
  return fromRow(row);
}

/** Every source: the built-in ones, then the registered ones by name. */
export async function listSourceTemplates(em: EntityManager): Promise<SourceTemplate[]> {
  const rows = (await em
    .getConnection()
    .execute(
      'select source, definition, pay_types, channel_codes, person, updated_at from statement_template order by source',
      [],
      'all',
      em.getTransactionContext(),
    )) as TemplateRow[];
  return [
    ...Object.entries(BUILT_IN_SOURCES).map(([source, template]) => ({
      source,
      builtIn: true,
      template,
      coverage: BUILT_IN_COVERAGE[source]!,
      person: null,
      updatedAt: null,
    })),
    ...rows.map(fromRow),
  ];
}

/**
 * Registers (or replaces) the template of an operator's source, with the pay types and
 * channels its files cover. The definition is JSON checked against the template schema;
 * every problem is reported at once. Statements imported earlier keep the template name
 * they were read with.
 */
export async function registerSourceTemplate(
  em: EntityManager,
  input: {
    source: string;
    definition: unknown;
    payTypes?: readonly string[] | null;
    channelCodes?: readonly string[] | null;
    person: string;
  },
): Promise<SourceTemplate> {
  checkSourceName(input.source);
  if (BUILT_IN_SOURCES[input.source])
    throw new AppError('BAD_USER_INPUT', `"${input.source}" is a built-in source`, { argument: 'source' });
  const coverage = checkCoverage(input);
  const parsed = statementTemplateSchema.safeParse(input.definition);
  if (!parsed.success) {
    throw new AppError(
      'BAD_USER_INPUT',
      `invalid template: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(template)'}: ${i.message}`).join('; ')}`,
      { argument: 'template' },
    );
  }
  const rows = (await em.getConnection().execute(
    `insert into statement_template (source, name, definition, pay_types, channel_codes, person)
     values (?, ?, ?::jsonb, ?::text[], ?::text[], ?)
     on conflict (source) do update set name = excluded.name, definition = excluded.definition,
       pay_types = excluded.pay_types, channel_codes = excluded.channel_codes,
       person = excluded.person, updated_at = now()
     returning source, definition, pay_types, channel_codes, person, updated_at`,
    [
      input.source,
      parsed.data.name,
      JSON.stringify(parsed.data),
      pgArray(coverage.payTypes),
      pgArray(coverage.channelCodes),
      input.person,
    ],
    'all',
    em.getTransactionContext(),
  )) as TemplateRow[];
  return fromRow(rows[0] as TemplateRow);
}
