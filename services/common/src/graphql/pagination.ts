import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { AppError } from '../errors/app-error';

// Every subgraph with a connection defines this same value type: shareable, or composition fails.
@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether a next page exists.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether a previous page exists.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge.' })
  endCursor!: string | null;
}

/** Both pagination styles: Relay (`first`/`after`) and the legacy APIs' `page`/`pageSize`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page number, from 1 (legacy style). Default 1.' })
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Items per page (legacy style). Default 20.' })
  pageSize?: number;

  @Field(() => Int, { nullable: true, description: 'Relay: number of items after `after`.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Relay: cursor to continue after.' })
  after?: string | null;
}

export interface PageWindow {
  offset: number;
  limit: number;
  page: number;
  pageSize: number;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError('BAD_USER_INPUT', 'invalid cursor', { argument: 'after' });
  return Number(match[1]) + 1;
}

/** Resolves page arguments to an offset window; sizes above `max` are a BAD_USER_INPUT. */
export function pageWindow(args: PageArgs, options: { defaultSize?: number; max: number }): PageWindow {
  const size = args.first ?? args.pageSize ?? options.defaultSize ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > options.max) {
    throw new AppError('BAD_USER_INPUT', `page size must be between 1 and ${options.max}`, {
      argument: args.first !== undefined ? 'first' : 'pageSize',
      max: options.max,
    });
  }
  // GraphQL passes an explicit `after: null` (a client's first page) as null, not undefined.
  if (args.after != null) {
    const offset = decodeCursor(args.after);
    return { offset, limit: size, page: Math.floor(offset / size) + 1, pageSize: size };
  }
  const page = args.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000) {
    throw new AppError('BAD_USER_INPUT', 'page must be a positive integer', { argument: 'page' });
  }
  return { offset: (page - 1) * size, limit: size, page, pageSize: size };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/** Builds a connection from one page of items and the total count. */
export function toConnection<T>(items: T[], total: number, window: PageWindow): ConnectionShape<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(window.offset + i), node }));
  return {
    edges,
    nodes: items,
    totalCount: total,
    page: window.page,
    pageSize: window.pageSize,
    totalPages: Math.ceil(total / window.pageSize),
    pageInfo: {
      hasNextPage: window.offset + items.length < total,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` types for an item type. */
export function Connection<T extends object>(itemClass: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => itemClass, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`, { description: `Base of ${name}Connection.` })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'Edges (Relay).' })
    edges!: Edge[];

    @Field(() => [itemClass], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Relay page information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filters.' })
    totalCount!: number;

    @Field(() => Int, { description: 'This page number, from 1 (0: a page asked by a keyset cursor).' })
    page!: number;

    @Field(() => Int, { description: 'Page size used.' })
    pageSize!: number;

    @Field(() => Int, { description: 'Number of pages (from `totalCount`).' })
    totalPages!: number;
  }
  return ConnectionType;
}

/**
 * Keyset pagination, for lists that grow without bound and are read newest first by
 * (time, id): a cursor names the last row seen, and the next page is `(time, id) <` it —
 * no OFFSET to walk, and rows added meanwhile at the top never shift a page (an offset
 * page would repeat rows). Page numbers (the legacy APIs) and offset cursors still work.
 */
export interface KeysetPosition<I extends number | string = number> {
  at: Date;
  /** The tie-breaker among rows of one time: a numeric id, or a unique text key (an order number). */
  id: I;
}

export interface KeysetWindow<I extends number | string = number> extends PageWindow {
  /** Continue after this row (then `offset` is 0). */
  after: KeysetPosition<I> | null;
}

const encodeKeyset = (position: KeysetPosition<number | string>) =>
  Buffer.from(
    typeof position.id === 'number'
      ? `k:${position.at.getTime()}:${position.id}`
      : `t:${position.at.getTime()}:${position.id}`,
  ).toString('base64url');

const NUMERIC_KEYSET = /^k:(\d{1,15}):(\d{1,15})$/;
const TEXT_ID_KEYSET = /^t:(\d{1,15}):([\s\S]{1,200})$/;

/**
 * `pageWindow`, plus keyset cursors as `after`: `k:<ms>:<id>`, or with `textId` the
 * `t:<ms>:<key>` of a list whose tie-breaker is a text key. A cursor of the other kind is
 * no keyset cursor here (an offset cursor or refused, as any other string).
 */
