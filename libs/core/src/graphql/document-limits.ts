import {
  Kind,
  Lexer,
  OperationTypeNode,
  Source,
  TokenKind,
  getOperationAST,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { InvalidInputError } from '../errors/domain-error';

/** What a GraphQL request may contain; every limit is checked before any resolver runs. */
export interface DocumentLimits {
  /** Largest query text, in UTF-8 bytes (checked before lexing). */
  maxDocumentBytes: number;
  /** Most lexical tokens in a document (checked before parsing). */
  maxTokens: number;
  /** Deepest nesting of `{`, `[` and `(` in the text (checked before parsing: no stack overflow). */
  maxNesting: number;
  maxAliases: number;
  maxDirectives: number;
  maxFragments: number;
  /** Longest chain of fragments spreading fragments. */
  maxFragmentChain: number;
  /** Deepest list/object nesting of one input value (argument, variable, JSON). */
  maxInputDepth: number;
  /** Most items in one input list and most keys in one input object. */
  maxInputItems: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxDocumentBytes: 64 * 1024,
  maxTokens: 5000,
  maxNesting: 64,
  maxAliases: 30,
  maxDirectives: 50,
  maxFragments: 50,
  maxFragmentChain: 10,
  maxInputDepth: 20,
  maxInputItems: 1000,
};

/** A request refused before any resolver ran; `statusCode` is the HTTP status it answers with. */
export class RefusedRequestError extends InvalidInputError {
  constructor(
    message: string,
    readonly statusCode = 400,
    field?: string,
  ) {
    super(message, field ? [{ field, message }] : []);
  }
}

/** Before parsing: size, tokens and nesting, in one pass of graphql's own lexer. */
export function assertDocumentText(source: string, limits: DocumentLimits): void {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    throw new RefusedRequestError(
      `The query is ${bytes} bytes long and the limit is ${limits.maxDocumentBytes}. Send a shorter query.`,
      413,
    );
  }
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let depth = 0;
  // The lexer raises its own syntax errors (GraphQLError, BAD_USER_INPUT).
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    tokens += 1;
    if (tokens > limits.maxTokens) {
      throw new RefusedRequestError(
        `The query has more than ${limits.maxTokens} tokens. Send a shorter query.`,
      );
    }
    if (
      token.kind === TokenKind.BRACE_L ||
      token.kind === TokenKind.BRACKET_L ||
      token.kind === TokenKind.PAREN_L
    ) {
      depth += 1;
      if (depth > limits.maxNesting) {
        throw new RefusedRequestError(
          `The query nests brackets more than ${limits.maxNesting} deep. Send a flatter query.`,
        );
      }
    } else if (
      token.kind === TokenKind.BRACE_R ||
      token.kind === TokenKind.BRACKET_R ||
      token.kind === TokenKind.PAREN_R
    ) {
      depth -= 1;
    }
  }
}

/**
 * After parsing, before validation (whose rules are recursive and some quadratic): aliases,
 * directives, fragments, and every literal input value.
 */
export function assertDocumentShape(document: DocumentNode, limits: DocumentLimits): void {
  // Mercurius falls back to a JSON-encoded AST when the text does not parse: never accepted.
  if (!document.loc) throw new RefusedRequestError('The query is not valid GraphQL text.');
  const counts = { aliases: 0, directives: 0 };
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition.selectionSet);
    }
  }
  if (fragments.size > limits.maxFragments) {
    throw new RefusedRequestError(
      `The query defines ${fragments.size} fragments and the limit is ${limits.maxFragments}.`,
    );
  }
  assertFragmentChains(fragments, limits.maxFragmentChain);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      countDirectives(definition.directives, counts, limits, 'operation');
      for (const variable of definition.variableDefinitions ?? []) {
        if (variable.defaultValue) {
          assertLiteral(variable.defaultValue, `$${variable.variable.name.value}`, limits);
        }
      }
      walkSelections(definition.selectionSet, counts, limits);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      countDirectives(definition.directives, counts, limits, definition.name.value);
      walkSelections(definition.selectionSet, counts, limits);
    }
  }
}

function walkSelections(
  set: SelectionSetNode,
  counts: { aliases: number; directives: number },
  limits: DocumentLimits,
): void {
  for (const selection of set.selections) {
    countDirectives(selection.directives, counts, limits, 'selection');
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) {
        counts.aliases += 1;
        if (counts.aliases > limits.maxAliases) {
          throw new RefusedRequestError(
            `The query uses more than ${limits.maxAliases} aliases. Send fewer aliased fields or several requests.`,
          );
        }
      }
      assertArguments(selection.arguments, selection.name.value, limits);
      if (selection.selectionSet) walkSelections(selection.selectionSet, counts, limits);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walkSelections(selection.selectionSet, counts, limits);
    }
  }
}

function countDirectives(
  directives: readonly DirectiveNode[] | undefined,
  counts: { aliases: number; directives: number },
  limits: DocumentLimits,
  where: string,
): void {
  for (const directive of directives ?? []) {
    counts.directives += 1;
    if (counts.directives > limits.maxDirectives) {
      throw new RefusedRequestError(`The query uses more than ${limits.maxDirectives} directives.`);
    }
    assertArguments(directive.arguments, `@${directive.name.value} (${where})`, limits);
  }
}

