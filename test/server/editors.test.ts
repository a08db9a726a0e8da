/**
 * Protocol tests with the capabilities Neovim 0.7, Emacs 28 + eglot 1.9 and Vim 9 + ALE 3.3
 * actually send (copied from their sources), one per defect these editors showed.
 */
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ClientCapabilities, CodeAction, CompletionItem, Diagnostic, Hover, MarkupContent, SymbolInformation } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "./client";

/** ALE 3.3 (autoload/ale/lsp.vim, s:SendInitMessage). */
const ALE: ClientCapabilities = {
  workspace: { applyEdit: false, didChangeConfiguration: { dynamicRegistration: false }, symbol: { dynamicRegistration: false }, workspaceFolders: false, configuration: false },
  textDocument: {
    synchronization: { dynamicRegistration: false, willSave: false, willSaveWaitUntil: false, didSave: true },
    completion: { dynamicRegistration: false, completionItem: { snippetSupport: false, commitCharactersSupport: false, documentationFormat: ["plaintext"], deprecatedSupport: false, preselectSupport: false }, contextSupport: false },
    hover: { dynamicRegistration: false, contentFormat: ["plaintext"] },
    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: false },
    publishDiagnostics: { relatedInformation: true },
    codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } },
  },
};

/** eglot 1.9 (eglot-client-capabilities) without yasnippet or markdown-mode loaded. */
const EGLOT: ClientCapabilities = {
  workspace: { applyEdit: true, executeCommand: { dynamicRegistration: false }, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: { dynamicRegistration: false }, configuration: true, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false, willSave: true, willSaveWaitUntil: true, didSave: true },
    completion: { dynamicRegistration: false, completionItem: { snippetSupport: false, deprecatedSupport: true, tagSupport: { valueSet: [1] } }, contextSupport: true },
    hover: { dynamicRegistration: false, contentFormat: ["plaintext"] },
    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
    codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "refactor", "source"] } }, isPreferredSupport: true },
    publishDiagnostics: { relatedInformation: false, codeDescriptionSupport: false, tagSupport: { valueSet: [1, 2] } },
  },
};

/** Neovim 0.7 (vim.lsp.protocol.make_client_capabilities). */
const NVIM07: ClientCapabilities = {
  workspace: { applyEdit: true, configuration: true, workspaceFolders: true, workspaceEdit: { resourceOperations: ["rename", "create", "delete"] }, symbol: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false, willSave: false, willSaveWaitUntil: false, didSave: true },
    completion: { dynamicRegistration: false, completionItem: { snippetSupport: false, commitCharactersSupport: false, preselectSupport: false, deprecatedSupport: false, documentationFormat: ["markdown", "plaintext"] }, contextSupport: false },
    hover: { dynamicRegistration: false, contentFormat: ["markdown", "plaintext"] },
    codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "refactor", "source"] } }, isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ["edit"] } },
    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
  },
};

const FM = "---\ntitle: Smart replies\nowner: ana\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n";
const SPEC = `${FM}# Smart replies\n\n## Problem\n\nAgents retype the same answers; 40% of tickets are repeats.\n\n## `;

const clients: TestClient[] = [];
async function start(capabilities: ClientCapabilities, files: Record<string, string> = {}) {
  const s = await startClient(files, { capabilities });
  clients.push(s.client);
  return s;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

async function completeAt(client: TestClient, u: string, line: number, character: number): Promise<CompletionItem[]> {
  const r = await client.request<CompletionItem[] | { items: CompletionItem[] }>("textDocument/completion", { textDocument: { uri: u }, position: { line, character } });
  return Array.isArray(r) ? r : r.items;
}

/** What each client sends back as context.diagnostics: ALE keeps range, code and message only. */
const asAleSendsIt = (d: Diagnostic): Diagnostic => ({ range: d.range, code: d.code!, message: d.message });
const asEglotSendsIt = (d: Diagnostic): Diagnostic => ({ range: d.range, code: d.code!, message: d.message, severity: d.severity!, source: d.source! });

for (const [name, caps] of [["ALE", ALE], ["eglot", EGLOT], ["Neovim 0.7", NVIM07]] as const) {
  test(`${name}: a section completion is the heading line in plain text: no snippet markers, escapes or line breaks`, async () => {
    const { client, uri } = await start(caps);
    const u = uri("prd.md");
    await client.open(u, SPEC.replace("## Problem", "## Problem $5 {x}"));
    const item = (await completeAt(client, u, 13, 3)).find((i) => i.label === "Users and scenarios")!;
    assert.deepEqual([item.insertTextFormat, item.textEdit], [1, { range: { start: { line: 13, character: 3 }, end: { line: 13, character: 3 } }, newText: "Users and scenarios" }]);
  });
}

test("ALE: completion documentation is a plain string (documentationFormat: plaintext)", async () => {
  const { client, uri } = await start(ALE);
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const item = (await completeAt(client, u, 13, 3)).find((i) => i.label === "Users and scenarios")!;
  assert.equal(typeof item.documentation, "string");
});

test("Neovim 0.7: completion documentation is Markdown (documentationFormat prefers it)", async () => {
  const { client, uri } = await start(NVIM07);
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const item = (await completeAt(client, u, 13, 3)).find((i) => i.label === "Users and scenarios")!;
  assert.equal((item.documentation as MarkupContent).kind, "markdown");
});

test("ALE: completion asked at `##|` before the space answers the same items, inserting from the cursor", async () => {
  const { client, uri } = await start(ALE);
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const after = await completeAt(client, u, 13, 3);
  const before = await completeAt(client, u, 13, 2);
  const users = before.find((i) => i.label === "Users and scenarios")!;
  assert.deepEqual(
    [before.map((i) => i.label), users.textEdit],
    [after.map((i) => i.label), { range: { start: { line: 13, character: 2 }, end: { line: 13, character: 3 } }, newText: " Users and scenarios" }],
  );
});

test("ALE: hover is plain text (contentFormat: plaintext)", async () => {
  const { client, uri } = await start(ALE);
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: u }, position: { line: 9, character: 4 } });
  const c = h.contents as MarkupContent;
  assert.deepEqual([c.kind, c.value.startsWith("Problem · problem · required")], ["plaintext", true]);
});

