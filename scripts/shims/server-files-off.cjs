// vscode-languageserver's lib/node/files.js (about 3 KB minified), in its place in the bundles
// (scripts/build.mjs, plugin `lsp-shims`): the deprecated helpers of the `Files` namespace that
// lib/node/main.js exports and nothing else of the library calls — uriToFilePath, resolve,
// resolveModulePath, FileSystem, and the global npm and yarn folders, found by spawning `npm` and `yarn`. Our
// server never calls them (it names files with vscode-uri: lsp/files.ts); each throws, saying why.
// test/unit/package-shims.test.ts compares the exports with the library's and holds main.js and
// server/src to that.
'use strict';

const off = (name) =>
  function () {
    throw new Error(`vscode-languageserver's Files.${name} is not in policy-report's language server (scripts/shims/server-files-off.cjs): the server does not use it`);
  };

for (const name of ['uriToFilePath', 'resolve', 'resolveGlobalNodePath', 'resolveGlobalYarnPath', 'resolveModulePath']) exports[name] = off(name);
exports.FileSystem = { isCaseSensitive: off('FileSystem.isCaseSensitive'), isParent: off('FileSystem.isParent') };
