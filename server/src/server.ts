/** Entry point of the language server process (stdio, node-ipc or socket, chosen by the arguments). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
