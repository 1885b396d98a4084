import { Migration } from '@mikro-orm/migrations';

/**
 * An order's own request parameters were stored under the legacy gateway's `fx*` names
 * (`client_attach`); those names now live only in the REST shim, which shows them to
 * merchants. The column and its keys take the domain's names.
 */
export class Migration20261207100000_order_request_parameters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "order" rename column "client_attach" to "request_parameters"`);
    this.addSql(`update "order" set "request_parameters" = jsonb_build_object(
      'description', "request_parameters"->'fxdesc',
      'attach', "request_parameters"->'fxattch',
      'notifyUrl', "request_parameters"->'fxnotifyurl',
      'returnUrl', "request_parameters"->'fxbackurl',
      'clientIp', "request_parameters"->'fxip',
      'bankCode', "request_parameters"->'fxbankcode',
      'paymentMethod', "request_parameters"->'fxfs',
      'subUserId', "request_parameters"->'fxuserid',
      'notifyStyle', "request_parameters"->'fxnotifystyle',
      'signString', "request_parameters"->'fxsignstring',
      'jumpFlag', "request_parameters"->'fxjumpflag')`);
  }
}
