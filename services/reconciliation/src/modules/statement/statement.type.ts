import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '@pay/common';
import { Statement } from './statement.entity';
import { StatementLine } from './statement-line.entity';
import { PayType } from './source-coverage';

@ObjectType({ description: 'A page of statements, newest bill date first.' })
export class StatementConnection extends Connection(Statement, 'Statement') {}

@ObjectType({ description: "A page of a statement's lines, in file order." })
export class StatementLineConnection extends Connection(StatementLine, 'StatementLine') {}

@ObjectType({ description: 'The outcome of importing a statement file.' })
export class ImportStatementPayload {
  @Field(() => Statement, {
    description: 'The statement (the existing one when the file was imported before).',
  })
  statement!: Statement;

  @Field({
    description:
      'False when this source already had this exact file for this bill date: nothing changed (unless it had been replaced and `replace` was given: then it is current again).',
  })
  created!: boolean;

  @Field(() => Statement, {
    nullable: true,
    description: 'The statement this import replaced (`replace`), now kept as history; null when none.',
  })
  replaced!: Statement | null;
}

@ObjectType({ description: 'A statement source and the template its files are read with.' })
export class StatementSourceTemplate {
  @Field({ description: 'Source name.' })
  source!: string;

  @Field({ description: 'Template name.' })
  templateName!: string;

  @Field({
    description: 'Whether it is built in (WeChat Pay, Alipay, the sandbox) or registered by an operator.',
  })
  builtIn!: boolean;

  @Field({ description: 'Text encoding of its files (utf8, gbk).' })
  encoding!: string;

  @Field({ description: 'plain, or zip (one entry is read).' })
  container!: string;

  @Field(() => [PayType], {
    description:
      "Pay types of the payments the source's runs match (with `channelCodes`; both empty: every payment).",
  })
  payTypes!: PayType[];

  @Field(() => [String], {
    description: 'Channel codes of the payments the source covers, besides `payTypes`.',
  })
  channelCodes!: string[];

  @Field(() => GraphQLJSONObject, { description: 'The full template definition.' })
  definition!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Who registered it (null: built in).' })
  person!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last registered (null: built in).' })
  updatedAt!: Date | null;
}
