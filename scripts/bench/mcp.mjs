// MCP benchmark: lint_spec over stdio (`pmw mcp`, the SDK's own client) against what an agent
// without the server does, spawning `pmw lint --format json FILE` per call, on the same
// 300-line PRD. Also server start-up to the first answer. Every answer is checked against the
// CLI's findings, so a fast wrong answer fails the run. Exits 1 only on such a failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { generatePrd, ROOT } from "./corpus.mjs";

const PMW = join(ROOT, "dist", "cli.js");
const WARM_CALLS = 300;
const SPAWN_CALLS = 20;
const STARTS = 5;

const problems = [];
const fail = (msg) => {
  problems.push(msg);
  console.log(`  !! ${msg}`);
};
const now = () => Number(process.hrtime.bigint()) / 1e6;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

// The first generated PRD of at least 300 lines.
let text = "";
for (let i = 0; text.split("\n").length - 1 < 300; i++) text = generatePrd(i);
const lines = text.split("\n").length - 1;
const dir = mkdtempSync(join(tmpdir(), "pmw-bench-mcp-"));
writeFileSync(join(dir, "spec.md"), text);

const cliRun = spawnSync(process.execPath, [PMW, "lint", "--format", "json", "spec.md"], { cwd: dir, encoding: "utf8" });
const expected = JSON.stringify(JSON.parse(cliRun.stdout)[0].findings);

function sameAsCli(result, label) {
  const got = (result.structuredContent?.findings ?? []).map((f) => {
    const rest = { ...f };
    delete rest.fix;
    return rest;
  });
  if (JSON.stringify(got) !== expected) fail(`${label}: lint_spec findings differ from pmw lint --format json`);
}

async function start() {
  const t0 = now();
  const client = new Client({ name: "pmw-bench", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [PMW, "mcp", "--root", dir], stderr: "ignore" }));
  const initialized = now() - t0;
  const first = await client.callTool({ name: "lint_spec", arguments: { path: "spec.md" } });
  const firstAnswer = now() - t0;
  sameAsCli(first, "first answer");
  return { client, initialized, firstAnswer };
}

console.log(`${lines}-line PRD, ${JSON.parse(expected).length} findings; node ${process.version}\n`);

const starts = [];
for (let i = 0; i < STARTS; i++) {
  const s = await start();
  starts.push(s);
  if (i < STARTS - 1) await s.client.close();
}
const { client } = starts[STARTS - 1];
await client.listTools(); // structured results are then validated against the output schemas, as a real client does
for (let i = 0; i < 20; i++) await client.callTool({ name: "lint_spec", arguments: { path: "spec.md" } });
const warm = [];
for (let i = 0; i < WARM_CALLS; i++) {
  const t0 = now();
  const r = await client.callTool({ name: "lint_spec", arguments: { path: "spec.md" } });
  warm.push(now() - t0);
  if (i % 50 === 0) sameAsCli(r, `warm call ${i}`);
}
const withText = [];
for (let i = 0; i < WARM_CALLS; i++) {
  const t0 = now();
  await client.callTool({ name: "lint_spec", arguments: { path: "spec.md", text } });
  withText.push(now() - t0);
}
await client.close();

const spawned = [];
for (let i = 0; i < SPAWN_CALLS; i++) {
  const t0 = now();
  const r = spawnSync(process.execPath, [PMW, "lint", "--format", "json", "spec.md"], { cwd: dir, encoding: "utf8" });
  spawned.push(now() - t0);
  if (JSON.stringify(JSON.parse(r.stdout)[0].findings) !== expected) fail("pmw lint output changed between runs");
}

const row = (label, xs) => `| ${label} | ${xs.length} | ${ms(quantile(xs, 0.5))} | ${ms(quantile(xs, 0.95))} | ${ms(Math.max(...xs))} |`;
console.log("| one lint of the 300-line PRD | calls | p50 | p95 | max |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(row("MCP lint_spec (path), warm, over stdio", warm));
console.log(row("MCP lint_spec (unsaved text), warm, over stdio", withText));
console.log(row("spawn `pmw lint --format json FILE` per call", spawned));
console.log("");
console.log(`Server start -> initialized: p50 ${ms(quantile(starts.map((s) => s.initialized), 0.5))}; start -> first lint_spec answer: p50 ${ms(quantile(starts.map((s) => s.firstAnswer), 0.5))}, max ${ms(Math.max(...starts.map((s) => s.firstAnswer)))} (${STARTS} starts)`);
console.log(`Target: warm lint_spec p95 < 20 ms: ${quantile(warm, 0.95) < 20 ? "met" : "NOT met"} (${ms(quantile(warm, 0.95))}); spawning per call is ${(quantile(spawned, 0.5) / quantile(warm, 0.5)).toFixed(0)}x the warm p50`);
if (problems.length > 0) {
  console.log(`\n${problems.length} problem(s); see above`);
  process.exitCode = 1;
}
