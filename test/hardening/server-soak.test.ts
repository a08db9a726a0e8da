/**
 * The language server under a long editing session: 10,000 random edits over stdio to several
 * open documents. It must stay alive, keep its memory bounded, and end with the diagnostics a
 * fresh lint of the final text gives. A client that kills the server mid-request and starts
 * another must get correct diagnostics from the new one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { lintText } from "../../src/core/lint";
import { loadWorkspace } from "../../src/node/workspace";
import { nodeHost } from "../../src/node/fsHost";
import { ROOT } from "../helpers";
import { startClient, TestClient } from "../server/client";

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
const BASE = readFileSync(`${ROOT}/test/fixtures/scenarios/weak-sections.md`, "utf8");
const PIECES = ["## ", "### Failure criteria\n", "\n", "TBD", "```\n", "1. If latency > 2 s, fall back.\n", "| a | b |\n", "<!-- ", " -->", "信贷审批", "x", "", "---\n", "[l](nope.md)"];

/** A small deterministic PRNG (mulberry32): the same edits every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function key(d: Diagnostic): string {
  return `${String(d.code)} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
}

/** What `pmw lint` would say about the text, as LSP diagnostics keys. */
function freshLint(root: string, uri: string, text: string): string[] {
  const ws = loadWorkspace(root);
  const file = fileURLToPath(uri);
  const r = lintText(file, text, { registry: ws.registry, config: ws.config, host: nodeHost, root });
  return r.findings.map((f) => `${f.ruleId} ${SEVERITY[f.severity]} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`).sort();
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

test("10,000 random edits: alive, bounded memory, final diagnostics equal a fresh lint", { timeout: 600_000 }, async () => {
  const docs = ["a.md", "b.md", "c.md", "d.md"];
  const { client, root, uri } = await startClient(Object.fromEntries(docs.map((d) => [d, BASE])));
  try {
    for (const d of docs) await client.open(uri(d), BASE);
    const random = prng(42);
    const edits = Number(process.env["PMW_SOAK_EDITS"] ?? 10000);
    for (let i = 1; i <= edits; i++) {
      const u = uri(docs[Math.floor(random() * docs.length)]!);
      const text = client.text(u);
      const lines = text.split("\n");
      const line = Math.floor(random() * lines.length);
      const col = Math.floor(random() * ((lines[line]?.length ?? 0) + 1));
      const remove = random() < 0.4 ? Math.floor(random() * 6) : 0;
      const endCol = Math.min((lines[line]?.length ?? 0), col + remove);
      const insert = PIECES[Math.floor(random() * PIECES.length)]!;
      client.changeNoWait(u, [{ range: { start: { line, character: col }, end: { line, character: endCol } }, text: insert }]);
      // Every few hundred edits, wait until the server has caught up, so the run stays bounded.
      if (i % 250 === 0) await client.nextDiagnostics(u, (p) => p.version === client.version(u), 60_000).catch(() => undefined);
    }
    const peak = peakRssMb(client.proc.pid!);
    for (const d of docs) {
      const u = uri(d);
      const final = await client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "" }]);
      assert.deepEqual(final.map(key).sort(), freshLint(root, u, client.text(u)), `final diagnostics of ${d}`);
    }
    console.log(`soak: ${edits} edits over ${docs.length} documents, server peak RSS ${peak} MB`);
    assert.ok(peak < 1024, `server peak RSS ${peak} MB`);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.dispose();
  }
});

test("a server killed mid-request is replaced by one that lints correctly", { timeout: 120_000 }, async () => {
  const { client, root, uri } = await startClient({ "a.md": BASE });
  client.openNoWait(uri("a.md"), BASE);
  void client.request("textDocument/diagnostic", { textDocument: { uri: uri("a.md") } }).catch(() => undefined);
  const exited = new Promise((resolve) => client.proc.once("exit", resolve));
  client.proc.kill("SIGKILL");
  await exited;
  client.dispose();
  const second = new TestClient({ root });
  try {
    await second.initialize();
    const diagnostics = await second.open(uri("a.md"), BASE);
    assert.deepEqual(diagnostics.map(key).sort(), freshLint(root, uri("a.md"), BASE));
    assert.equal(await second.shutdown(), 0);
  } finally {
    second.dispose();
  }
});
