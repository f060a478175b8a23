import { rulesToAST } from '@casl/ability/extra';
import type { Condition } from '@ucast/core';
import type { Action, AppAbility, SubjectType } from './ability';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** An array column: a rule's `field: value` means "the array contains value" (GIN-indexable `@>`). */
export interface ArrayColumn {
  array: string;
  elementType: 'uuid' | 'text';
}

/**
 * Maps a rule field (e.g. `consortiumId`) to its SQL expression (e.g. `membership.consortium_id`),
 * or to an array column (e.g. a contract's party organisations), matched as CASL matches arrays.
 */
export type ColumnMap = Readonly<Record<string, string | ArrayColumn>>;

export function arrayColumn(array: string, elementType: ArrayColumn['elementType'] = 'uuid'): ArrayColumn {
  return { array, elementType };
}

/**
 * The ability's rules for (action, subject) as one SQL condition: `can` rules OR'ed, `cannot`
 * rules AND NOT'ed (CASL's rulesToAST), no rule at all = FALSE. Lists use it as their WHERE,
 * so what a caller can enumerate is decided by the database, never filtered in memory.
 */
export function accessibleBy(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  columns: ColumnMap,
  prefix = 'auth',
): SqlCondition {
  const ast: Condition | null = rulesToAST(ability, action, subjectType);
  if (!ast) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const sql = toSql(ast, columns, (value) => {
    const name = `${prefix}_${Object.keys(params).length}`;
    params[name] = value;
    return name;
  });
  return { sql, params };
}

function toSql(node: Condition, columns: ColumnMap, bind: (value: unknown) => string): string {
  const { operator } = node;
  if (operator === 'and' || operator === 'or') {
    const parts = (node.value as Condition[]).map((child) => toSql(child, columns, bind));
    if (parts.length === 0) return operator === 'and' ? 'TRUE' : 'FALSE';
    return `(${parts.join(operator === 'and' ? ' AND ' : ' OR ')})`;
  }
  if (operator === 'not') {
    // A comparison with NULL is unknown in SQL, and NOT unknown is unknown (the row is dropped),
    // while CASL's "not" of a false test is true: IS NOT TRUE treats unknown as false first.
    const [inner] = node.value as Condition[];
    return inner ? `((${toSql(inner, columns, bind)}) IS NOT TRUE)` : 'TRUE';
  }
  return fieldToSql(node as Condition & { field: string }, columns, bind);
}

function fieldToSql(
  node: Condition & { field: string },
  columns: ColumnMap,
  bind: (value: unknown) => string,
): string {
  const column = columns[node.field];
  if (!column) throw new Error(`No SQL column is mapped for the rule field "${node.field}"`);
  if (typeof column !== 'string') return arrayFieldToSql(node, column, bind);
  const value = node.value;
  switch (node.operator) {
    case 'eq':
      return value === null ? `${column} IS NULL` : `${column} = :${bind(value)}`;
    case 'ne':
      return value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM :${bind(value)}`;
    case 'in':
      return inList(column, value as unknown[], bind);
    case 'nin':
      // CASL: NULL is not in a list without NULL; SQL: NULL NOT IN (...) is unknown.
      return `((${inList(column, value as unknown[], bind)}) IS NOT TRUE)`;
    default:
      throw new Error(`The rule operator "${node.operator}" has no SQL translation yet`);
  }
}

/** `column IN (...)`, where a NULL in the list matches NULL as CASL does (SQL's IN never does). */
function inList(column: string, values: unknown[], bind: (value: unknown) => string): string {
  const present = values.filter((value) => value !== null);
  const parts = present.length > 0 ? [`${column} IN (:...${bind(present)})`] : [];
  if (present.length < values.length) parts.push(`${column} IS NULL`);
  if (parts.length === 0) return 'FALSE';
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

function arrayFieldToSql(
  node: Condition & { field: string },
  column: ArrayColumn,
  bind: (value: unknown) => string,
): string {
  const { array, elementType } = column;
  switch (node.operator) {
    case 'eq':
      return `${array} @> CAST(ARRAY[:${bind(node.value)}] AS ${elementType}[])`;
    case 'ne':
      return `((${array} @> CAST(ARRAY[:${bind(node.value)}] AS ${elementType}[])) IS NOT TRUE)`;
    case 'in': {
      const values = node.value as unknown[];
      return values.length === 0
        ? 'FALSE'
        : `${array} && CAST(ARRAY[:...${bind(values)}] AS ${elementType}[])`;
    }
    default:
      throw new Error(`The rule operator "${node.operator}" has no SQL translation on an array column yet`);
  }
}
