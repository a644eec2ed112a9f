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
      // The workspace's data files: their unsaved edits count, and their errors are shown on them.
      { scheme: 'file', pattern: '**/.policy-report/indicators.yaml' },
      { scheme: 'file', pattern: '**/.policy-report/config.yaml' },
      { scheme: 'file', pattern: '**/.policy-report/figures.csv' },
    ],
    synchronize: {
      configurationSection: 'policyReport',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.policy-report/*.{yaml,csv}'),
        vscode.workspace.createFileSystemWatcher('**/.policy-report/snippets/*.json'),
        vscode.workspace.createFileSystemWatcher('**/*.report.md'),
      ],
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
