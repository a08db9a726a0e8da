/** Protocol tests: the built server over stdio, driven by a small LSP client. */
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CodeAction, CompletionItem, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, Hover, InitializeResult, MarkupContent, TextDocumentEdit, WorkspaceDiagnosticReport } from "vscode-languageserver-protocol";
import { spawn } from "node:child_process";
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { defaultCapabilities, startClient, TestClient, makeWorkspace, uriOf } from "./client";
import { CLI } from "../helpers";
import type { SpecStatus } from "../../src/protocol";

const FM = (extra = "") => `---\ntitle: Smart replies\nowner: ana\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n${extra}---\n`;
/** A spec with a title, a problem and a weak failure-criteria section; every other required section missing. */
const SPEC = `${FM()}# Smart replies\n\n## Problem\n\nAgents retype the same answers; 40% of tickets are repeats.\n`;

const clients: TestClient[] = [];
async function start(files: Record<string, string> = {}, opts: Parameters<typeof startClient>[1] = {}) {
  const s = await startClient(files, opts);
  clients.push(s.client);
  return s;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

const rules = (ds: readonly Diagnostic[]) => ds.map((d) => `${(d.data as { rule: string }).rule}@${d.range.start.line + 1}`);
const missing = (ds: readonly Diagnostic[]) => ds.filter((d) => d.code === "PM001").map((d) => (d.data as { section: string }).section);

test("initialize advertises incremental sync, actions, completion, hover, symbols and folding", async () => {
  const root = makeWorkspace({});
  const client = new TestClient({ root });
  clients.push(client);
  const r: InitializeResult = await client.initialize();
  const c = r.capabilities;
  assert.deepEqual(
    { sync: c.textDocumentSync, actions: c.codeActionProvider, hover: c.hoverProvider, symbols: c.documentSymbolProvider, folding: c.foldingRangeProvider, pull: c.diagnosticProvider },
    { sync: { openClose: true, change: 2 }, actions: { codeActionKinds: ["quickfix", "source.fixAll.pm-workbench"] }, hover: true, symbols: true, folding: true, pull: undefined },
  );
});

test("a missing section is pushed at the title, with code, source, docs link and data", async () => {
  const { client, uri } = await start();
  const ds = await client.open(uri("prd.md"), SPEC);
  const users = ds.find((d) => (d.data as { section: string }).section === "users")!;
  assert.deepEqual(
    { ...users, codeDescription: /^file:\/\/.*\/docs\/rules\/missing-section\.md$/.test(users.codeDescription!.href) },
    {
      range: { start: { line: 7, character: 0 }, end: { line: 7, character: 15 } },
      severity: 2,
      code: "PM001",
      codeDescription: true,
      source: "pm-workbench",
      message: 'Missing required section "Users and scenarios" (users).',
      data: { rule: "missing-section", section: "users" },
    },
  );
});

test("a weak section is reported at its heading", async () => {
  const { client, uri } = await start();
  const ds = await client.open(uri("prd.md"), `${SPEC}\n## Failure criteria\n\nWe stop when it gets worse.\n`);
  assert.deepEqual(rules(ds).filter((r) => r.startsWith("weak-section")), ["weak-section@14"]);
});

test("a Markdown file that names no template gets an empty diagnostic list", async () => {
  const { client, uri } = await start();
  assert.deepEqual(await client.open(uri("notes.md"), "# Notes\n\nTBD\n"), []);
});

test("didChange re-lints: adding a section removes its missing-section diagnostic", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  assert.ok(missing(await client.open(u, SPEC)).includes("users"));
  const end = client.text(u).split("\n").length - 1;
  const ds = await client.change(u, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: "\n## Users and scenarios\n\nSupport agents on the chat desk.\n" }]);
  assert.equal(missing(ds).includes("users"), false);
});

test("pushed diagnostics carry the document version", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, SPEC, 7);
  const wait = client.nextDiagnostics(u);
  client.changeNoWait(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "" }]);
  assert.equal((await wait).version, 8);
});

test("pull: textDocument/diagnostic gives a full report, then unchanged for the same version", async () => {
  const { client, uri } = await start({}, { pull: true });
  const u = uri("prd.md");
  client.openNoWait(u, SPEC);
  const first = await client.request<DocumentDiagnosticReport & { resultId: string; items: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri: u } });
  const second = await client.request<DocumentDiagnosticReport>("textDocument/diagnostic", { textDocument: { uri: u }, previousResultId: first.resultId });
  assert.deepEqual([first.kind, first.items.length > 0, second.kind], ["full", true, "unchanged"]);
});

