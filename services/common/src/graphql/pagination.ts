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

    @Field(() => Int, { description: 'This page number, from 1.' })
    page!: number;

    @Field(() => Int, { description: 'Page size used.' })
    pageSize!: number;

    @Field(() => Int, { description: 'Number of pages.' })
    totalPages!: number;
  }
  return ConnectionType;
}
