/**
 * The layers the team agreed on, checked on every `npm test` (`npm run lint`).
 * lib/ is pure and never reaches up into views or shells; only the named glue modules talk to the
 * extension APIs; tools under scripts/ never lean on test code; nothing imports itself round.
 */
module.exports = {
  forbidden: [
    {
      name: 'lib-stays-below-ui',
      comment: 'lib/ holds pure modules: it never imports views (components/) or shells (entrypoints/).',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'extension-api-only-in-glue',
      comment:
        'Only the shells and the named glue (the protocol, tab injection, the popup client, translations) touch wxt/browser; everything else stays testable in Node.',
      severity: 'error',
      from: {
        path: '^(lib|components|cli|scripts)/',
        pathNot: '^(lib/messages\\.ts|lib/tabs\\.ts|components/i18n\\.ts|components/popup/client\\.ts)$',
      },
      to: { path: 'node_modules/wxt/.*browser' },
    },
    {
      name: 'scripts-not-on-tests',
      comment: 'Evaluations, benchmarks and the demo do not import test code; shared helpers live in scripts/lib/.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
