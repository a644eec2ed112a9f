// vscode-languageclient's notebook document sync (lib/common/notebook.js, required by its
// client.js alone), for a server that syncs no notebooks: policy-report's server declares no
// `notebookDocumentSync` (server/src/lsp/server.ts) and reports are files, never notebook cells.
// The client registers this feature as it does the library's; without a registration the
// library's answers the same (no state, handles nothing), and it carries 15 KB more, with its
// cell-by-cell sync and its listeners on every text document. Two differences: the client does not
// advertise notebook sync in its capabilities (it has none to offer), and a server that asks for
// it anyway (in its capabilities, or registering it later) gets an error saying why, not a silent
// nothing. scripts/build.mjs resolves the client's `./notebook` here; test/unit/package-shims.test.ts
// compares it with the library's feature.
'use strict';
const proto = require('vscode-languageserver-protocol');

const why = () =>
  new Error('notebook document sync is not in policy-report\'s client (scripts/shims/notebook-off.cjs): its server syncs no notebooks');

class NotebookDocumentSyncFeature {
  constructor(client) {
    this.client = client;
    this.registrationType = proto.NotebookDocumentSyncRegistrationType.type;
  }
  getState() {
    return { kind: 'document', id: this.registrationType.method, registrations: false, matches: false };
  }
  fillClientCapabilities() {}
  preInitialize(capabilities) {
    if (capabilities.notebookDocumentSync !== undefined) throw why();
  }
  initialize(capabilities) {
    if (capabilities.notebookDocumentSync !== undefined) throw why();
  }
  register() {
    throw why();
  }
  unregister() {}
  clear() {}
  handles() {
    return false;
  }
  getProvider() {
    return undefined;
  }
}
NotebookDocumentSyncFeature.CellScheme = 'vscode-notebook-cell';
exports.NotebookDocumentSyncFeature = NotebookDocumentSyncFeature;
