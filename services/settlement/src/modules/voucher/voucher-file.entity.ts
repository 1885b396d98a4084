import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An uploaded voucher file (the content sits on disk under its SHA-256). Recorded when
 * the upload is accepted; settling a settlement copies its fields onto the record.
 */
@Entity({ tableName: 'voucher_file' })
export class VoucherFile {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ length: 64, columnType: 'char(64)' })
  sha256!: string;

  /** What the content is by its magic bytes. */
  @Property({ length: 100 })
  contentType!: string;

  @Property()
  size!: number;

  @Property({ length: 200 })
  fileName!: string;

  /** The signed caller that uploaded it (the gateway names the operator: `upload:<operator>`). */
  @Property({ length: 200 })
  uploadedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
