// The language features of vscode-languageserver that policy-report's server never uses — it
// registers completion, hover, code actions, document symbols, references, definition, inlay hints,
// executeCommand, pull diagnostics, progress, configuration, workspace folders and showDocument
// (server/src/lsp) — in place of the library's modules for them (scripts/build.mjs resolves the
// server's `./callHierarchy`, `./semanticTokens`, `./notebook`… here, FEATURES below). Each of those
// modules is a mixin that adds accessors to `connection.languages`, `.workspace` or `.notebooks`
// (`connection.languages.semanticTokens.on(…)`); here each accessor throws, saying why, so a server
// that reaches for one learns it at once instead of reading `undefined`; the classes they carry
// (SemanticTokensBuilder, NotebookDocuments) throw when made. Nothing else of the connection
// changes: the mixins register no handler until their accessors are called. About 14 KB minified.
// test/unit/package-shims.test.ts compares them with the library's modules.
'use strict';

/** module → { its mixins: the members each adds; its classes }. */
const FEATURES = {
  callHierarchy: { mixins: { CallHierarchyFeature: ['callHierarchy'] } },
  semanticTokens: { mixins: { SemanticTokensFeature: ['semanticTokens'] }, classes: ['SemanticTokensBuilder'] },
  typeHierarchy: { mixins: { TypeHierarchyFeature: ['typeHierarchy'] } },
  inlineValue: { mixins: { InlineValueFeature: ['inlineValue'] } },
  linkedEditingRange: { mixins: { LinkedEditingRangeFeature: ['onLinkedEditingRange'] } },
  foldingRange: { mixins: { FoldingRangeFeature: ['foldingRange'] } },
  moniker: { mixins: { MonikerFeature: ['moniker'] } },
  fileOperations: { mixins: { FileOperationsFeature: ['onDidCreateFiles', 'onDidRenameFiles', 'onDidDeleteFiles', 'onWillCreateFiles', 'onWillRenameFiles', 'onWillDeleteFiles'] } },
  notebook: { mixins: { NotebookSyncFeature: ['synchronization'] }, classes: ['NotebookDocuments'] },
};

const why = (name) => new Error(`${name} is not in policy-report's language server (scripts/shims/server-features-off.cjs): the server does not use it`);

/** The exports of the library's module `module`, for a server that never uses them. */
function serverFeaturesOff(module) {
  const { mixins, classes = [] } = FEATURES[module];
  const out = {};
  for (const [name, members] of Object.entries(mixins)) {
    out[name] = (Base) => {
      const Off = class extends Base {};
      for (const member of members) {
        Object.defineProperty(Off.prototype, member, {
          get() {
            throw why(`${name}'s ${member}`);
          },
          configurable: true,
        });
      }
      return Off;
    };
  }
  for (const name of classes) {
    out[name] = class {
      constructor() {
        throw why(name);
      }
    };
  }
  return out;
}

module.exports = { FEATURES, serverFeaturesOff };
