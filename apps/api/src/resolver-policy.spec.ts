import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function resolverFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : resolverFiles(path);
    return name.endsWith('.resolver.ts') ? [path] : [];
  });
}

interface Operation {
  file: string;
  kind: string;
  name: string;
  guarded: boolean;
}

/** Each @Query/@Mutation/@Subscription handler with whether it names a policy. */
function operations(file: string): Operation[] {
  const source = readFileSync(file, 'utf8');
  const publicClass = /@Public\(\)\s*@Resolver/.test(source);
  const pattern =
    /((?:@\w+\([^@]*?\)\s*)*?)@(Query|Mutation|Subscription)\(([\s\S]*?)\)\s*((?:@\w+\([^)]*\)\s*)*)(?:async\s+)?(\w+)\(([\s\S]*?)\)\s*(?::[^{]*)?\{/g;
  const found: Operation[] = [];
  for (const match of source.matchAll(pattern)) {
    const [, before = '', kind = '', , after = '', name = '', parameters = ''] = match;
    const isPublic = publicClass || /@Public\(\)/.test(before + after);
    found.push({
      file: relative(ROOT, file),
      kind,
      name,
      guarded: isPublic || parameters.includes('@CurrentCaller()'),
    });
  }
  return found;
}

/**
 * Every root operation either reads the caller (@CurrentCaller, whose ability the service then
 * checks) or is declared @Public() on purpose. A handler with neither fails CI.
 */
describe('resolver policies', () => {
  const all = ['libs', 'apps'].flatMap((folder) => resolverFiles(join(ROOT, folder))).flatMap(operations);

  it('finds the operations', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(
    all.map((operation) => [`${operation.kind} ${operation.name} (${operation.file})`, operation] as const),
  )('%s has a policy', (_label, operation) => {
    expect(operation.guarded).toBe(true);
  });

  it('detects a handler without a policy', () => {
    const sample = operations(join(ROOT, 'libs', 'organization', 'src', 'organization.resolver.ts'));
    expect(sample.map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['organization', 'organizations', 'createOrganization']),
    );
  });
});