for (const [name, caps, echo] of [["ALE", ALE, asAleSendsIt], ["eglot", EGLOT, asEglotSendsIt]] as const) {
  test(`${name}: a diagnostic sent back without source or data still gets its quick fix`, async () => {
    const { client, uri } = await start(caps);
    const u = uri("prd.md");
    const ds = await client.open(u, SPEC);
    const users = ds.find((d) => (d.data as { section: string }).section === "users")!;
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: u }, range: users.range, context: { diagnostics: [echo(users)] } });
    assert.deepEqual(actions.map((a) => a.title).slice(0, 1), ['Insert missing section "Users and scenarios"']);
  });
}

test("many findings on one line: one 'Disable RULE for this line' per rule", async () => {
  const { client, uri } = await start(ALE);
  const u = uri("prd.md");
  const ds = await client.open(u, SPEC);
  const title = ds.filter((d) => d.range.start.line === 7);
  const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: u }, range: title[0]!.range, context: { diagnostics: title.map(asAleSendsIt) } });
  const disables = actions.map((a) => a.title).filter((t) => t.endsWith("for this line"));
  assert.deepEqual([title.length > 3, disables], [true, ["Disable missing-section for this line"]]);
});

test("workspace/symbol lists the sections of specs on disk and open ones, and follows watched-file changes", async () => {
  const other = `${FM}# Roadmap\n\n## Problem\n\nRepeats.\n`;
  const { client, uri, root } = await start(EGLOT, { "docs/other.md": other, "README.md": "# Readme\n\n## Problem\n" });
  await client.open(uri("prd.md"), SPEC);
  writeFileSync(join(root, "prd.md"), SPEC);
  const names = async (query: string) => (await client.request<SymbolInformation[]>("workspace/symbol", { query })).map((s) => `${s.containerName}:${s.name}@${s.location.range.start.line}`).sort();
  const first = await names("prob");
  writeFileSync(join(root, "docs/other.md"), other.replace("## Problem", "## Probing questions"));
  await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri("docs/other.md"), type: 2 }] });
  assert.deepEqual([first, await names("prob")], [["other.md:Problem@9", "prd.md:Problem@9"], ["other.md:Probing questions@9", "prd.md:Problem@9"]]);
});

test("inserting a missing section leaves one finding for it: that it still holds the template's guidance", async () => {
  const { client, uri } = await start(ALE);
  const u = uri("prd.md");
  const before = await client.open(u, `${FM}# Smart replies\n\n## Problem\n\nAgents retype the same answers; 40% of tickets are repeats.\n`);
  const missing = before.find((d) => (d.data as { section: string }).section === "failure-criteria")!;
  const fix = (await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: u }, range: missing.range, context: { diagnostics: [asAleSendsIt(missing)] } })).find((a) => a.title.startsWith("Insert missing section"))!;
  const wait = client.nextDiagnostics(u, (p) => p.version === 2);
  client.applyEdit(fix.edit!);
  const after = (await wait).diagnostics;
  const heading = client.text(u).split("\n").indexOf("## Failure criteria");
  const next = client.text(u).split("\n").findIndex((l, i) => i > heading && l.startsWith("## "));
  const inSection = after.filter((d) => d.range.start.line >= heading && (next < 0 || d.range.start.line < next));
  assert.deepEqual([after.length, inSection.map((d) => d.message)], [before.length, ['"Failure criteria" still holds the template\'s guidance: write the section.']]);
});

test("the placeholders of one table are one diagnostic, each cell a related place", async () => {
  const { client, uri } = await start(NVIM07);
  const u = uri("prd.md");
  const table = "| Metric | Baseline | Target |\n| --- | --- | --- |\n| Handle time | TBD | TBD |\n| Reopen rate | TBD | TBD |\n";
  const ds = await client.open(u, `${FM}# Smart replies\n\n## Success metrics\n\n${table}`);
  const placeholders = ds.filter((d) => d.code === "PM004");
  assert.deepEqual(
    placeholders.map((d) => [d.message, d.range.start.line, (d.relatedInformation ?? []).map((r) => `${r.location.uri === u}@${r.location.range.start.line}:${r.location.range.start.character} ${r.message}`)]),
    [['4 placeholders left in "Success metrics" (TBD, TBD, TBD, TBD): replace them with the decisions or the numbers.', 13, ['true@13:22 Placeholder "TBD"', 'true@14:16 Placeholder "TBD"', 'true@14:22 Placeholder "TBD"']]],
  );
});
