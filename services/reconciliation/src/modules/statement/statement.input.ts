import { Field, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { StatementUploadScalar } from './statement-upload.scalar';
import { PayType } from './source-coverage';

@InputType({ description: 'Import an uploaded channel statement file for a bill date.' })
export class ImportStatementInput {
  @Field(() => StatementUploadScalar, {
    description:
      'The file (a multipart request part; see the gateway README for `apollo-require-preflight`).',
  })
  file!: string;

  @Field({ description: 'Source: wechat, alipay, sandbox-wechat, sandbox-alipay or a registered one.' })
  source!: string;

  @Field({ description: 'The China day the file is for, YYYY-MM-DD.' })
  billDate!: string;

  @Field(() => String, { nullable: true, description: 'File name to record (default: the uploaded name).' })
  fileName?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Replace the source's current statement for this bill date by this file (the earlier one is kept as history and no longer reconciled). Without it, a different file for a day that has one is refused with STATEMENT_EXISTS.",
  })
  replace?: boolean;
}

@InputType({ description: "Register (or replace) the statement template of an operator's source." })
export class RegisterStatementTemplateInput {
  @Field({ description: 'Source name its files are imported under (lower-case letters, digits, dashes).' })
  source!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'The template as JSON: name, encoding (utf8|gbk), container, columns (target field → accepted header names), requiredColumns, kind, timeFormat, optional fieldPrefix, skipLinePrefix, variants, summary, footers.',
  })
  template!: Record<string, unknown>;

  @Field(() => [PayType], {
    nullable: true,
    description:
      "Pay types of the payments the source's files list: its runs match only payments of these pay types or of `channelCodes` (both empty: every payment).",
  })
  payTypes?: PayType[];

  @Field(() => [String], {
    nullable: true,
    description: 'Channel codes (e.g. `zfbwthf`) of the payments the source covers, besides `payTypes`.',
  })
  channelCodes?: string[];
}