export function keysetWindow(
  args: PageArgs,
  options: { defaultSize?: number; max: number; textId?: false },
): KeysetWindow<number>;
export function keysetWindow(
  args: PageArgs,
  options: { defaultSize?: number; max: number; textId: true },
): KeysetWindow<string>;
export function keysetWindow(
  args: PageArgs,
  options: { defaultSize?: number; max: number; textId?: boolean },
): KeysetWindow<number | string> {
  const decoded = args.after != null ? Buffer.from(args.after, 'base64url').toString('utf8') : '';
  const keyset = (options.textId ? TEXT_ID_KEYSET : NUMERIC_KEYSET).exec(decoded);
  if (!keyset) return { ...pageWindow(args, options), after: null };
  const window = pageWindow({ first: args.first, pageSize: args.pageSize }, options);
  return {
    ...window,
    offset: 0,
    page: 0,
    after: { at: new Date(Number(keyset[1])), id: options.textId ? keyset[2]! : Number(keyset[2]) },
  };
}

/**
 * A connection from a keyset page: `items` (at most `limit`), whether more follow (the
 * query read one row beyond the page), and the total when it was counted (null: the
 * caller did not ask for `totalCount`, so no `count(*)` ran; 0 is reported).
 */
export function toKeysetConnection<T, I extends number | string = number>(
  items: T[],
  page: { total: number | null; hasMore: boolean },
  window: KeysetWindow<I>,
  keyOf: (item: T) => KeysetPosition<I>,
): ConnectionShape<T> {
  return toCursorConnection(items, page, window, (item) => encodeKeyset(keyOf(item)));
}

/**
 * Keyset pagination over a list read in the order of a unique text key (a run's grid by
 * order key): a cursor (`s:<key>`) names the last row seen, and the next page is
 * `key >` it, an index range instead of an offset walked. Page numbers and offset cursors
 * still work.
 */
export interface TextKeysetWindow extends PageWindow {
  /** Continue after this key (then `offset` is 0). */
  afterKey: string | null;
}

const TEXT_KEYSET = /^s:([\s\S]{1,200})$/;

/** `pageWindow`, plus text keyset cursors (`s:<key>`) as `after`. */
export function textKeysetWindow(
  args: PageArgs,
  options: { defaultSize?: number; max: number },
): TextKeysetWindow {
  const key =
    args.after != null ? TEXT_KEYSET.exec(Buffer.from(args.after, 'base64url').toString('utf8')) : null;
  if (!key) return { ...pageWindow(args, options), afterKey: null };
  const window = pageWindow({ first: args.first, pageSize: args.pageSize }, options);
  return { ...window, offset: 0, page: 0, afterKey: key[1]! };
}

/** The cursor of the row with text key `key` (see `textKeysetWindow`). */
export const encodeTextKeyset = (key: string): string => Buffer.from(`s:${key}`).toString('base64url');

/**
 * A connection from a page read one row beyond its size (`hasMore`), each edge's cursor
 * from `cursorOf`; the total when it was counted (null: not asked, so 0 is reported).
 */
export function toCursorConnection<T>(
  items: T[],
  page: { total: number | null; hasMore: boolean },
  window: PageWindow & { afterKey?: string | null; after?: KeysetPosition<number | string> | null },
  cursorOf: (item: T) => string,
): ConnectionShape<T> {
  const edges = items.map((node) => ({ cursor: cursorOf(node), node }));
  const total = page.total ?? 0;
  return {
    edges,
    nodes: items,
    totalCount: total,
    page: window.page,
    pageSize: window.pageSize,
    totalPages: Math.ceil(total / window.pageSize),
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: window.after != null || window.afterKey != null || window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Whether the query asks for any of `names` on the field being resolved (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const wanted = new Set(names);
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return wanted.has(selection.name.value);
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/**
 * The field names the query asks for at `path` below the field being resolved (through
 * fragments too): `['nodes']` of a connection gives the fields of its nodes.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, depth: number): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (depth === path.length) names.add(selection.name.value);
        else if (selection.name.value === path[depth]) collect(selection.selectionSet, depth + 1);
      } else if (selection.kind === 'InlineFragment') collect(selection.selectionSet, depth);
      else collect(info.fragments[selection.name.value]?.selectionSet, depth);
    }
  };
  for (const node of info.fieldNodes) collect(node.selectionSet, 0);
  return names;
}
