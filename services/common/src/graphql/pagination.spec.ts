import 'reflect-metadata';
import {
  encodeTextKeyset,
  pageWindow,
  textKeysetWindow,
  toConnection,
  toCursorConnection,
  type PageArgs,
} from './pagination';
import { appErrorOf } from '../testkit/assertions';

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
const max = 100;

describe('pageWindow', () => {
  it('defaults to page 1 of 20', () => {
    expect(pageWindow({}, { max })).toEqual({ offset: 0, limit: 20, page: 1, pageSize: 20 });
  });

  it('uses the given default size', () => {
    expect(pageWindow({}, { max, defaultSize: 50 })).toEqual({ offset: 0, limit: 50, page: 1, pageSize: 50 });
  });

  it('turns page/pageSize into an offset', () => {
    expect(pageWindow({ page: 3, pageSize: 10 }, { max })).toEqual({
      offset: 20,
      limit: 10,
      page: 3,
      pageSize: 10,
    });
    expect(pageWindow({ pageSize: max }, { max })).toEqual({ offset: 0, limit: max, page: 1, pageSize: max });
  });

  it('reads an explicit `after: null` (a first page) as no cursor', () => {
    expect(pageWindow({ first: 10, after: null }, { max })).toEqual({
      offset: 0,
      limit: 10,
      page: 1,
      pageSize: 10,
    });
  });

  it('prefers first over pageSize', () => {
    expect(pageWindow({ first: 5, pageSize: 50 }, { max }).limit).toBe(5);
  });

  it('refuses a page size above the maximum as BAD_USER_INPUT', () => {
    const error = appErrorOf(() => pageWindow({ pageSize: 1_000_000 }, { max }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ argument: 'pageSize', max });
    expect(error.message).toBe('page size must be between 1 and 100');
  });

  it('names `first` when first is too large', () => {
    const error = appErrorOf(() => pageWindow({ first: max + 1 }, { max }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.argument).toBe('first');
  });

  it.each<PageArgs>([{ pageSize: 0 }, { pageSize: -1 }, { pageSize: 2.5 }, { first: 0 }])(
    'refuses the size in %p',
    (args) => {
      expect(appErrorOf(() => pageWindow(args, { max })).code).toBe('BAD_USER_INPUT');
    },
  );

  it.each([0, -1, 1.5, 1_000_001])('refuses page %p', (page) => {
    const error = appErrorOf(() => pageWindow({ page }, { max }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ argument: 'page' });
  });

  it.each([
    '',
    'garbage!',
    cursorOf('o:-1'),
    cursorOf('o:abc'),
    cursorOf('x:1'),
    cursorOf('o:1234567890'),
    cursorOf('o:1 '),
  ])('refuses the cursor %p', (after) => {
    const error = appErrorOf(() => pageWindow({ first: 10, after }, { max }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('invalid cursor');
    expect(error.details).toEqual({ argument: 'after' });
  });
});

describe('toConnection', () => {
  const all = Array.from({ length: 45 }, (_, i) => `item-${i}`);
  const slice = (window: { offset: number; limit: number }) =>
    all.slice(window.offset, window.offset + window.limit);

  it('walks every item exactly once by following endCursor', () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const window = pageWindow({ first: 20, after }, { max });
      const connection = toConnection(slice(window), all.length, window);
      seen.push(...connection.edges.map((edge) => edge.node));
      pages += 1;
      expect(connection.page).toBe(pages);
      expect(connection.pageInfo.hasPreviousPage).toBe(pages > 1);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? undefined;
      expect(after).toBeDefined();
      if (pages > 10) throw new Error('pagination does not terminate');
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('continues right after any edge cursor', () => {
    const window = pageWindow({ first: 10 }, { max });
    const connection = toConnection(slice(window), all.length, window);
    const next = pageWindow({ first: 10, after: connection.edges[3]!.cursor }, { max });
    expect(next.offset).toBe(4);
    expect(slice(next)[0]).toBe('item-4');
  });

  it('reports totals, pages and page info', () => {
    const window = pageWindow({ page: 3, pageSize: 20 }, { max });
    const connection = toConnection(slice(window), all.length, window);
    expect(connection.totalCount).toBe(45);
    expect(connection.totalPages).toBe(3);
    expect(connection.page).toBe(3);
    expect(connection.pageSize).toBe(20);
    expect(connection.nodes).toEqual(['item-40', 'item-41', 'item-42', 'item-43', 'item-44']);
    expect(connection.edges.map((edge) => edge.node)).toEqual(connection.nodes);
    expect(connection.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: connection.edges[0]!.cursor,
      endCursor: connection.edges[4]!.cursor,
    });
    expect(new Set(connection.edges.map((edge) => edge.cursor)).size).toBe(5);
  });

  it('has a next page while items remain', () => {
    const window = pageWindow({ page: 1, pageSize: 20 }, { max });
    const connection = toConnection(slice(window), 45, window);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.pageInfo.hasPreviousPage).toBe(false);
  });

  it('has no next page when the last page is exactly full', () => {
    const window = pageWindow({ page: 2, pageSize: 20 }, { max });
    const connection = toConnection(all.slice(20, 40), 40, window);
    expect(connection.totalPages).toBe(2);
    expect(connection.pageInfo.hasNextPage).toBe(false);
  });

  it('handles an empty result', () => {
    const window = pageWindow({}, { max });
    const connection = toConnection([], 0, window);
    expect(connection.totalPages).toBe(0);
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('textKeysetWindow', () => {
  it('continues after a key from its cursor, with no offset and no page number', () => {
    expect(textKeysetWindow({ first: 5, after: encodeTextKeyset('ORDER:00042') }, { max })).toEqual({
      offset: 0,
      limit: 5,
      page: 0,
      pageSize: 5,
      afterKey: 'ORDER:00042',
    });
  });

  it('keeps page numbers and offset cursors', () => {
    expect(textKeysetWindow({ page: 2, pageSize: 10 }, { max })).toMatchObject({
      offset: 10,
      afterKey: null,
    });
    expect(textKeysetWindow({ first: 10, after: cursorOf('o:9') }, { max })).toMatchObject({
      offset: 10,
      afterKey: null,
    });
  });

  it('refuses a cursor that is neither, and an over-long key', () => {
    expect(appErrorOf(() => textKeysetWindow({ first: 5, after: cursorOf('nope') }, { max }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(
      appErrorOf(() => textKeysetWindow({ first: 5, after: encodeTextKeyset('x'.repeat(201)) }, { max })),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('toCursorConnection', () => {
  it('takes each edge’s cursor from the row and the next page from the row read beyond it', () => {
    const window = textKeysetWindow({ first: 2, after: encodeTextKeyset('a') }, { max });
    const connection = toCursorConnection(
      ['b', 'c'],
      { total: null, hasMore: true },
      window,
      encodeTextKeyset,
    );
    expect(connection.edges.map((e) => e.cursor)).toEqual([encodeTextKeyset('b'), encodeTextKeyset('c')]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeTextKeyset('b'),
      endCursor: encodeTextKeyset('c'),
    });
    expect(connection.totalCount).toBe(0);
  });
});
