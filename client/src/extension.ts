/** The VS Code client: starts the policy-report language server and little else. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverModule = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      // Files and unsaved new reports; not the read-only copies in diff, git or search views.
      { scheme: 'file', language: 'policy-report' },
      { scheme: 'untitled', language: 'policy-report' },
      // The workspace catalog: its unsaved edits count, and its errors are shown on it.
      { scheme: 'file', pattern: '**/.policy-report/indicators.yaml' },
    ],
    synchronize: {
      configurationSection: 'policyReport',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.policy-report/indicators.yaml'),
    },
    outputChannelName: 'Policy Report',
  };
  client = new LanguageClient('policyReport', 'Policy Report', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('policyReport.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
