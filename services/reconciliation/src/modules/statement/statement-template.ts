import { z } from 'zod';

/**
 * A statement format as data. Built-in formats (WeChat Pay, Alipay) are values of this
 * type in `templates/`; operators register more as JSON through the graph, checked by
 * `statementTemplateSchema`. The reader (`statement-reader.ts`) knows no channel: a new
 * channel's format is a new template, not new code.
 *
 * Columns are always found by header NAME (each target lists the names it accepts, the
 * first one present in the header wins), never by position.
 */

export const LINE_KINDS = ['PAYMENT', 'REFUND', 'REVOKED'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** The statement_line columns a template fills (see Migration20261121161000_statements). */
export const TARGET_FIELDS = [
  /** When the channel booked the line (China time unless `utcOffsetMinutes` says otherwise). */
  'tradeTime',
  /** For REFUND lines, when the refund happened, if the file has such a column (else tradeTime). */
  'refundTime',
  /** Our order number as the channel knows it (商户订单号). */
  'platformOrderNo',
  /** The channel's transaction id (微信订单号 / 支付宝交易号). */
  'transactionId',
  /** Refund number (kept for REFUND lines only). */
  'refundNo',
  /** Payment amount in yuan; REFUND lines may carry the refunded amount here (negative or not). */
  'amount',
  /** Refunded amount in yuan; when the template has none, a REFUND line's is |amount|. */
  'refundAmount',
  /** The channel's fee in yuan, up to five decimals (rounded half-up to the fen once). */
  'fee',
  'payer',
  'device',
  'product',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

const headerNames = z.array(z.string().min(1).max(100)).min(1).max(20);

/** A figure computed over the data rows, compared with a summary cell or a footer number. */
const measureSchema = z
  .object({
    /** `count`: number of data rows; `sum`: sum of a raw column (exact, five decimals). */
    measure: z.enum(['count', 'sum']),
    /** For `sum`: the column, by accepted header names (absent from the file: sums to 0). */
    column: headerNames.optional(),
    /** Only rows of this kind. */
    kind: z.enum(LINE_KINDS).optional(),
  })
  .refine((m) => m.measure === 'count' || m.column !== undefined, 'a sum needs a column');
export type Measure = z.infer<typeof measureSchema>;

const regexSource = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

export const statementTemplateSchema = z
  .object({
    /** Stored with each statement (plus the variant: `wechat-trade-bill:ALL`). */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and dashes, 2-40 characters'),
    description: z.string().max(500).default(''),
    encoding: z.enum(['utf8', 'gbk']),
    /** A plain text file, or a zip whose entry (name decoded with `encoding`) matches `entry`. */
    container: z.discriminatedUnion('type', [
      z.object({ type: z.literal('plain') }),
      z.object({ type: z.literal('zip'), entry: regexSource }),
    ]),
    delimiter: z.string().length(1).default(','),
    /** A prefix every data (and summary) field carries, removed before reading (WeChat: a backtick). */
    fieldPrefix: z.string().max(5).optional(),
    /** Lines starting with this are comments before the header or footers after the rows (Alipay: `#`). */
    skipLinePrefix: z.string().min(1).max(40).optional(),
    /** Target field → accepted header names. */
    columns: z.record(z.enum(TARGET_FIELDS), headerNames),
    /** Target fields the header must have; a file without one is rejected at its header line. */
    requiredColumns: z.array(z.enum(TARGET_FIELDS)).default([]),
    /** How a row's kind is read: a column whose values map to kinds, else `default` for every row. */
    kind: z
      .object({
        column: headerNames.optional(),
        values: z.record(z.string().max(40), z.enum(LINE_KINDS)).default({}),
        default: z.enum(LINE_KINDS).optional(),
      })
      .refine((k) => k.column !== undefined || k.default !== undefined, 'a kind column or a default'),
    /** `negative`: the file shows a charged fee as a negative number (Alipay 服务费). */
    feeChargedAs: z.enum(['positive', 'negative']).default('positive'),
    /** Tokens yyyy MM dd HH mm ss; everything else is literal. */
    timeFormat: z.string().min(4).max(40).default('yyyy-MM-dd HH:mm:ss'),
    /** Offset of the file's wall clock from UTC (China time: 480). */
    utcOffsetMinutes: z
      .number()
      .int()
      .min(-14 * 60)
      .max(14 * 60)
      .default(480),
    /** Layouts of the same format, told apart by the columns their header has; the first match wins. */
    variants: z
      .array(z.object({ name: z.string().regex(/^[A-Za-z0-9_-]{1,15}$/), whenColumns: headerNames }))
      .max(20)
      .default([]),
    /**
     * Summary rows after the data: a header row whose first cell is `marker`, then one row
     * of values; each check compares a summary column with a measure over the rows.
     */
    summary: z
      .object({
        marker: z.string().min(1).max(100),
        required: z.boolean().default(true),
        checks: z
          .array(z.object({ column: headerNames, equals: measureSchema }))
          .min(1)
          .max(20),
      })
      .optional(),
    /**
     * Footer lines (after `skipLinePrefix`) carrying totals; each capture group is checked.
     * A `sum` a footer states needs its column in the header (a file without it is refused
     * at its header line, naming the column).
     */
    footers: z
      .array(
        z.object({
          pattern: regexSource,
          required: z.boolean().default(true),
          groups: z.array(measureSchema).min(1).max(10),
          /**
           * How the footer line starts (`#退款合计：`): a line that starts so but does not
           * match `pattern` is refused as a footer of another form, not reported missing.
           */
          startsWith: z.string().min(1).max(40).optional(),
          /** The footer's form for messages (`#退款合计：N笔，商家实收退款共-X元，…`). */
          form: z.string().max(200).optional(),
        }),
      )
      .max(10)
      .default([]),
    /**
     * For a zip: a second entry that is part of the bill and states its totals (Alipay's
     * `…业务明细(汇总).csv`). It must be present; after its `skipLinePrefix` lines comes a
     * header, then rows; the row whose first cell starts with `marker` holds the totals,
     * each check compares a column of it (by name) with a measure over the detail rows.
     * A `sum` it states needs its column in the detail file's header.
     */
    summaryFile: z
      .object({
        entry: regexSource,
        marker: z.string().min(1).max(40),
        checks: z
          .array(
            z.object({
              column: headerNames,
              equals: measureSchema,
              /** The summary file must have this column (else a column it lacks is not checked). */
              required: z.boolean().default(false),
            }),
          )
          .min(1)
          .max(20),
      })
      .optional(),
  })
  .superRefine((t, ctx) => {
    for (const field of t.requiredColumns) {
      if (!t.columns[field])
        ctx.addIssue({ code: 'custom', message: `required column ${field} has no names` });
    }
    if (!t.columns.tradeTime) ctx.addIssue({ code: 'custom', message: 'columns.tradeTime is needed' });
    if (!t.columns.amount && !t.columns.refundAmount)
      ctx.addIssue({ code: 'custom', message: 'columns.amount (or refundAmount) is needed' });
    if (!t.columns.platformOrderNo && !t.columns.transactionId)
      ctx.addIssue({ code: 'custom', message: 'columns.platformOrderNo or columns.transactionId is needed' });
    if (t.summaryFile && t.container.type !== 'zip')
      ctx.addIssue({ code: 'custom', message: 'summaryFile needs a zip container' });
    if (!/yyyy/.test(t.timeFormat) || !/MM/.test(t.timeFormat) || !/dd/.test(t.timeFormat))
      ctx.addIssue({ code: 'custom', message: 'timeFormat needs yyyy, MM and dd' });
  });

/** A statement format; see `statementTemplateSchema` for what each field means. */
export type StatementTemplate = z.infer<typeof statementTemplateSchema>;
/** What a template author writes (defaults may be left out). */
export type StatementTemplateDefinition = z.input<typeof statementTemplateSchema>;

/** Parses and checks a template definition; throws the zod error on a bad one. */
export function defineStatementTemplate(definition: StatementTemplateDefinition): StatementTemplate {
  return statementTemplateSchema.parse(definition);
}
