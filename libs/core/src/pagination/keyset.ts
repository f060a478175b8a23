import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidInputError } from '../errors/domain-error';
import type { ConnectionShape } from './connection.type';
import { MAX_PAGE_SIZE } from './page-args';

export type SortValue = string | number | boolean | null;

export interface KeysetSort<T> {
  /** Public name of the order, bound into the cursor so a cursor is not reused across orders. */
  name: string;
  /** Qualified SQL expression, e.g. `organization.name`. */
  column: string;
  direction: 'ASC' | 'DESC';
  /** The row's value for `column`, as stored in the cursor. */
  valueOf: (row: T) => SortValue;
}

interface CursorPayload {
  s: string;
  v: SortValue;
  id: string;
}

export function encodeCursor(sortName: string, value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify({ s: sortName, v: value, id } satisfies CursorPayload)).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string, sortName: string): CursorPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  if (!isCursorPayload(payload)) {
    throw new InvalidInputError('The cursor in `after` is not valid. Start again from the first page.');
  }
  if (payload.s !== sortName) {
    throw new InvalidInputError(
      'The cursor in `after` belongs to another sort order. Start again from the first page.',
    );
  }
  return payload;
}

function isCursorPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { s, v, id } = value as Record<string, unknown>;
  const validValue = v === null || ['string', 'number', 'boolean'].includes(typeof v);
  return typeof s === 'string' && typeof id === 'string' && validValue;
}

/**
 * Keyset pagination: `(sort, id) > (cursor)` in SQL, one extra row to learn whether a next
 * page exists, and a COUNT over the same filter only if `totalCount` is selected. One or two
 * statements whatever the page size.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: { first: number; after?: string | undefined },
  sort: KeysetSort<T>,
): Promise<ConnectionShape<T>> {
  const first = Math.min(Math.max(Math.trunc(page.first), 1), MAX_PAGE_SIZE);
  const idColumn = `${query.alias}.id`;
  const counted = query.clone();
  const pageQuery = query.clone();
  if (page.after) {
    const cursor = decodeCursor(page.after, sort.name);
    const comparator = sort.direction === 'ASC' ? '>' : '<';
    pageQuery.andWhere(`(${sort.column}, ${idColumn}) ${comparator} (:cursorValue, :cursorId)`, {
      cursorValue: cursor.v,
      cursorId: cursor.id,
    });
  }
  const rows = await pageQuery
    .orderBy(sort.column, sort.direction)
    .addOrderBy(idColumn, sort.direction)
    .take(first + 1)
    .getMany();
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(sort.name, sort.valueOf(node), node.id) }));
  return {
    edges,
    nodes,
    get totalCount(): Promise<number> {
      return counted.getCount();
    },
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
