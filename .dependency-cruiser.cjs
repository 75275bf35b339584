/**
 * The layout's rules (issue 16, STYLE.md "The shape of the project"), checked by
 * `npm run lint` and so by CI: no import cycles; solver/ pure; db/ below the server;
 * web/ only the shared wire protocol, and only its types.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order and ownership unclear; break them.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'solver-is-pure',
      severity: 'error',
      comment: 'solver/ imports nothing of the project outside solver/ (STYLE.md: pure core).',
      from: { path: '^solver/' },
      to: { pathNot: ['^solver/', '^node_modules/'] },
    },
    {
      name: 'solver-no-node-builtins',
      severity: 'error',
      comment: 'No node:* (or other built-in) module in the solver: it does no I/O.',
      from: { path: '^solver/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'solver-no-server-packages',
      severity: 'error',
      comment: 'No server or database package in the solver (test/solver/purity.test.ts).',
      from: { path: '^solver/' },
      to: { path: '^node_modules/(zod|drizzle-orm|hono|postgres|@electric-sql|@hono)/' },
    },
    {
      name: 'server-reaches-solver-through-bridge',
      severity: 'error',
      comment:
        'One bridge to the solver (issue 16): rows → solver input → plan live in ' +
        'server/solver-bridge/. insertion-schedule.ts is let through until the fast estimate ' +
        'moves into solver/.',
      from: {
        path: '^server/',
        pathNot: ['^server/solver-bridge/', '^server/suggestions/insertion-schedule\\.ts$'],
      },
      to: { path: '^solver/' },
    },
    {
      name: 'db-below-server',
      severity: 'error',
      comment: 'db/ is the database layer: it imports nothing from server/, solver/, bench/, web/.',
      from: { path: '^db/' },
      to: { path: '^(server|solver|bench|web|test)/' },
    },
    {
      name: 'server-not-from-bench-or-test',
      severity: 'error',
      comment: 'Production code does not depend on benchmarks or tests.',
      from: { path: '^server/' },
      to: { path: '^(bench|test)/' },
    },
    {
      name: 'web-only-protocol',
      severity: 'error',
      comment:
        'web/ (the browser app) imports only web/ itself, the shared wire protocol and packages.',
      from: { path: '^web/' },
      to: { pathNot: ['^web/', '^server/live/protocol\\.ts$', '^node_modules/'] },
    },
    {
      name: 'web-protocol-types-only',
      severity: 'error',
      comment:
        'web/ takes only TYPES from server/live/protocol.ts (import type): its values pull all ' +
        'of zod into the bundle; the few it needs are mirrored in web/live/protocol.ts.',
      from: { path: '^web/' },
      to: { path: '^server/live/protocol\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-no-node-builtins',
      severity: 'error',
      comment: 'web/ runs in the browser: no node:* module.',
      from: { path: '^web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing package.',
      from: {},
      // k6 scripts (bench/k6/) import k6's built-in modules, which only the k6 binary has.
      to: { couldNotResolve: true, pathNot: '^k6(/|$)' },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules' },
    exclude: { path: '^(data|web/dist|bench/data|bench/results)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
