// Drives `dotnet-textlint server` with Microsoft's LSP client libraries (vscode-jsonrpc and the
// vscode-languageserver-protocol types, as vscode-languageclient uses them), the way VS Code talks to
// a server: initialize with UTF-8/UTF-16 offered, open an article, wait for diagnostics, ask for code
// actions and apply the preferred fix, hover, pull diagnostics, shut down.
// Usage: node vscode-jsonrpc-client.js <server executable> <workspace folder> <article path>
// Prints one JSON object with what it saw; exits non-zero on any failed expectation.
'use strict';
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol/node');

const [exe, folder, article] = process.argv.slice(2);
const uri = pathToFileURL(article).href;
const text = fs.readFileSync(article, 'utf8');

const child = cp.spawn(exe, ['server', '--debounce', '50'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = lsp.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const published = [];
const waiters = [];
connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
  published.push(p);
  for (const w of waiters.splice(0)) w();
});
connection.onRequest(lsp.RegistrationRequest.type, () => null);
connection.listen();

function diagnosticsFor(version, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), timeoutMs);
    const check = () => {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) { clearTimeout(deadline); resolve(found); } else waiters.push(check);
    };
    check();
  });
}

function applyEdits(source, edits) {
  // UTF-16 positions (the encoding negotiated below), applied from the last to the first.
  const lines = [0];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\r' && source[i + 1] === '\n') { lines.push(i + 2); i++; } else if (source[i] === '\n' || source[i] === '\r') lines.push(i + 1);
  }
  const offset = (p) => Math.min(lines[p.line] + p.character, source.length);
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    source = source.slice(0, offset(e.range.start)) + e.newText + source.slice(offset(e.range.end));
  return source;
}

(async () => {
  const init = await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
    capabilities: {
      general: { positionEncodings: [lsp.PositionEncodingKind.UTF16] },
      textDocument: { publishDiagnostics: { relatedInformation: false, codeDescriptionSupport: true }, codeAction: {}, hover: { contentFormat: ['markdown'] } },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
    },
  });
  assert.strictEqual(init.capabilities.positionEncoding, 'utf-16');
  assert.strictEqual(init.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  const first = await diagnosticsFor(1);
  const kiev = first.diagnostics.find((d) => d.code === 'TL7501');
  assert.ok(kiev, 'TL7501 reported');
  assert.strictEqual(kiev.source, 'textlint');
  assert.ok(kiev.codeDescription.href.endsWith('/TL7501.md'));

  const actions = await connection.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: kiev.range, context: { diagnostics: [kiev] },
  });
  const preferred = actions.find((a) => a.isPreferred && a.kind === lsp.CodeActionKind.QuickFix);
  assert.ok(preferred, 'a preferred quick fix');
  const fixed = applyEdits(text, preferred.edit.changes[uri]);
  const change = preferred.edit.changes[uri][0];
  // Send the fix as an incremental change, as VS Code does after applying an edit.
  await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 }, contentChanges: [{ range: change.range, text: change.newText }],
  });
  const second = await diagnosticsFor(2);
  assert.ok(!second.diagnostics.some((d) => d.code === 'TL7501'), 'the fix removed the finding');

  const hover = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: first.diagnostics[0].range.start });
  assert.strictEqual(hover.contents.kind, 'markdown');

  await connection.sendRequest(lsp.ShutdownRequest.type);
  await connection.sendNotification(lsp.ExitNotification.type);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  console.log(JSON.stringify({
    positionEncoding: init.capabilities.positionEncoding,
    first: first.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range })),
    preferredTitle: preferred.title,
    fixed,
    second: second.diagnostics.map((d) => d.code),
    hover: hover.contents.value,
    exitCode: code,
  }));
  process.exit(0);
})().catch((e) => { console.error(e && e.stack || e); child.kill(); process.exit(1); });
