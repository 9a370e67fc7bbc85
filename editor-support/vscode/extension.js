// The VS Code client: starts `wkforge lsp` on stdio for .recipe files. Plain JavaScript on
// purpose, so the extension needs no build step and packages offline.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

async function start(context) {
  const config = vscode.workspace.getConfiguration('wkforge');
  if (!config.get('lsp.enabled', true)) return;
  const command = config.get('path', 'wkforge');
  const args = [...config.get('lsp.extraArgs', []), 'lsp'];
  const serverOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [{ language: 'recipe' }],
    outputChannelName: 'wkforge',
  };
  client = new LanguageClient('wkforge', 'wkforge language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    // Highlighting and snippets keep working without the server; say why the rest is missing.
    vscode.window.showWarningMessage(
      `wkforge: could not start \`${command} lsp\` (${err.message || err}). ` +
      'Set "wkforge.path" to the wkforge executable.');
    client = undefined;
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

async function activate(context) {
  await start(context);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('wkforge')) {
      await stop();
      await start(context);
    }
  }));
  context.subscriptions.push(vscode.commands.registerCommand('wkforge.restartServer', async () => {
    await stop();
    await start(context);
  }));
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
