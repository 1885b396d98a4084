import { Migration } from '@mikro-orm/migrations';

/**
 * Statement ingestion: templates operators register for their own sources (a JSON
 * template, checked when registered, used by source name), and files uploaded through
 * the graph (kept content-addressed; the id is the file's SHA-256) waiting to be imported.
 */
export class Migration20261121162000_statement_templates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "statement_template" (
      "source" varchar(40) primary key,
      "name" varchar(40) not null,
      "definition" jsonb not null,
      "person" varchar(200) not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "statement_upload" (
      "id" char(64) primary key,
      "file_name" varchar(300) not null,
      "size" bigint not null,
      "uploaded_at" timestamptz not null default now()
    )`);
  }
}
