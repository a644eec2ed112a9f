/** Entry point of the language server process (stdio, node-ipc or socket, chosen by the arguments). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isIndexWorker, runIndexWorker } from './lsp/index-worker';
import { startServer } from './lsp/server';

// The same bundle runs the history index's worker thread (lsp/index-worker.ts).
if (isIndexWorker()) void runIndexWorker();
else startServer(createConnection(ProposedFeatures.all));
