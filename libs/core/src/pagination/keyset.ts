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
  /**
   * The row's value for `column`, as stored in the cursor; `selected` when `column` is computed in
   * SQL (a search rank): the value is then selected with the row.
   */
  valueOf: ((row: T) => SortValue) | 'selected';
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
    throw new InvalidInputError('The cursor in `after` is not valid. Start again from the first page.', [
      { field: 'after', message: 'not a cursor this list gave out' },
    ]);
  }
  if (payload.s !== sortName) {
    throw new InvalidInputError(
      'The cursor in `after` belongs to another sort order. Start again from the first page.',
      [{ field: 'after', message: 'a cursor of another sort order' }],
    );
  }
  return payload;
}

function isCursorPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { s, v, id } = value as Record<string, unknown>;
  const validValue =
    v === null ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v)) ||
    (typeof v === 'string' && isStorableText(v, 1000));
  return typeof s === 'string' && typeof id === 'string' && isStorableText(id, 100) && validValue;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isStorableText(text: string, maxLength: number): boolean {
  return text.length <= maxLength && !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * A forged cursor can carry values of the wrong kind for the sorted column: check them against
 * the entity's column types so that the database never sees them.
 */
function assertCursorFits<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sort: KeysetSort<T>,
  cursor: CursorPayload,
): void {
  const metadata = query.expressionMap.mainAlias?.hasMetadata
    ? query.expressionMap.mainAlias.metadata
    : undefined;
  if (!metadata) return;
  const [alias, name] = sort.column.split('.');
  // Sorts name either the property (`entry.position`) or the column (`invitation.created_at`).
  const columnNamed = (named: string | undefined) =>
    named === undefined
      ? undefined
      : (metadata.columns.find((column) => column.propertyPath === named) ??
        metadata.columns.find((column) => column.databaseName === named));
  const column = alias === query.alias ? columnNamed(name) : undefined;
  const idColumn = columnNamed('id');
  const kind = (type: unknown) => (typeof type === 'function' ? type.name.toLowerCase() : String(type));
  const fits = (type: unknown, value: SortValue): boolean => {
    const name = kind(type);
    if (value === null) return true;
    if (name.includes('timestamp') || name === 'date') {
      return typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
    }
    if (name === 'uuid') return typeof value === 'string' && UUID.test(value);
    if (/int/.test(name)) {
      return Number.isSafeInteger(
        typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
      );
    }
    if (/numeric|number|decimal|float|double|real/.test(name)) return typeof value === 'number';
    if (/char|text|string/.test(name)) return typeof value === 'string';
    return true;
  };
  const valueFits = column ? fits(column.type, cursor.v) : true;
  const idFits = idColumn ? fits(idColumn.type, cursor.id) : true;
  if (!valueFits || !idFits) {
    throw new InvalidInputError('The cursor in `after` is not valid. Start again from the first page.', [
      { field: 'after', message: 'not a cursor this list gave out' },
    ]);
  }
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
    assertCursorFits(query, sort, cursor);
    const comparator = sort.direction === 'ASC' ? '>' : '<';
    pageQuery.andWhere(`(${sort.column}, ${idColumn}) ${comparator} (:cursorValue, :cursorId)`, {
      cursorValue: cursor.v,
      cursorId: cursor.id,
    });
  }
  pageQuery
    .orderBy(sort.column, sort.direction)
    .addOrderBy(idColumn, sort.direction)
    .take(first + 1);
  const { rows, valueOf } = await pageRows(pageQuery, sort);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(sort.name, valueOf(node), node.id) }));
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

async function pageRows<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  sort: KeysetSort<T>,
): Promise<{ rows: T[]; valueOf: (row: T) => SortValue }> {
  if (sort.valueOf !== 'selected') return { rows: await query.getMany(), valueOf: sort.valueOf };
  const { entities, raw } = await query
    .addSelect(sort.column, 'keyset_value')
    .getRawAndEntities<Record<string, unknown>>();
  const values = new Map(raw.map((row) => [String(row[`${query.alias}_id`]), row['keyset_value']]));
  return { rows: entities, valueOf: (row) => (values.get(row.id) ?? null) as SortValue };
}
