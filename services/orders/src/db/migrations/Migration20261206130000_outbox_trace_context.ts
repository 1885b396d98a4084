import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_TRACE_CONTEXT_SQL } from '@pay/common';

/** Outbox events carry the trace of the request that wrote them (OpenTelemetry). */
export class Migration20261206130000_outbox_trace_context extends Migration {
  override async up(): Promise<void> {
    this.addSql(OUTBOX_TRACE_CONTEXT_SQL);
  }
}
