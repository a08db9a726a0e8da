/** `pmw mcp` as an agent's client runs it: the SDK's own client over stdio against dist/cli.js. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ListRootsRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CLI, ROOT, runCli, tempWorkspace } from "../helpers";

const CLEAN = readFileSync(join(ROOT, "test", "fixtures", "scenarios", "clean.md"), "utf8");
const GAPPY = "---\ntitle: Gappy\nowner: Ann\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n\n# Gappy\n\n## Problem\n\nAgents retype answers. TODO\n";

const workspace = (files: Record<string, string>): string => tempWorkspace("pmw-mcp-", files);

const clients: Client[] = [];
after(async () => {
  for (const c of clients) await c.close();
});

async function connect(args: string[], opts: { cwd?: string; roots?: string[] } = {}): Promise<Client> {
  const client = new Client({ name: "pmw-test", version: "1.0.0" }, { capabilities: opts.roots ? { roots: {} } : {} });
  if (opts.roots) client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: opts.roots!.map((r) => ({ uri: pathToFileURL(r).href, name: r })) }));
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp", ...args], ...(opts.cwd ? { cwd: opts.cwd } : {}), stderr: "pipe" });
  await client.connect(transport);
  await client.listTools(); // the client then checks every structured result against the tool's output schema
  clients.push(client);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const text = (r: CallToolResult) => r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

type Json = Record<string, unknown>;
const withoutFix = (findings: Json[]) =>
  findings.map((f) => {
    const rest = { ...f };
    delete rest["fix"];
    return rest;
  });

test("lists every tool with input and output schemas and read-only annotations", async () => {
  const client = await connect(["--root", workspace({})]);
  const { tools } = await client.listTools();
  assert.deepEqual(
    tools.map((t) => [t.name, t.annotations?.readOnlyHint, t.outputSchema?.type, t.inputSchema.type]).sort(),
    [
      ["apply_fixes", false, "object", "object"],
      ["explain_rule", true, "object", "object"],
      ["get_template", true, "object", "object"],
      ["lint_spec", true, "object", "object"],
      ["lint_workspace", true, "object", "object"],
      ["list_templates", true, "object", "object"],
      ["new_spec", false, "object", "object"],
      ["roadmap", true, "object", "object"],
      ["spec_status", true, "object", "object"],
    ],
  );
});

test("lint_spec returns pmw lint --format json's findings, with fix text on fixable ones", async () => {
  const dir = workspace({ "prd/gappy.md": GAPPY, "prd/clean.md": CLEAN });
  const cli = JSON.parse(runCli(["lint", "--format", "json"], dir).stdout) as Array<{ file: string; template: string; findings: Json[] }>;
  const client = await connect(["--root", dir]);
  for (const expected of cli) {
    const r = await call(client, "lint_spec", { path: expected.file });
    const got = r.structuredContent as { file: string; template: string; findings: Json[] };
    assert.deepEqual([got.file, got.template, withoutFix(got.findings)], [expected.file, expected.template, expected.findings]);
    for (const f of got.findings) assert.equal(Array.isArray(f["fix"]) && (f["fix"] as unknown[]).length > 0, f["fixable"]);
  }
  assert.ok(cli.find((c) => c.file === "prd/gappy.md")!.findings.some((f) => f["fixable"]), "the fixture has fixable findings");
});

test("lint_spec lints given text in the context of its path, file untouched", async () => {
  const dir = workspace({ "gappy.md": GAPPY });
  const client = await connect(["--root", dir]);
  const r = await call(client, "lint_spec", { path: "gappy.md", text: CLEAN });
  const got = r.structuredContent as { findings: unknown[]; sha256: string | null };
  assert.deepEqual([got.findings, got.sha256, readFileSync(join(dir, "gappy.md"), "utf8")], [[], null, GAPPY]);
});

test("bad arguments are MCP errors naming the file and what to do, and the server keeps answering", async () => {
  const client = await connect(["--root", workspace({ "gappy.md": GAPPY })]);
  const missing = await call(client, "lint_spec", {});
  const noFile = await call(client, "lint_spec", { path: "nope.md" });
  const wrongType = await call(client, "lint_spec", { path: 42 });
  const rule = await call(client, "explain_rule", { rule: "no-such-rule" });
  const template = await call(client, "get_template", { id: "nope" });
  assert.deepEqual([missing.isError, wrongType.isError, noFile.isError, rule.isError, template.isError], [true, true, true, true, true]);
  assert.match(text(noFile), /nope\.md: no such file; pass a path relative to the workspace root/);
  assert.match(text(rule), /unknown rule "no-such-rule"; rules are missing-section \(PM001\)/);
  assert.match(text(template), /unknown template "nope"; call list_templates/);
  const ok = await call(client, "lint_spec", { path: "gappy.md" });
  assert.equal(ok.isError, undefined);
});

test("lint_workspace summarises each spec worst first, agreeing with pmw lint", async () => {
  const dir = workspace({ "a-clean.md": CLEAN, "b-gappy.md": GAPPY, "notes.md": "# Not a spec\n" });
  const cli = JSON.parse(runCli(["lint", "--format", "json"], dir).stdout) as Array<{ file: string; findings: Json[] }>;
  const client = await connect(["--root", dir]);
  const r = (await call(client, "lint_workspace", {})).structuredContent as { specs: Array<{ file: string; counts: Record<string, number> }>; skipped: number };
  const count = (file: string, sev: string) => cli.find((c) => c.file === file)!.findings.filter((f) => f["severity"] === sev).length;
  assert.deepEqual(
    r.specs.map((s) => [s.file, s.counts["warning"]]),
    [
      ["b-gappy.md", count("b-gappy.md", "warning")],
      ["a-clean.md", 0],
    ],
  );
  assert.equal(r.skipped, 1);
});

test("spec_status reports missing required sections", async () => {
  const client = await connect(["--root", workspace({ "gappy.md": GAPPY })]);
  const s = (await call(client, "spec_status", { path: "gappy.md" })).structuredContent as { template: string; present: string[]; missing: string[]; completeness: number };
  assert.deepEqual([s.template, s.present], ["ai-feature-prd", ["problem"]]);
  assert.ok(s.missing.includes("failure-criteria") && s.completeness < 100);
});

test("templates and rule docs come as tools and resources, in either language", async () => {
  const client = await connect(["--root", workspace({})]);
  const list = (await call(client, "list_templates", {})).structuredContent as { templates: Array<{ id: string; langs: string[] }> };
  const prd = list.templates.find((t) => t.id === "ai-feature-prd")!;
  assert.deepEqual(prd.langs.sort(), ["en", "zh-CN"]);
  const en = (await call(client, "get_template", { id: "ai-feature-prd" })).structuredContent as { lang: string; sections: Array<{ id: string; heading: string; mustContain: string }> };
  const zh = (await call(client, "get_template", { id: "ai-feature-prd", lang: "zh-CN" })).structuredContent as typeof en;
  const enProblem = en.sections.find((s) => s.id === "problem")!;
  const zhProblem = zh.sections.find((s) => s.id === "problem")!;
  assert.deepEqual([en.lang, zh.lang, enProblem.heading === zhProblem.heading, enProblem.mustContain.length > 0], ["en", "zh-CN", false, true]);
  const docs = readFileSync(join(ROOT, "docs", "rules", "placeholder.md"), "utf8");
  assert.equal(((await call(client, "explain_rule", { rule: "PM004" })).structuredContent as { docs: string }).docs, docs);
  for (const r of (await client.listResources()).resources.filter((x) => x.uri.startsWith("pm://rules/"))) {
    const explained = await call(client, "explain_rule", { rule: r.name });
    assert.equal(explained.isError, undefined, r.name);
  }
  assert.equal(((await client.readResource({ uri: "pm://rules/placeholder" })).contents[0] as { text: string }).text, docs);
  const templateResource = await client.readResource({ uri: "pm://templates/ai-feature-prd" });
  assert.equal(templateResource.contents.length, 2);
  const resources = (await client.listResources()).resources.map((r) => r.uri);
  assert.ok(resources.includes("pm://templates/ai-feature-prd") && resources.includes("pm://rules/vague-language"));
  await assert.rejects(client.readResource({ uri: "pm://rules/nope" }), /unknown rule "nope"/);
});

test("the drafting prompt tells the agent to lint until clean", async () => {
  const client = await connect(["--root", workspace({})]);
  const { prompts } = await client.listPrompts();
  assert.deepEqual(prompts.map((p) => p.title), ["Draft a spec from a template"]);
  const p = await client.getPrompt({ name: prompts[0]!.name, arguments: { template: "ai-feature-prd", title: "Smart replies" } });
  const body = (p.messages[0]!.content as { text: string }).text;
  assert.match(body, /lint_spec/);
  assert.match(body, /until lint_spec reports no errors and no warnings/);
});

test("write tools are refused without --allow-writes and nothing is written", async () => {
  const dir = workspace({ "gappy.md": GAPPY });
  const client = await connect(["--root", dir]);
  const lint = (await call(client, "lint_spec", { path: "gappy.md" })).structuredContent as { sha256: string };
  const made = await call(client, "new_spec", { template: "ai-feature-prd", title: "Smart replies" });
  const fixed = await call(client, "apply_fixes", { path: "gappy.md", sha256: lint.sha256 });
  assert.deepEqual([made.isError, fixed.isError], [true, true]);
  assert.match(text(fixed), /restart it as `pmw mcp --allow-writes`/);
  assert.deepEqual([readdirSync(dir), readFileSync(join(dir, "gappy.md"), "utf8")], [["gappy.md"], GAPPY]);
});

test("new_spec scaffolds as pmw new does and never overwrites", async () => {
  const dir = workspace({});
  const client = await connect(["--root", dir, "--allow-writes"]);
  const first = (await call(client, "new_spec", { template: "ai-feature-prd", title: "Smart replies", owner: "Ann", dir: "prd" })).structuredContent as { file: string; template: string };
  const firstText = readFileSync(join(dir, first.file), "utf8");
  const second = (await call(client, "new_spec", { template: "ai-feature-prd", title: "Smart replies", dir: "prd" })).structuredContent as { file: string };
  const cliDir = workspace({});
  runCli(["new", "ai-feature-prd", "--title", "Smart replies", "--owner", "Ann"], cliDir);
  assert.deepEqual([first.file, second.file, first.template], ["prd/smart-replies.md", "prd/smart-replies-2.md", "ai-feature-prd"]);
  assert.equal(firstText, readFileSync(join(cliDir, "smart-replies.md"), "utf8"));
  assert.equal(readFileSync(join(dir, first.file), "utf8"), firstText);
});

test("apply_fixes makes pmw lint --fix's edits, and refuses a file changed since it was read", async () => {
  const dir = workspace({ "gappy.md": GAPPY });
  const cliDir = workspace({ "gappy.md": GAPPY });
  runCli(["lint", "--fix"], cliDir);
  const client = await connect(["--root", dir, "--allow-writes"]);
  const stale = "0".repeat(64);
  const refused = await call(client, "apply_fixes", { path: "gappy.md", sha256: stale });
  assert.deepEqual([refused.isError, readFileSync(join(dir, "gappy.md"), "utf8")], [true, GAPPY]);
  assert.match(text(refused), /gappy\.md: changed since it was read .* call lint_spec again/);
  const { sha256 } = (await call(client, "lint_spec", { path: "gappy.md" })).structuredContent as { sha256: string };
  const r = (await call(client, "apply_fixes", { path: "gappy.md", sha256 })).structuredContent as { changed: boolean; sha256: string };
  const fixedText = readFileSync(join(dir, "gappy.md"), "utf8");
  assert.deepEqual([r.changed, fixedText], [true, readFileSync(join(cliDir, "gappy.md"), "utf8")]);
  const again = await call(client, "apply_fixes", { path: "gappy.md", sha256 });
  assert.equal(again.isError, true, "the old hash no longer matches");
  assert.notEqual(r.sha256, sha256);
});

test("paths outside the root are refused: ../, absolute, and through symbolic links", async () => {
  const outside = workspace({ "secret.md": GAPPY });
  const dir = workspace({ "gappy.md": GAPPY });
  symlinkSync(outside, join(dir, "linked-dir"));
  symlinkSync(join(outside, "secret.md"), join(dir, "linked.md"));
  const client = await connect(["--root", dir, "--allow-writes"]);
  for (const path of ["../" + outside.split("/").pop() + "/secret.md", join(outside, "secret.md"), "linked-dir/secret.md", "linked.md", "sub/../../x.md"]) {
    const r = await call(client, "lint_spec", { path });
    assert.equal(r.isError, true, path);
    assert.match(text(r), /outside the workspace root .*; pass a path inside it/, path);
  }
  const made = await call(client, "new_spec", { template: "ai-feature-prd", title: "Escape", dir: "linked-dir" });
  assert.equal(made.isError, true);
  const fixed = await call(client, "apply_fixes", { path: "linked.md", sha256: "0".repeat(64) });
  assert.equal(fixed.isError, true);
  assert.deepEqual(readdirSync(outside), ["secret.md"]);
});

test("without --root the client's roots are the workspace", async () => {
  const dir = workspace({ "gappy.md": GAPPY });
  const client = await connect([], { roots: [dir], cwd: tmpdir() });
  const r = (await call(client, "lint_spec", { path: "gappy.md" })).structuredContent as { file: string; template: string };
  assert.deepEqual([r.file, r.template], ["gappy.md", "ai-feature-prd"]);
});

test("stdout carries only JSON-RPC messages; logs go to stderr", async () => {
  const dir = workspace({ "gappy.md": GAPPY });
  const child = spawn(process.execPath, [CLI, "mcp", "--root", dir], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const send = (m: object) => child.stdin.write(JSON.stringify(m) + "\n");
  send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } });
  send({ jsonrpc: "2.0", method: "notifications/initialized" });
  send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "lint_spec", arguments: { path: "gappy.md" } } });
  child.stdin.write("this is not json\n");
  send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "lint_spec", arguments: { path: "gappy.md" } } });
  await new Promise<void>((res) => {
    const timer = setInterval(() => {
      if (out.includes('"id":3')) {
        clearInterval(timer);
        res();
      }
    }, 10);
  });
  child.stdin.end();
  await new Promise((res) => child.on("exit", res));
  const lines = out.split("\n").filter((l) => l.length > 0);
  for (const l of lines) assert.equal((JSON.parse(l) as { jsonrpc: string }).jsonrpc, "2.0");
  assert.match(err, /pmw mcp: serving over stdio/);
});

test("pmw mcp rejects bad arguments with usage and exit 2", () => {
  const r = runCli(["mcp", "--root", "/no/such/folder"], tmpdir());
  assert.deepEqual([r.code, r.stdout], [2, ""]);
  assert.match(r.stderr, /--root \/no\/such\/folder is not a folder; pass an existing folder/);
});

test("examples lint the same over MCP as with pmw lint", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pmw-mcp-ex-"));
  cpSync(join(ROOT, "examples"), dir, { recursive: true });
  assert.ok(existsSync(dir));
  const cli = JSON.parse(runCli(["lint", "--format", "json"], dir).stdout) as Array<{ file: string; findings: Json[] }>;
  assert.ok(cli.length > 3 && cli.some((c) => c.findings.length > 0), "the examples have specs with findings");
  const client = await connect(["--root", dir]);
  for (const expected of cli) {
    const got = (await call(client, "lint_spec", { path: expected.file })).structuredContent as { findings: Json[] };
    assert.deepEqual(withoutFix(got.findings), expected.findings, expected.file);
  }
});

test("roadmap returns pmw roadmap --format json's model, for the workspace and for one file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pmw-mcp-rm-"));
  cpSync(join(ROOT, "examples"), dir, { recursive: true });
  const cli = JSON.parse(runCli(["roadmap", "--format", "json"], dir).stdout) as Array<{ file: string; phases: unknown[] }>;
  assert.ok(cli.length > 0 && cli[0]!.phases.length > 0, "the examples have a roadmap with phases");
  const client = await connect(["--root", dir]);
  const all = (await call(client, "roadmap", {})).structuredContent as { roadmaps: unknown[] };
  const one = (await call(client, "roadmap", { path: cli[0]!.file })).structuredContent as { roadmaps: unknown[] };
  assert.deepEqual([all.roadmaps, one.roadmaps], [cli, [cli[0]]]);
  const missing = await call(client, "roadmap", { path: "NOPE.md" });
  assert.equal(missing.isError, true);
  assert.match(text(missing), /NOPE\.md: no such file or not readable/);
});

test("a client that offers no roots gets the current folder as the root", async () => {
  const dir = workspace({ "gappy.md": GAPPY });
  const client = await connect([], { cwd: dir });
  const r = (await call(client, "lint_spec", { path: "gappy.md" })).structuredContent as { file: string };
  const outside = await call(client, "lint_spec", { path: "../x.md" });
  assert.deepEqual([r.file, outside.isError], ["gappy.md", true]);
});