function assertArguments(
  args: readonly ArgumentNode[] | undefined,
  owner: string,
  limits: DocumentLimits,
): void {
  for (const argument of args ?? [])
    assertLiteral(argument.value, `${owner}(${argument.name.value})`, limits);
}

function assertFragmentChains(fragments: Map<string, SelectionSetNode>, maxChain: number): void {
  const depthOf = new Map<string, number>();
  const visiting = new Set<string>();
  // Recursion is bounded by the fragment count (already limited); cycles are left to validation.
  const chain = (name: string): number => {
    const known = depthOf.get(name);
    if (known !== undefined) return known;
    const set = fragments.get(name);
    if (!set || visiting.has(name)) return 0;
    visiting.add(name);
    let deepest = 0;
    for (const spread of spreadsIn(set)) deepest = Math.max(deepest, chain(spread));
    visiting.delete(name);
    depthOf.set(name, deepest + 1);
    return deepest + 1;
  };
  for (const name of fragments.keys()) {
    if (chain(name) > maxChain) {
      throw new RefusedRequestError(
        `The query chains fragments more than ${maxChain} deep (fragment ${name}). Inline some of them.`,
      );
    }
  }
}

function spreadsIn(set: SelectionSetNode): string[] {
  const names: string[] = [];
  const pending = [set];
  for (let current = pending.pop(); current; current = pending.pop()) {
    for (const selection of current.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return names;
}

/** A literal's nesting is already bounded by maxNesting, so plain recursion is safe here. */
function assertLiteral(value: ValueNode, field: string, limits: DocumentLimits, depth = 0): void {
  switch (value.kind) {
    case Kind.STRING:
      assertText(value.value, field);
      return;
    case Kind.LIST:
      assertContainer(value.values.length, depth, field, limits);
      value.values.forEach((item, index) => assertLiteral(item, `${field}[${index}]`, limits, depth + 1));
      return;
    case Kind.OBJECT:
      assertContainer(value.fields.length, depth, field, limits);
      for (const entry of value.fields) {
        assertLiteral(entry.value, `${field}.${entry.name.value}`, limits, depth + 1);
      }
      return;
    default:
      return;
  }
}

/** Variables are plain JSON of any depth: walked without recursion. */
export function assertVariables(
  variables: Record<string, unknown> | undefined,
  limits: DocumentLimits,
): void {
  if (!variables || typeof variables !== 'object') return;
  const pending: { value: unknown; field: string; depth: number }[] = Object.entries(variables).map(
    ([name, value]) => ({ value, field: `$${name}`, depth: 0 }),
  );
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, field, depth } = item;
    if (typeof value === 'string') {
      assertText(value, field);
    } else if (Array.isArray(value)) {
      assertContainer(value.length, depth, field, limits);
      value.forEach((entry, index) =>
        pending.push({ value: entry, field: `${field}[${index}]`, depth: depth + 1 }),
      );
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      assertContainer(entries.length, depth, field, limits);
      for (const [key, entry] of entries) {
        assertText(key, `${field} (a key)`);
        pending.push({ value: entry, field: `${field}.${key}`, depth: depth + 1 });
      }
    }
  }
}

function assertContainer(size: number, depth: number, field: string, limits: DocumentLimits): void {
  if (depth >= limits.maxInputDepth) {
    throw new RefusedRequestError(
      `${field} nests lists or objects more than ${limits.maxInputDepth} deep. Send a flatter value.`,
      400,
      field,
    );
  }
  if (size > limits.maxInputItems) {
    throw new RefusedRequestError(
      `${field} has ${size} items and the limit is ${limits.maxInputItems}. Send fewer.`,
      400,
      field,
    );
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text the database can store: no NUL character and no unpaired UTF-16 surrogate. */
export function assertText(text: string, field: string): void {
  if (text.includes('\u0000')) {
    throw new RefusedRequestError(`${field} contains a NUL character (U+0000). Remove it.`, 400, field);
  }
  if (LONE_SURROGATE.test(text)) {
    throw new RefusedRequestError(
      `${field} contains invalid Unicode (an unpaired surrogate). Send well-formed text.`,
      400,
      field,
    );
  }
}

/**
 * GET may only query (browsers and caches send GETs on their own), and a subscription lives only
 * on the WebSocket: over HTTP its resolver would run as a plain field.
 */
export function assertTransport(
  document: DocumentNode,
  operationName: string | undefined,
  transport: { method: string; webSocket: boolean },
): void {
  if (transport.webSocket) return;
  const operation = getOperationAST(document, operationName)?.operation;
  if (operation === OperationTypeNode.SUBSCRIPTION) {
    throw new RefusedRequestError(
      'Subscriptions are served over WebSocket only (graphql-ws protocol at /graphql).',
      400,
    );
  }
  if (transport.method === 'GET' && operation !== OperationTypeNode.QUERY) {
    throw new RefusedRequestError(
      'Only queries may be sent with GET: send mutations with POST, subscriptions over WebSocket.',
      405,
    );
  }
}