test("pull mode does not also push (nothing shows twice)", async () => {
  const { client, uri } = await start({}, { pull: true });
  const u = uri("prd.md");
  client.openNoWait(u, SPEC);
  await client.request("textDocument/diagnostic", { textDocument: { uri: u } });
  assert.equal(client.published.has(u), false);
});

test("workspace/diagnostic lists specs that are not open", async () => {
  const { client, uri } = await start({ "specs/a.md": SPEC, "specs/notes.md": "# Notes\n" }, { pull: true });
  const report = await client.request<WorkspaceDiagnosticReport>("workspace/diagnostic", { previousResultIds: [] });
  const byUri = new Map(report.items.map((i) => [i.uri, i.kind === "full" ? i.items.length : -1]));
  assert.deepEqual([byUri.get(uri("specs/a.md"))! > 0, byUri.get(uri("specs/notes.md"))], [true, 0]);
});

test("workspace/diagnostic honours cancellation", async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`specs/s${i}.md`] = SPEC + "\n## Failure criteria\n\nTBD\n".repeat(20);
  const { client } = await start(files, { pull: true });
  const source = new CancellationTokenSource();
  const pending = client.conn.sendRequest("workspace/diagnostic", { previousResultIds: [] }, source.token);
  source.cancel();
  await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
});

async function actionsAt(client: TestClient, u: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: u }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

test("the quick fix inserts the missing section from the template, and its diagnostic goes away", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  const ds = await client.open(u, SPEC);
  const diag = ds.find((d) => (d.data as { section: string }).section === "users")!;
  const fix = (await actionsAt(client, u, [diag])).find((a) => a.isPreferred)!;
  const wait = client.nextDiagnostics(u, (p) => p.version === 2);
  assert.deepEqual(client.applyEdit(fix.edit!), { applied: true, version: 2 });
  assert.deepEqual([fix.title, fix.kind, client.text(u).includes("## Users and scenarios\n\n- **Primary user:**"), missing((await wait).diagnostics).includes("users")], ['Insert missing section "Users and scenarios"', "quickfix", true, false]);
});

test("the inserted section lands where the template puts it: after problem, before goals", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  const text = `${FM()}# Smart replies\n\n## Problem\n\nRepeats.\n\n## Goals and non-goals\n\nFewer repeats.\n`;
  const diag = (await client.open(u, text)).find((d) => (d.data as { section: string }).section === "users")!;
  const fix = (await actionsAt(client, u, [diag])).find((a) => a.isPreferred)!;
  client.applyEdit(fix.edit!);
  const headings = client.text(u).split("\n").filter((l) => l.startsWith("## "));
  assert.deepEqual(headings, ["## Problem", "## Users and scenarios", "## Goals and non-goals"]);
});

test("a fix computed for an older document version is refused", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  const ds = await client.open(u, SPEC);
  const fix = (await actionsAt(client, u, [ds[0]!])).find((a) => a.isPreferred)!;
  await client.change(u, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: "x" }]);
  assert.deepEqual([(fix.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, client.applyEdit(fix.edit!).applied], [1, false]);
});

test("without documentChanges support the edit is plain changes and the version is in data", async () => {
  const caps = defaultCapabilities(false);
  caps.workspace!.workspaceEdit = {};
  const { client, uri } = await start({}, { capabilities: caps });
  const u = uri("prd.md");
  const ds = await client.open(u, SPEC);
  const fix = (await actionsAt(client, u, [ds[0]!])).find((a) => a.isPreferred)!;
  assert.deepEqual([Object.keys(fix.edit!.changes!), fix.data], [[u], { uri: u, version: 1 }]);
});

test("'Fix all missing sections' inserts every required section", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  const ds = await client.open(u, SPEC);
  const all = (await actionsAt(client, u, [ds[0]!])).find((a) => a.title.startsWith("Fix all missing sections"))!;
  const wait = client.nextDiagnostics(u, (p) => p.version === 2);
  client.applyEdit(all.edit!);
  assert.deepEqual(missing((await wait).diagnostics), []);
});

