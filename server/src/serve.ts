/**
 * The language server (stdio, node-ipc or socket, chosen by the arguments), or the history index's
 * worker when this bundle runs as one (lsp/index-worker.ts): `policy-report lsp` and server.ts.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isIndexWorker, runIndexWorker } from './lsp/index-worker';
import { startServer } from './lsp/server';

export function serve(): void {
  if (isIndexWorker()) void runIndexWorker();
  else startServer(createConnection(ProposedFeatures.all));
}
