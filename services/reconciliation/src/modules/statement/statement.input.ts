import { Field, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { StatementUploadScalar } from './statement-upload.scalar';

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
}