test("'Disable RULE for this line' silences that finding only", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  const ds = await client.open(u, `${SPEC}\nShip it as soon as possible.\n\nAlso as soon as possible.\n`);
  const vague = ds.filter((d) => d.code === "PM005");
  const action = (await actionsAt(client, u, [vague[0]!])).find((a) => a.title === "Disable vague-language for this line")!;
  const wait = client.nextDiagnostics(u, (p) => p.version === 2);
  client.applyEdit(action.edit!);
  assert.equal((await wait).diagnostics.filter((d) => d.code === "PM005").length, vague.length - 1);
});

test("'Disable RULE for this file' silences the rule everywhere", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  const ds = await client.open(u, SPEC);
  const action = (await actionsAt(client, u, [ds[0]!])).find((a) => a.title === "Disable missing-section for this file")!;
  const wait = client.nextDiagnostics(u, (p) => p.version === 2);
  client.applyEdit(action.edit!);
  assert.deepEqual([client.text(u).includes("---\n<!-- pm-disable missing-section -->\n# Smart replies"), missing((await wait).diagnostics)], [true, []]);
});

test("source.fixAll.pm-workbench applies every fix", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const actions = await actionsAt(client, u, [], ["source.fixAll"]);
  assert.deepEqual(actions.map((a) => a.kind), ["source.fixAll.pm-workbench"]);
  const wait = client.nextDiagnostics(u, (p) => p.version === 2);
  client.applyEdit(actions[0]!.edit!);
  assert.deepEqual((await wait).diagnostics.filter((d) => d.code === "PM001" || d.code === "PM002"), []);
});

async function complete(client: TestClient, u: string, line: number, character: number): Promise<CompletionItem[]> {
  const r = await client.request<CompletionItem[] | { items: CompletionItem[] }>("textDocument/completion", { textDocument: { uri: u }, position: { line, character } });
  return Array.isArray(r) ? r : r.items;
}

test("after '## ' completion offers the template sections the document lacks", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, `${SPEC}\n## `);
  const labels = (await complete(client, u, 13, 3)).map((i) => i.label);
  assert.deepEqual([labels.includes("Problem"), labels.includes("Users and scenarios"), labels.includes("Failure criteria")], [false, true, true]);
});

test("a section completion inserts heading and body as a snippet", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, `${SPEC}\n## Use`);
  const item = (await complete(client, u, 13, 6)).find((i) => i.label === "Users and scenarios")!;
  assert.deepEqual([item.insertTextFormat, item.textEdit], [2, { range: { start: { line: 13, character: 3 }, end: { line: 13, character: 6 } }, newText: "Users and scenarios\n\n- **Primary user:** TBD\n- **Scenario:** TBD: when they reach for this and what they do today instead.\n$0" }]);
});

test("front matter completion: status values", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, SPEC.replace("status: draft", "status: "));
  assert.deepEqual((await complete(client, u, 3, 8)).map((i) => i.label), ["draft", "review", "approved", "shipped", "deprecated"]);
});

test("front matter completion: template ids", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const labels = (await complete(client, u, 5, 10)).map((i) => i.label);
  assert.ok(labels.includes("ai-feature-prd") && labels.includes("one-pager"), labels.join(","));
});

test("front matter completion: keys the front matter does not have yet", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, "---\ntitle: X\n\n---\n# X\n");
  assert.deepEqual((await complete(client, u, 2, 0)).map((i) => i.label), ["owner", "status", "updated", "approvers", "template", "lang"]);
});

test("hover on a section heading says what it must contain and why", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: u }, position: { line: 9, character: 4 } });
  const value = (h.contents as MarkupContent).value;
  assert.ok(value.startsWith("**Problem** · `problem` · required") && value.includes("The user pain"), value);
});

test("hover on a diagnostic's range shows the rule's description", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, `${SPEC}\nShip it as soon as possible.\n`);
  const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: u }, position: { line: 13, character: 10 } });
  assert.match((h.contents as MarkupContent).value, /^\*\*PM005 vague-language\*\*: Vague language/);
});

