/**
 * Parity: for every fixture, the diagnostics the server pushes equal what `pmw lint --format json`
 * reports for the same file and config (rule, position, message, severity, section).
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { ROOT, runCli } from "../helpers";
import { walkMarkdown } from "../../src/node/files";
import { findWorkspaceRoot } from "../../src/node/workspace";
import { makeWorkspace, TestClient, uriOf } from "./client";

interface Row {
  code: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: string;
  section: string | null;
}

const SEVERITY = ["", "error", "warning", "info", "hint"];

function fromServer(ds: readonly Diagnostic[]): Row[] {
  return ds.map((d) => {
    const data = d.data as { rule: string; section: string | null };
    return { code: String(d.code), rule: data.rule, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, message: d.message as string, severity: SEVERITY[d.severity!]!, section: data.section };
  });
}

function fromCli(root: string): Map<string, Row[]> {
  const r = runCli(["lint", ".", "--format", "json"], root);
  assert.ok(r.code === 0 || r.code === 1, `pmw lint exited ${r.code}: ${r.stderr}`);
  const out = new Map<string, Row[]>();
  for (const file of JSON.parse(r.stdout) as Array<{ file: string; findings: Array<Omit<Row, "code"> & { ruleId: string }> }>) {
    out.set(
      join(root, file.file),
      file.findings.map((f) => ({ code: f.ruleId, rule: f.rule, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message, severity: f.severity, section: f.section })),
    );
  }
  return out;
}

const clients: TestClient[] = [];
after(() => {
  for (const c of clients) c.dispose();
});

/** Opens every Markdown file under `root` in one server and compares with one CLI run. */
async function checkParity(root: string): Promise<number> {
  const expected = fromCli(root);
  const client = new TestClient({ root });
  clients.push(client);
  await client.initialize();
  const files = [...walkMarkdown(root)].filter((f) => !relative(root, f).startsWith(".pm"));
  for (const file of files) {
    const diagnostics = await client.open(uriOf(file), readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    assert.deepEqual(fromServer(diagnostics), expected.get(file) ?? [], relative(root, file));
  }
  await client.shutdown();
  return files.length;
}

test("parity: server diagnostics equal pmw lint --format json for the server fixtures", async () => {
  assert.ok((await checkParity(join(ROOT, "test/fixtures/server/parity"))) >= 8);
});

test("parity holds for CRLF line endings", async () => {
  const root = makeWorkspace({});
  cpSync(join(ROOT, "test/fixtures/server/parity"), root, { recursive: true });
  for (const f of walkMarkdown(root)) writeFileSync(f, readFileSync(f, "utf8").replace(/\r?\n/g, "\r\n"));
  assert.ok((await checkParity(root)) >= 8);
});

test("parity: the examples/ workspace", async (t) => {
  const examples = join(ROOT, "examples");
  if (!existsSync(examples) || [...walkMarkdown(examples)].length === 0) return t.skip("examples/ has no Markdown files yet");
  const root = findWorkspaceRoot(examples) ?? examples;
  assert.ok((await checkParity(root)) > 0);
});
