// Builds the extension with esbuild: client, server and CLI as self-contained CommonJS bundles
// (the ESM-only parser packages are bundled in), and every test file as its own bundle.
// Type checking is separate: `npm run typecheck` (tsc --noEmit).
// `--production`: only the client, server and CLI, minified, their source maps written beside them
// without a link (the .vsix leaves *.map out); `--outdir DIR` writes them there instead of out/.
// The LSP protocol library ships once, in out/lsp-protocol.js, which the client and the server share.
// The default catalog and the section snippets ship once: the client, server and CLI bundles read
// the files shipped beside them (out/default-catalog.yaml, snippets/policy-report.json) when they
// load, rather than carrying a second copy; the test bundles embed them.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, realpathSync, statSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { aliases } from './aliases.mjs';
import { shippedCatalog } from './shipped-catalog.mjs';
import { serverLazy } from './server-lazy.mjs';

const root = new URL('..', import.meta.url).pathname;
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const outIndex = process.argv.indexOf('--outdir');
const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, 'out');
// `--metafile FILE`: esbuild's metafile of the client, server and CLI bundles (which module takes
// how many bytes of each), for `node scripts/bundle-size.mjs FILE` or esbuild's analyzer.
const metaIndex = process.argv.indexOf('--metafile');
const metaFile = metaIndex > 0 ? resolve(process.argv[metaIndex + 1]) : undefined;

function walk(dir, pred, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'fixtures') walk(p, pred, out);
    } else if (pred(p)) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['vscode'],
  loader: { '.yaml': 'text' },
  // The built-in section snippets reach the core as a module (server/src/builtin.d.ts), not a path.
  // jszip's readable-stream is a copy of Node's own stream module: Node's is used.
  // The bundles run in Node: what jszip carries for browsers is Node's own (scripts/shims: pako on
  // node:zlib, lie = Promise, setimmediate = nothing to install).
  alias: {
    ...aliases,
    'readable-stream': 'node:stream',
    pako: './scripts/shims/pako.cjs',
    lie: './scripts/shims/native-promise.cjs',
    setimmediate: './scripts/shims/setimmediate.cjs',
    // markdown-it's linkify-it, never asked with `linkify: false` (parse/markdown.ts): scripts/shims/linkify-off.cjs.
    'linkify-it': './scripts/shims/linkify-off.cjs',
    // yaml's ES module build (the one it gives bundlers for browsers; the same code as its CommonJS
    // build for Node, which esbuild cannot tree-shake): the bundles keep only the parts they use.
    yaml: './node_modules/yaml/browser/index.js',
  },
  // Prefer ES modules: some packages (jsonc-parser) ship a UMD "main" that bundlers cannot follow.
  mainFields: ['module', 'main'],
  // Vietnamese text as UTF-8, not \uXXXX escapes (6 bytes each): Node reads the bundles as UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
  absWorkingDir: root,
};

// The core imports its data by name (server/src/builtin.d.ts, core/catalog/load.ts); in the shipped
// bundles these modules read the one copy the .vsix has. Go to definition opens the catalog file
// (lsp/convert.ts); VS Code reads the snippets file (package.json contributes.snippets).
const shippedData = {
  name: 'shipped-data',
  setup(build) {
    const files = {
      catalog: "readFileSync(join(__dirname, 'default-catalog.yaml'), 'utf8')",
      snippets: "JSON.parse(readFileSync(join(__dirname, '..', 'snippets', 'policy-report.json'), 'utf8'))",
    };
    build.onResolve({ filter: /(^|[\\/])default-catalog\.yaml$/ }, () => ({ path: 'catalog', namespace: 'shipped-data' }));
    build.onResolve({ filter: /^policy-report:section-snippets$/ }, () => ({ path: 'snippets', namespace: 'shipped-data' }));
    build.onLoad({ filter: /.*/, namespace: 'shipped-data' }, (args) => ({
      contents: `import { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nexport default ${files[args.path]};\n`,
      loader: 'js',
    }));
  },
};

