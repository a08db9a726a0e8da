#!/usr/bin/env node
// LSP latency benchmark: the time from a one-character `didChange` to the diagnostics pushed for
// it, over stdio, on a generated 10,000-line PRD and a 300-line PRD; plus server start to first
// diagnostics. Assumes dist/ is built (`npm run build`). Usage:
//   node scripts/bench/lsp.mjs [--edits 200] [--json]
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const SELF = import.meta.url ? fileURLToPath(import.meta.url) : "";
const ROOT = SELF ? resolve(dirname(SELF), "..", "..") : process.cwd();
// PMW_BENCH_SERVER: another build of the server (scripts/bench/nlp.mjs times its candidates with it).
const SERVER = process.env.PMW_BENCH_SERVER || join(ROOT, "dist", "server.js");
const args = process.argv.slice(2);
const EDITS = Number(args[args.indexOf("--edits") + 1] ?? 200) || 200;
const JSON_OUT = args.includes("--json");

/** A realistic AI-feature PRD of about `target` lines: every required section, tables, lists, prose. */
export function generatePrd(target) {
  const out = [];
  const push = (...lines) => out.push(...lines);
  push("---", "title: Smart replies for the support desk", "owner: ana.li", "status: review", "updated: 2026-01-10", "template: ai-feature-prd", "---", "");
  push("# Smart replies for the support desk", "", "> Suggests a reply for each incoming ticket so agents answer repeats in one click.", "");
  push("## Failure criteria", "", "We stop or roll back if any of these holds:", "", "| Metric | Threshold | Window | Action |", "| --- | --- | --- | --- |");
  push("| First-answer accuracy | < 85% | 7 consecutive days | Roll back to the macro flow |", "| Escalation rate | > 12% | 14 days | Freeze rollout |", "");
  push("## Problem", "", "Agents retype the same answers: 40% of 12,000 weekly tickets are repeats (ticket export, Dec 2025).", "Interview notes: [notes](#problem).", "");
  push("## Users and scenarios", "", "- **Primary user:** tier-1 support agents on the chat desk.", "- **Scenario:** a customer asks about refunds; today the agent searches macros for 90 s.", "");
  push("## Goals and non-goals", "", "**Goals**", "", "- Cut handle time for repeats from 6 min to 2 min.", "", "**Non-goals**", "", "- Fully automated replies without an agent.", "");
  push("## Success metrics", "", "| Metric | Definition | Baseline | Target | Window |", "| --- | --- | --- | --- | --- |");
  push("| Handle time | median minutes from open to reply, repeats only | 6 min | 2 min | 28 days |", "| Suggestion acceptance | accepted / shown | 0% | 60% | 28 days |", "");
  push("## Requirements", "");
  let fr = 1;
  let area = 1;
  const tail = [];
  tail.push("## Prototype", "", "Clickable prototype: [Figma](https://example.com/figma/smart-replies).", "");
  tail.push("## Fallback and degradation path", "", "1. **Trigger:** model latency > 2 s → **Action:** switch to the distilled model (p95 < 150 ms).", "2. **Trigger:** confidence < 0.7 → **Action:** show the macro search instead.", "3. **Trigger:** three degradations in a row → **Action:** hand over to a human agent with the full context.", "");
  tail.push("## Human review gate", "", "- **Trigger:** refunds over $200 need a supervisor.", "- **SLA:** within 90 s.", "- **On rejection or timeout:** withhold the reply and route to a specialist.", "");
  tail.push("## Evaluation plan", "", "| Eval | Method | Pass bar |", "| --- | --- | --- |", "| Offline accuracy | 2,000 labelled tickets | >= 90% |", "| Hallucination stress test | ask for policies that do not exist | <= 1% invented |", "| Cross-language consistency | same question in Chinese and English | >= 95% same conclusion |", "");
  tail.push("## Data contract", "", "- **Inputs:** ticket text, customer tier, order history (90 days).", "- **PII handling:** emails and phone numbers masked before the model call.", "");
  tail.push("## Cost and latency budget", "", "- **Cost per request:** $0.002", "- **Latency:** p95 < 800 ms", "");
  tail.push("## Risks, compliance and red lines", "", "- **Bias:** alert when acceptance differs by > 5% across regions.", "- **Red lines:** no refund is approved by the model alone.", "");
  tail.push("## Rollout and exit plan", "", "- **Stages:** internal → 5% → 50% → 100%", "- **Kill switch:** feature flag `smart-replies`, owner on call.", "");
  tail.push("## Open questions", "", "- Which macros retire first? Owner: ana.li, by 2026-02-01.", "");
  while (out.length + tail.length < target - 30) {
    push(`### Area ${area}: ticket category ${area}`, "");
    push(`Agents handle category ${area} tickets in about ${3 + (area % 5)} minutes today; suggestions should cover the common intents below.`, "");
    for (let i = 0; i < 6; i++) push(`- **FR-${String(fr++).padStart(3, "0")}** Suggest a reply for intent ${area}.${i} within 800 ms, citing the policy paragraph it used.`);
    push("");
    push("| Intent | Share of tickets | Policy | Owner |", "| --- | --- | --- | --- |");
    for (let i = 0; i < 4; i++) push(`| intent ${area}.${i} | ${(i + 1) * 3}% | [policy ${area}.${i}](https://example.com/policy/${area}/${i}) | team-${area % 7} |`);
    push("");
    if (area % 25 === 0) push("Open point: TBD with legal.", "");
    area++;
  }
  push(...tail);
  while (out.length < target) push(`Note ${out.length}: numbers above are from the December 2025 export.`);
  return out.slice(0, target).join("\n") + "\n";
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function startServer(root) {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [SERVER, "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification("textDocument/publishDiagnostics", (p) => {
    const t = performance.now();
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].match(p)) {
        waiters[i].resolve({ p, t });
        waiters.splice(i, 1);
      }
    }
  });
  conn.onRequest("workspace/configuration", (params) => params.items.map(() => ({})));
  conn.onRequest("client/registerCapability", () => null);
  conn.onRequest("window/workDoneProgress/create", () => null);
  conn.listen();
  const next = (uri, version) => new Promise((resolve) => waiters.push({ match: (p) => p.uri === uri && p.version === version, resolve }));
  return { proc, conn, next, t0 };
}

