import { Migration20261207100000_order_request_parameters } from '../../src/db/migrations/Migration20261207100000_order_request_parameters';
import { buildStandardWorld } from '../../src/db/seeders/builders';
import { createOrder } from '../../src/modules/order/order.service';
import { Order } from '../../src/modules/order/order.entity';
import { openTestOrdersDatabase } from '../support/orders-database';

describe("an order's request parameters", () => {
  let db: Awaited<ReturnType<typeof openTestOrdersDatabase>>;
  let orderId: number;

  beforeAll(async () => {
    db = await openTestOrdersDatabase();
    await buildStandardWorld(db.orm.em.fork());
    const { order } = await createOrder(db.orm.em.fork(), {
      merchantId: 2023100,
      amount: '12.00',
      requestIp: '127.0.0.1',
      clientIp: '10.0.0.8',
      attach: 'cart-7',
      bankCode: 'ICBC',
      actor: { sub: 'test', role: 'OPERATOR' },
    });
    orderId = order.id;
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps what the request gave under the domain names', async () => {
    const order = await db.orm.em.fork().findOneOrFail(Order, orderId);
    expect(order.requestParameters).toMatchObject({
      attach: 'cart-7',
      clientIp: '10.0.0.8',
      bankCode: 'ICBC',
      paymentMethod: null,
      notifyStyle: '1',
    });
  });

  it('renames the legacy fx* keys of orders stored before (the migration)', async () => {
    const connection = db.orm.em.getConnection();
    await connection.execute(`update "order" set "request_parameters" = ?::jsonb where id = ?`, [
      JSON.stringify({
        fxdesc: 'Top-up',
        fxattch: 'legacy-attach',
        fxnotifyurl: 'https://m.example/notify',
        fxbackurl: 'https://m.example/back',
        fxip: '10.1.1.1',
        fxbankcode: null,
        fxfs: 'wap',
        fxuserid: 'u-9',
        fxnotifystyle: '2',
        fxsignstring: '&',
      }),
      orderId,
    ]);
    const migration = new Migration20261207100000_order_request_parameters(
      db.orm.em.getDriver(),
      db.orm.config,
    );
    await migration.up();
    // The column was renamed already (this database is migrated); rewrite its keys again.
    const rewrite = migration.getQueries().find((query) => String(query).startsWith('update'));
    await connection.execute(String(rewrite));
    const [row] = (await connection.execute(`select "request_parameters" as p from "order" where id = ?`, [
      orderId,
    ])) as { p: Record<string, unknown> }[];
    expect(row!.p).toEqual({
      description: 'Top-up',
      attach: 'legacy-attach',
      notifyUrl: 'https://m.example/notify',
      returnUrl: 'https://m.example/back',
      clientIp: '10.1.1.1',
      bankCode: null,
      paymentMethod: 'wap',
      subUserId: 'u-9',
      notifyStyle: '2',
      signString: '&',
      jumpFlag: null,
    });
  });
});
