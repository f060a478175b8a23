/** Layering rules (STYLE.md), checked in `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make module initialisation order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      comment: 'Libraries are reusable; only the composition root (apps/) wires them.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'core-imports-no-domain',
      severity: 'error',
      comment: 'libs/core is the platform; domains depend on it, never the reverse.',
      from: { path: '^libs/core/' },
      to: { path: '^libs/(?!core/)' },
    },
    {
      name: 'domain-through-public-api',
      severity: 'error',
      comment: 'A domain reaches another domain only through its index (exported services).',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'domains-hold-no-demo',
      severity: 'error',
      comment:
        "Demo data is seeded by the one ordered seeder in libs/demo-data through the domains' public services; no domain imports it.",
      from: { path: '^libs/(?!demo-data/)' },
      to: { path: '^libs/demo-data/' },
    },
    {
      name: 'demo-data-stands-alone',
      severity: 'error',
      comment:
        'The demo data itself (people, organisations) is read by the identity provider and the tests: only its seeder reaches the domains.',
      from: { path: '^libs/demo-data/src/(?!seeder/)' },
      to: { path: '^libs/(?!demo-data/)' },
    },
    {
      name: 'migrations-stand-alone',
      severity: 'error',
      comment: 'A migration is frozen SQL; it must not change when entities or services do.',
      // Its tests may compare a frozen copy with the code it was taken from.
      from: { path: '^migrations/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(libs|apps)/' },
    },
    {
      name: 'web-stands-alone',
      severity: 'error',
      comment:
        'The web app runs in the browser: it speaks to the API over GraphQL only, never imports server code.',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|migrations|scripts|bench|test|apps/(?!web/))' },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      comment: 'The API serves the built web app as files; it does not import its code.',
      from: { path: '^(libs|apps/(?!web/)|migrations|scripts)' },
      to: { path: '^apps/web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
