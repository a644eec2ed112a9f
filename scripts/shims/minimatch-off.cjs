// minimatch (with brace-expansion and balanced-match: 14 KB minified), in its place in client.js
// (scripts/build.mjs, plugin `lsp-shims`): vscode-languageclient requires it in three modules, and
// the client never runs it. fileOperations.js and notebook.js are features the server never offers
// (features-off.cjs); diagnostic.js's matchResource walks the document selector's filters in order
// and answers false at the first that names a language, before any glob: client/src/extension.ts's
// selector begins with { scheme: 'file', language: 'policy-report' } and gives no
// `diagnosticPullOptions.match`.
// test/unit/package-shims.test.ts holds the library and the client to that. Asked anyway, it throws.
'use strict';

class Minimatch {
  constructor(pattern) {
    throw new Error(`minimatch is not in policy-report's client (scripts/shims/minimatch-off.cjs): no glob is matched there (${pattern})`);
  }
}

module.exports = { Minimatch };