async function initialize(s, root) {
  const uri = pathToFileURL(root).href;
  await s.conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: "bench" }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true, workspaceEdit: { documentChanges: true } } },
  });
  await s.conn.sendNotification("initialized", {});
}

async function stop(s) {
  await s.conn.sendRequest("shutdown");
  await s.conn.sendNotification("exit");
  await new Promise((r) => (s.proc.exitCode !== null ? r() : s.proc.on("exit", r)));
  s.conn.dispose();
}

/**
 * One-character edits as typing makes them: at a random prose line, five characters typed one
 * by one, then five backspaces; each edit waits for its diagnostics before the next.
 */
async function measureEdits(s, uri, text, edits, state) {
  const lines = text.split("\n");
  const prose = [];
  for (let i = 0; i < lines.length; i++) if (/^(- |\| intent|Agents handle)/.test(lines[i])) prose.push(i);
  const times = [];
  for (let k = 0; k < edits; k++) {
    state.version++;
    if (state.typed === 0 && !state.deleting) {
      const line = prose[Math.floor(state.rand() * prose.length)];
      state.at = { line, character: Math.min(lines[line].length, 10) };
    }
    const { line, character } = state.at;
    let change;
    if (!state.deleting) {
      const p = { line, character: character + state.typed };
      change = { range: { start: p, end: p }, text: "edit "[state.typed] };
      if (++state.typed === 5) state.deleting = true;
    } else {
      change = { range: { start: { line, character: character + state.typed - 1 }, end: { line, character: character + state.typed } }, text: "" };
      if (--state.typed === 0) state.deleting = false;
    }
    const wait = s.next(uri, state.version);
    const t0 = performance.now();
    await s.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: state.version }, contentChanges: [change] });
    const { t } = await wait;
    times.push(t - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
}

function typingState() {
  let seed = 42;
  return { version: 1, typed: 0, deleting: false, at: null, rand: () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff };
}

/** Edits after opening before the steady-state sample: half a minute of typing at 10 keys a second. */
const WARM_UP = 300;

async function benchDocument(lineCount, edits) {
  const root = mkdtempSync(join(tmpdir(), "pmw-bench-lsp-"));
  try {
    const file = join(root, `prd-${lineCount}.md`);
    const text = generatePrd(lineCount);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const s = startServer(root);
    await initialize(s, root);
    const first = s.next(uri, 1);
    const tOpen = performance.now();
    await s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
    const { p, t } = await first;
    const startup = t - s.t0;
    const openToFirst = t - tOpen;
    // The first edits after opening run while V8 is still compiling the hot path in the
    // background (on two CPUs this competes with both processes): reported apart as "cold".
    const state = typingState();
    const cold = await measureEdits(s, uri, text, edits, state);
    await measureEdits(s, uri, text, Math.max(0, WARM_UP - edits), state);
    const r = await measureEdits(s, uri, text, edits, state);
    await stop(s);
    return { lines: text.split("\n").length - 1, diagnostics: p.diagnostics.length, startup, openToFirst, ...r, coldP50: cold.p50, coldP95: cold.p95 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const ms = (n) => `${n.toFixed(2)} ms`;

async function main() {
  const results = [];
  for (const n of [10000, 300]) results.push(await benchDocument(n, EDITS));
  if (JSON_OUT) {
    process.stdout.write(JSON.stringify({ edits: EDITS, results }, null, 2) + "\n");
    return;
  }
  process.stdout.write(`LSP latency: one-character didChange -> publishDiagnostics over stdio, typing bursts (5 characters, 5 backspaces).\n`);
  process.stdout.write(`Steady state: ${EDITS} edits after ${Math.max(WARM_UP, EDITS)}; cold: the first ${EDITS} edits after opening.\n\n`);
  process.stdout.write("| document | diagnostics | p50 | p95 | max | cold p50 | cold p95 | start -> first diagnostics | didOpen -> diagnostics |\n");
  process.stdout.write("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
  for (const r of results) {
    process.stdout.write(`| ${r.lines.toLocaleString("en")}-line PRD | ${r.diagnostics} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${ms(r.coldP50)} | ${ms(r.coldP95)} | ${ms(r.startup)} | ${ms(r.openToFirst)} |\n`);
  }
  const [big, small] = results;
  const verdict = (ok) => (ok ? "met" : "MISSED");
  process.stdout.write(`\nTargets (steady state): p95 < 15 ms on the 10k-line PRD: ${verdict(big.p95 < 15)}; p95 < 3 ms on the 300-line PRD: ${verdict(small.p95 < 3)}\n`);
  process.stdout.write(`Server start -> first diagnostics < 300 ms: 300-line PRD ${verdict(small.startup < 300)} (${ms(small.startup)}); 10k-line PRD ${verdict(big.startup < 300)} (${ms(big.startup)})\n`);
}

if (SELF && process.argv[1] && resolve(process.argv[1]) === SELF) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
