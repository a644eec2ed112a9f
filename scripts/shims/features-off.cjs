// The language features of vscode-languageclient that policy-report's server never offers — it
// declares completion, hover, code actions, document symbols, references, definition, inlay hints,
// executeCommand and pull diagnostics (server/src/lsp/server.ts), and registers only file watchers
// later; reports are files, never notebook cells — in place of the library's modules for them
// (scripts/build.mjs resolves the client's `./semanticTokens`, `./formatting`, `./notebook`, `./inlineCompletion`… here,
// FEATURES below). The client
// registers each as it registers the library's, and without a registration they answer the same
// (their state: none registered); they carry none of the providers and converters, about 41 KB
// minified. The differences: the client does not advertise these features in its capabilities (it
// has none to offer), so it answers none of their refresh requests (semantic tokens, code lens,
// folding ranges, inline values: the server sends only the diagnostics' refresh); and a server
// that declares one (in its capabilities, or registering it later) gets an error saying why, not a
// silent nothing. test/unit/package-shims.test.ts compares
// them with the library's features.
'use strict';
const proto = require('vscode-languageserver-protocol');

/** module → [class, its registration type, where the server's capabilities declare it, its state's kind]. */
const FEATURES = {
  semanticTokens: [['SemanticTokensFeature', proto.SemanticTokensRegistrationType.type, 'semanticTokensProvider', 'document']],
  callHierarchy: [['CallHierarchyFeature', proto.CallHierarchyPrepareRequest.type, 'callHierarchyProvider', 'document']],
  typeHierarchy: [['TypeHierarchyFeature', proto.TypeHierarchyPrepareRequest.type, 'typeHierarchyProvider', 'document']],
  formatting: [
    ['DocumentFormattingFeature', proto.DocumentFormattingRequest.type, 'documentFormattingProvider', 'document'],
    ['DocumentRangeFormattingFeature', proto.DocumentRangeFormattingRequest.type, 'documentRangeFormattingProvider', 'document'],
    ['DocumentOnTypeFormattingFeature', proto.DocumentOnTypeFormattingRequest.type, 'documentOnTypeFormattingProvider', 'document'],
  ],
  rename: [['RenameFeature', proto.RenameRequest.type, 'renameProvider', 'document']],
  codeLens: [['CodeLensFeature', proto.CodeLensRequest.type, 'codeLensProvider', 'document']],
  documentLink: [['DocumentLinkFeature', proto.DocumentLinkRequest.type, 'documentLinkProvider', 'document']],
  documentHighlight: [['DocumentHighlightFeature', proto.DocumentHighlightRequest.type, 'documentHighlightProvider', 'document']],
  signatureHelp: [['SignatureHelpFeature', proto.SignatureHelpRequest.type, 'signatureHelpProvider', 'document']],
  declaration: [['DeclarationFeature', proto.DeclarationRequest.type, 'declarationProvider', 'document']],
  implementation: [['ImplementationFeature', proto.ImplementationRequest.type, 'implementationProvider', 'document']],
  typeDefinition: [['TypeDefinitionFeature', proto.TypeDefinitionRequest.type, 'typeDefinitionProvider', 'document']],
  colorProvider: [['ColorProviderFeature', proto.DocumentColorRequest.type, 'colorProvider', 'document']],
  foldingRange: [['FoldingRangeFeature', proto.FoldingRangeRequest.type, 'foldingRangeProvider', 'document']],
  selectionRange: [['SelectionRangeFeature', proto.SelectionRangeRequest.type, 'selectionRangeProvider', 'document']],
  linkedEditingRange: [['LinkedEditingFeature', proto.LinkedEditingRangeRequest.type, 'linkedEditingRangeProvider', 'document']],
  inlineValue: [['InlineValueFeature', proto.InlineValueRequest.type, 'inlineValueProvider', 'document']],
  inlineCompletion: [['InlineCompletionItemFeature', proto.InlineCompletionRequest.type, 'inlineCompletionProvider', 'document']],
  workspaceSymbol: [['WorkspaceSymbolFeature', proto.WorkspaceSymbolRequest.type, 'workspaceSymbolProvider', 'workspace']],
  notebook: [['NotebookDocumentSyncFeature', proto.NotebookDocumentSyncRegistrationType.type, 'notebookDocumentSync', 'document']],
  fileOperations: [
    ['DidCreateFilesFeature', proto.DidCreateFilesNotification.type, 'workspace.fileOperations.didCreate', 'workspace'],
    ['DidRenameFilesFeature', proto.DidRenameFilesNotification.type, 'workspace.fileOperations.didRename', 'workspace'],
    ['DidDeleteFilesFeature', proto.DidDeleteFilesNotification.type, 'workspace.fileOperations.didDelete', 'workspace'],
    ['WillCreateFilesFeature', proto.WillCreateFilesRequest.type, 'workspace.fileOperations.willCreate', 'workspace'],
    ['WillRenameFilesFeature', proto.WillRenameFilesRequest.type, 'workspace.fileOperations.willRename', 'workspace'],
    ['WillDeleteFilesFeature', proto.WillDeleteFilesRequest.type, 'workspace.fileOperations.willDelete', 'workspace'],
  ],
};

/** The feature `name` of the library, for a server that never offers it. */
function featureOff(name, type, capability, kind) {
  const why = () => new Error(`${name} (${type.method}) is not in policy-report's client (scripts/shims/features-off.cjs): its server does not offer it`);
  const declared = (capabilities) => capability.split('.').reduce((o, key) => (o == null ? undefined : o[key]), capabilities);
  const off = {
    [name]: class {
      constructor(client) {
        this._client = client;
      }
      get registrationType() {
        return type;
      }
      getState() {
        return kind === 'document' ? { kind, id: type.method, registrations: false, matches: false } : { kind, id: type.method, registrations: false };
      }
      fillClientCapabilities() {}
      preInitialize(capabilities) {
        if (declared(capabilities)) throw why();
      }
      initialize(capabilities) {
        // As the library's: a falsy capability (`false`, absent) offers nothing.
        if (declared(capabilities)) throw why();
      }
      register() {
        throw why();
      }
      unregister() {}
      clear() {}
      getProvider() {
        return undefined;
      }
      /** Whether a document is this feature's to sync (notebook sync: none is). */
      handles() {
        return false;
      }
    },
  };
  return off[name];
}

/** The module `module` of vscode-languageclient/lib/common, as the client requires it (its feature classes). */
function featuresOff(module) {
  const out = {};
  for (const [name, type, capability, kind] of FEATURES[module]) out[name] = featureOff(name, type, capability, kind);
  return out;
}

module.exports = { FEATURES, featuresOff };
