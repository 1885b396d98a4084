import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000000_initial } from './Migration20261121000000_initial';
import { Migration20261121110000_credit_seq } from './Migration20261121110000_credit_seq';
import { Migration20261121120500_merchant_totp } from './Migration20261121120500_merchant_totp';
import { Migration20261121180000_merchant_directory_view } from './Migration20261121180000_merchant_directory_view';
import { Migration20261122090000_open_api_app } from './Migration20261122090000_open_api_app';
import { Migration20261205090000_sandbox_channel_book } from './Migration20261205090000_sandbox_channel_book';
import { Migration20261206090000_order_created_index } from './Migration20261206090000_order_created_index';
import { Migration20261206120000_view_readers } from './Migration20261206120000_view_readers';
import { Migration20261206130000_outbox_trace_context } from './Migration20261206130000_outbox_trace_context';
import { Migration20261207090000_notify_log_partitions } from './Migration20261207090000_notify_log_partitions';
import { Migration20261207100000_order_request_parameters } from './Migration20261207100000_order_request_parameters';
import { Migration20261208090000_order_audit_partitions } from './Migration20261208090000_order_audit_partitions';
import { Migration20261208110000_order_partitions } from './Migration20261208110000_order_partitions';
import { Migration20261210090000_merchant_credential_notify } from './Migration20261210090000_merchant_credential_notify';

/** Checked-in migrations, oldest first. */
export const ordersMigrations: MigrationObject[] = [
  { name: 'Migration20261121000000_initial', class: Migration20261121000000_initial },
  { name: 'Migration20261121110000_credit_seq', class: Migration20261121110000_credit_seq },
  { name: 'Migration20261121120500_merchant_totp', class: Migration20261121120500_merchant_totp },
  {
    name: 'Migration20261121180000_merchant_directory_view',
    class: Migration20261121180000_merchant_directory_view,
  },
  { name: 'Migration20261122090000_open_api_app', class: Migration20261122090000_open_api_app },
  {
    name: 'Migration20261205090000_sandbox_channel_book',
    class: Migration20261205090000_sandbox_channel_book,
  },
  { name: 'Migration20261206090000_order_created_index', class: Migration20261206090000_order_created_index },
  { name: 'Migration20261206120000_view_readers', class: Migration20261206120000_view_readers },
  {
    name: 'Migration20261206130000_outbox_trace_context',
    class: Migration20261206130000_outbox_trace_context,
  },
  {
    name: 'Migration20261207090000_notify_log_partitions',
    class: Migration20261207090000_notify_log_partitions,
  },
  {
    name: 'Migration20261207100000_order_request_parameters',
    class: Migration20261207100000_order_request_parameters,
  },
  {
    name: 'Migration20261208090000_order_audit_partitions',
    class: Migration20261208090000_order_audit_partitions,
  },
  { name: 'Migration20261208110000_order_partitions', class: Migration20261208110000_order_partitions },
  {
    name: 'Migration20261210090000_merchant_credential_notify',
    class: Migration20261210090000_merchant_credential_notify,
  },
];
