import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Share of sampled CPU time by where the code lives. */
  byArea: { area: string; share: number }[];
  /** The functions with the most self time. */
  topFunctions: { name: string; where: string; share: number }[];
}

/** Where a frame's code lives, in words an operator understands. */
const AREAS: [RegExp, string][] = [
  [/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//, 'pg driver (protocol, parsing rows)'],
  [/node_modules\/typeorm\//, 'TypeORM (query building, entity mapping)'],
  [/node_modules\/(graphql|@graphql-tools|graphql-scalars)\//, 'graphql-js (parse, validate, execute)'],
  [/node_modules\/(mercurius|@nestjs\/mercurius)\//, 'Mercurius'],
  [/node_modules\/@nestjs\//, 'NestJS (guards, pipes, resolver wrappers)'],
  [/node_modules\/(fastify|light-my-request|find-my-way|avvio)/, 'Fastify (HTTP)'],
  [/node_modules\/(@casl|@ucast)\//, 'CASL (abilities)'],
  [/node_modules\/(class-validator|class-transformer)\//, 'class-validator / class-transformer'],
  [/node_modules\/(pino|pino-http|nestjs-pino|sonic-boom)/, 'logging (pino)'],
  [/node_modules\/graphql-query-complexity\//, 'query cost analysis'],
  [/node_modules\/dataloader\//, 'DataLoader'],
  [/node_modules\//, 'other libraries'],
  [/\/dist\/libs\/core\//, 'Tetrad platform code (libs/core)'],
  [/\/dist\/(libs|apps)\//, 'Tetrad domain code'],
  [/^node:|^internal\//, 'Node.js internals (streams, timers, crypto)'],
];

function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8 / native';
    return 'V8 / native';
  }
  return AREAS.find(([pattern]) => pattern.test(url))?.[1] ?? 'Node.js internals (streams, timers, crypto)';
}

export function summarizeProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const busy = profile.nodes.filter((node) => areaOf(node) !== 'idle');
  const total = busy.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
  const areas = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; hits: number }>();
  for (const node of busy) {
    const hits = node.hitCount ?? 0;
    const area = areaOf(node);
    areas.set(area, (areas.get(area) ?? 0) + hits);
    const where = `${node.callFrame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    const key = `${node.callFrame.functionName}@${where}`;
    const entry = functions.get(key) ?? {
      name: node.callFrame.functionName || '(anonymous)',
      where,
      hits: 0,
    };
    entry.hits += hits;
    functions.set(key, entry);
  }
  return {
    byArea: [...areas]
      .map(([area, hits]) => ({ area, share: hits / total }))
      .sort((a, b) => b.share - a.share),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, top)
      .map(({ name, where, hits }) => ({ name, where, share: hits / total })),
  };
}