test("document symbols are the section outline with catalog ids", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, `${SPEC}\n### Evidence\n\nTickets.\n\n## Fallback\n\n1. x\n`);
  const syms = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: u } });
  const outline = (s: DocumentSymbol): unknown => [s.name, s.detail ?? null, ...(s.children ?? []).map(outline)];
  assert.deepEqual(syms.map(outline), [["Smart replies", null, ["Problem", "problem", ["Evidence", null]], ["Fallback", "fallback"]]]);
});

test("folding ranges: front matter and each section", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const ranges = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: u } });
  assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[0, 6], [7, 11], [9, 11]]);
});

test("pm/specStatus reports required sections present and missing and a completeness score", async () => {
  const { client, uri } = await start();
  const u = uri("prd.md");
  await client.open(u, SPEC);
  const s = await client.request<SpecStatus>("pm/specStatus", { textDocument: { uri: u } });
  assert.deepEqual([s.template, s.status, s.present, s.missing.length, s.completeness], ["ai-feature-prd", "draft", ["problem"], 14, 7]);
});

test("a broken config becomes one diagnostic on the config file, and specs are still linted", async () => {
  const { client, uri } = await start({ ".pm/config.jsonc": '{ "rules": { "missing-section": "loud" } }' });
  const config = client.nextDiagnostics(uri(".pm/config.jsonc"));
  const ds = await client.open(uri("prd.md"), SPEC);
  const c = await config;
  assert.deepEqual([c.diagnostics.length, c.diagnostics[0]!.range.start.line, ds.length > 0], [1, 0, true]);
});

test("a config change re-lints open documents (didChangeWatchedFiles)", async () => {
  const { client, uri, root } = await start({ ".pm/config.jsonc": "{}" });
  const u = uri("prd.md");
  assert.ok(missing(await client.open(u, SPEC)).length > 0);
  writeFileSync(join(root, ".pm/config.jsonc"), '{ "rules": { "missing-section": "off" } }');
  const wait = client.nextDiagnostics(u);
  await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(".pm/config.jsonc"), type: 2 }] });
  assert.deepEqual(missing((await wait).diagnostics), []);
});

test("editor settings come through workspace/configuration: lang", async () => {
  const { client, uri } = await start({}, { settings: { lang: "zh-CN" } });
  const ds = await client.open(uri("prd.md"), SPEC);
  assert.equal(ds.find((d) => (d.data as { section: string }).section === "users")?.message, "缺少必需章节“用户与场景”（users）。");
});

test("editor setting maxFileSize applies when the workspace config sets none", async () => {
  const { client, uri } = await start({}, { settings: { maxFileSize: 1000 } });
  const ds = await client.open(uri("big.md"), SPEC + "x".repeat(2000));
  assert.deepEqual(ds.map((d) => [d.code, d.severity]), [["PM011", 3]]);
});

test("a file over maxFileSize gets one informational diagnostic instead of a lint", async () => {
  const { client, uri } = await start({ ".pm/config.jsonc": '{ "maxFileSize": 1000 }' });
  const ds = await client.open(uri("big.md"), SPEC + "x".repeat(2000));
  assert.deepEqual(ds.map((d) => [d.code, d.severity]), [["PM011", 3]]);
});

test("a rule that throws is logged once and skipped; the other rules still report", async () => {
  const { client, uri } = await start({}, { env: { PMW_FAULT_RULE: "missing-section" } });
  const u = uri("prd.md");
  const ds = await client.open(u, `${SPEC}\nTBD\n`);
  await client.change(u, [{ range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, text: "x" }]);
  assert.deepEqual([missing(ds), ds.some((d) => d.code === "PM004"), client.logs.filter((l) => l.includes("rule missing-section failed")).length], [[], true, 1]);
});

test("shutdown then exit ends the server with code 0", async () => {
  const { client } = await start();
  assert.equal(await client.shutdown(), 0);
});

test("the server exits with code 1 when the editor closes its stdin without a shutdown", async () => {
  const { client } = await start();
  client.proc.stdin!.end();
  assert.equal(await client.exited, 1);
});

test("pmw lsp --stdio starts the same server", async () => {
  const root = makeWorkspace({});
  const proc = spawn(process.execPath, [CLI, "lsp", "--stdio"], { cwd: root });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.listen();
  const r = await conn.sendRequest<InitializeResult>("initialize", { processId: null, rootUri: uriOf(root), capabilities: {} });
  conn.dispose();
  proc.kill();
  assert.equal(r.serverInfo?.name, "pm-workbench");
});
