// vscode-languageserver as our server's modules import it (scripts/build.mjs, serverLazy): the library
// evaluated at its first use, when `policy-report lsp` starts the server (serve.ts), not when the
// bundle loads. The CLI's other commands, the index worker and the client (which loads out/cli.js for
// its commands) never evaluate it, nor the protocol library it requires (out/lsp-protocol.js), nor
// its check of `--clientProcessId` in process.argv (a timer that exits with the client). esbuild
// reads an import of a CommonJS module as a property of it at each use (`lib.CodeActionKind`), so a
// prototype that loads the library answers every name it exports.
'use strict';
let lib;
const load = () => (lib ??= require('vscode-languageserver/lib/node/main.js'));
module.exports = Object.create(new Proxy({}, { get: (_, key) => load()[key] }), { __esModule: { value: true } });