// The LSP protocol (vscode-languageserver-protocol, with vscode-jsonrpc and the protocol's types)
// is the same package under the client (vscode-languageclient) and the server
// (vscode-languageserver): out/lsp-protocol.js holds it once, and the client, server and CLI
// bundles require it from beside them.
const sharedProtocol = {
  name: 'shared-protocol',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-protocol(\/|\/node)?$/ }, () => ({ path: './lsp-protocol.js', external: true }));
  },
};
// markdown-it imports decodeHTML and decodeHTMLStrict from `entities`, whose decoder walks a 47 KB trie
// of the HTML names (and whose index also carries the encoder and its 23 KB table): scripts/shims/
// entities-decode.cjs gives the same two functions on scripts/shims/entities-table.cjs, a 14 KB string
// of the names that this plugin writes at build time from the trie itself (the module evaluated here,
// its exports bundled in its place). xmldom's own copy of the HTML entity table (lib/entities.js,
// 29 KB) is scripts/shims/xmldom-entities.cjs, which looks names up with that same decoder.
const shims = join(root, 'scripts', 'shims');
const entitiesTable = join(shims, 'entities-table.cjs');
const entitiesDecode = {
  name: 'entities-decode',
  setup(build) {
    build.onResolve({ filter: /^entities$/ }, (args) => (/[\\/]markdown-it[\\/]/.test(args.importer) ? { path: join(shims, 'entities-decode.cjs') } : undefined));
    build.onResolve({ filter: /^\.\/entities$/ }, (args) => (/[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]/.test(args.importer) ? { path: join(shims, 'xmldom-entities.cjs') } : undefined));
    build.onLoad({ filter: /[\\/]scripts[\\/]shims[\\/]entities-table\.cjs$/ }, () => ({
      contents: `module.exports = ${JSON.stringify(createRequire(import.meta.url)(entitiesTable))};\n`,
      loader: 'js',
    }));
  },
};
// What markdown-it carries that the bundles' one parser (parse/markdown.ts: commonmark preset,
// linkify and typographer off, parse only) never runs — the linkify, typographer and strikethrough
// rules and the HTML renderer — is scripts/shims/markdown-it-off.mjs: each module, imported from
// markdown-it/lib, becomes a rule (or renderer) that throws, saying why. Not in the test bundles,
// whose markdown-it renders (the preview's tests, the CommonMark spec).
const MARKDOWN_IT_OFF = {
  'renderer.mjs': "export { RendererOff as default } from './markdown-it-off.mjs';",
  'rules_inline/strikethrough.mjs': "import { pairOff } from './markdown-it-off.mjs';\nexport default pairOff('rules_inline/strikethrough.mjs');",
};
for (const part of ['rules_core/linkify.mjs', 'rules_core/replacements.mjs', 'rules_core/smartquotes.mjs', 'rules_inline/linkify.mjs']) {
  MARKDOWN_IT_OFF[part] = `import { ruleOff } from './markdown-it-off.mjs';\nexport default ruleOff('${part}');`;
}
const markdownItOff = {
  name: 'markdown-it-off',
  setup(build) {
    build.onResolve({ filter: /^\.\/(renderer|rules_core\/\w+|rules_inline\/\w+)\.mjs$/ }, (args) =>
      /[\\/]markdown-it[\\/]lib$/.test(args.resolveDir) && MARKDOWN_IT_OFF[args.path.slice(2)] ? { path: args.path.slice(2), namespace: 'markdown-it-off' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'markdown-it-off' }, (args) => ({ contents: MARKDOWN_IT_OFF[args.path], resolveDir: shims, loader: 'js' }));
  },
};
// vscode-languageclient requires semver only to check VS Code's version against a caret range
// (lib/node/main.js checkVersion): scripts/shims/semver-{parse,satisfies}.cjs, not the 20 KB library.
// Its language features our server never offers (semantic tokens, formatting, rename, code lens,
// file operations, notebook sync…: FEATURES there): scripts/shims/features-off.cjs.
// Its minimatch, which the client never runs (the selector's first filter names a language): scripts/shims/minimatch-off.cjs.
const featuresOff = new Set(Object.keys(createRequire(import.meta.url)(join(shims, 'features-off.cjs')).FEATURES));
// The server library's features our server never uses (semantic tokens, call and type hierarchies, file
// operations, notebook sync…: FEATURES there): scripts/shims/server-features-off.cjs.
// Its deprecated `Files` helpers (lib/node/files.js), which the server never calls: scripts/shims/server-files-off.cjs.
const serverFeaturesOff = new Set(Object.keys(createRequire(import.meta.url)(join(shims, 'server-features-off.cjs')).FEATURES));
const lspShims = {
  name: 'lsp-shims',
  setup(build) {
    build.onResolve({ filter: /^\.\/\w+$/ }, (args) =>
      /[\\/]vscode-languageclient[\\/]lib[\\/]common[\\/]client\.js$/.test(args.importer) && featuresOff.has(args.path.slice(2)) ? { path: args.path.slice(2), namespace: 'features-off' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'features-off' }, (args) => ({
      contents: `module.exports = require('./features-off.cjs').featuresOff(${JSON.stringify(args.path)});\n`,
      resolveDir: shims,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/\w+$/ }, (args) =>
      /[\\/]vscode-languageserver[\\/]lib[\\/]common[\\/](server|api)\.js$/.test(args.importer) && serverFeaturesOff.has(args.path.slice(2)) ? { path: args.path.slice(2), namespace: 'server-features-off' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'server-features-off' }, (args) => ({
      contents: `module.exports = require('./server-features-off.cjs').serverFeaturesOff(${JSON.stringify(args.path)});\n`,
      resolveDir: shims,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/files$/ }, (args) => (/[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]main\.js$/.test(args.importer) ? { path: join(shims, 'server-files-off.cjs') } : undefined));
    build.onResolve({ filter: /^minimatch$/ }, (args) => (/[\\/]vscode-languageclient[\\/]/.test(args.importer) ? { path: join(shims, 'minimatch-off.cjs') } : undefined));
    build.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, (args) =>
      /[\\/]vscode-languageclient[\\/]/.test(args.importer) ? { path: join(root, 'scripts', 'shims', `semver-${args.path.split('/').pop()}.cjs`) } : undefined,
    );
  },
};
// csv-parse's normalize_options, for the one set of options core/history/csv.ts passes: scripts/shims/csv-options.mjs.
const csvOptions = {
  name: 'csv-options',
  setup(build) {
    build.onResolve({ filter: /^\.\/normalize_options\.js$/ }, (args) => (/[\\/]csv-parse[\\/]lib[\\/]api$/.test(args.resolveDir) ? { path: join(shims, 'csv-options.mjs') } : undefined));
  },
};
// vscode-uri's module builds (lib/esm/index.mjs, lib/umd/index.js) are each one prebuilt bundle of the
// URI class, its Utils and a copy of Node's path module for browsers; lsp/files.ts calls URI.file and
// toString only: the bundles take the package's own URI module (lib/umd/uri.js, CommonJS) alone.
const uriAlone = {
  name: 'uri-alone',
  setup(build) {
    build.onResolve({ filter: /^vscode-uri$/ }, () => ({ path: join(root, 'node_modules', 'vscode-uri', 'lib', 'umd', 'uri.js') }));
  },
};
// jszip's modules for a base64 or binary-string input or output and for Node streams, which our callers
// never give or ask (they pass bytes and strings): scripts/shims/jszip-off.cjs, each a refusal.
const jszipOffParts = new Set(Object.keys(createRequire(import.meta.url)(join(shims, 'jszip-off.cjs')).OFF));
// node_modules may be a link (a worktree's): esbuild names the files by their real paths.
const jszipLib = realpathSync(join(root, 'node_modules', 'jszip', 'lib'));
const jszipOff = {
  name: 'jszip-off',
  setup(build) {
    // (the modules' own names, from the shim's table: "base64", "StringReader", …)
    const names = [...jszipOffParts].map((part) => part.split('/').pop().replace(/\.js$/, ''));
    build.onResolve({ filter: new RegExp(`(^|/)(${names.join('|')})$`) }, (args) => {
      if (!args.resolveDir.startsWith(jszipLib)) return undefined;
      const part = relative(jszipLib, resolve(args.resolveDir, `${args.path}.js`)).split('\\').join('/');
      return jszipOffParts.has(part) ? { path: part, namespace: 'jszip-off' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'jszip-off' }, (args) => ({
      contents: `module.exports = require('./jszip-off.cjs').jszipOff(${JSON.stringify(args.path)});\n`,
      resolveDir: shims,
      loader: 'js',
    }));
  },
};
// serverLazy: vscode-languageserver evaluated at its first use (scripts/server-lazy.mjs).
const protocol = {
  ...common,
  stdin: { contents: "module.exports = require('vscode-languageserver-protocol/node');", resolveDir: root, sourcefile: 'lsp-protocol.js' },
  outfile: join(outDir, 'lsp-protocol.js'),
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const testEntries = walk(join(root, 'test'), (p) => /\.ts$/.test(p)).map((p) => relative(root, p));

const main = { ...common, plugins: [shippedData, sharedProtocol, entitiesDecode, markdownItOff, lspShims, csvOptions, uriAlone, jszipOff, serverLazy], entryPoints: { client: 'client/src/extension.ts', server: 'server/src/server.ts', cli: 'server/src/cli.ts', boot: 'server/src/boot.ts' }, outdir: outDir };
const builds = production
  ? [main, protocol].map((b) => ({ ...b, minify: true, sourcemap: 'external', legalComments: 'none' }))
  : [main, protocol, { ...common, entryPoints: testEntries, outdir: join(outDir, 'test'), outbase: 'test', external: ['vscode', 'mocha', 'typescript'] }];

// The default catalog, as a file next to the bundles: they read it (shippedData), Go to definition
// opens it; without the maintainers' note lines (scripts/shipped-catalog.mjs).
writeFileSync(join(outDir, 'default-catalog.yaml'), shippedCatalog(readFileSync(join(root, 'server/src/core/catalog/default-catalog.yaml'), 'utf8')));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(metaFile && b === builds[0] ? { ...b, metafile: true } : b)));
  if (metaFile) writeFileSync(metaFile, JSON.stringify(results[0].metafile));
  if (production) await compressShipped();
}

/**
 * The bundles the .vsix ships (.vscodeignore), minified a second time by terser after esbuild: its
 * compressor inlines, folds and drops what esbuild's minifier keeps, and it mangles the bundle's
 * top-level names (a CommonJS bundle's top level is its module's scope; what it exports goes through
 * `module.exports`, never by a name). Only terser's safe transforms (no `unsafe*` option), so the
 * code does what it did; the source map goes through both steps. About 20 KB less in the .vsix
 * (docs/performance.md, "Package size"). Not the test bundles or the development build.
 */
async function compressShipped() {
  const { minify } = await import('terser');
  for (const name of ['cli.js', 'client.js', 'lsp-protocol.js', 'boot.js']) {
    const file = join(outDir, name);
    const r = await minify(readFileSync(file, 'utf8'), {
      compress: { passes: 2 },
      mangle: { toplevel: true },
      toplevel: true,
      format: { comments: false },
      sourceMap: { content: readFileSync(`${file}.map`, 'utf8'), filename: name },
    });
    writeFileSync(file, r.code);
    writeFileSync(`${file}.map`, typeof r.map === 'string' ? r.map : JSON.stringify(r.map));
  }
}
