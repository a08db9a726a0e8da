// Roadmap benchmark: a generated roadmap of 5,000 items in 10 phases, 500 of them linking one of
// 500 generated PRDs. Prints, side by side in one run:
//   - the engine in-process: the roadmap read with its specs' health, cold and warm (the editor's
//     case: specs already linted), and a status change reflected (edit one line, read again);
//   - the language server over stdio: pm/roadmap warm (the whole model), and a status change as
//     the sidebar does it (pm/roadmapItemEdit, didChange, pm/roadmapUpdate: only changed phases),
//     beside the same change answered with the whole model again; and an edit to a linked spec;
//   - `pmw lint` on the same 500 specs, the alternative a user would run to see their health.
// Every result is validated (item count, linked specs, the changed status), never the timing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, ROADMAP_BENCH, writeRoadmapWorkspace } from "./corpus.mjs";
import { bundleEngine, startServer } from "./engine.mjs";

const { items: ITEMS, specs: SPECS, phases: PHASES } = ROADMAP_BENCH;
const RUNS = 20;
const problems = [];
const fail = (m) => {
  problems.push(m);
  console.log(`  !! ${m}`);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

// ---- the workspace ----------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), "pmw-roadmap-bench-"));
const { file: ROADMAP_FILE, text: roadmapText, specFiles } = writeRoadmapWorkspace(dir);
console.log(`Workspace: ${ITEMS} items in ${PHASES} phases, ${SPECS} linked PRDs (${(roadmapText.length / 1024).toFixed(0)} KB roadmap) in ${dir}\n`);

// ---- the engine in-process --------------------------------------------------------------------
const E = await bundleEngine(dir, `export * from "./src/core/roadmapHealth"; export * from "./src/core/roadmap"; export { parseDocument } from "./src/core/document"; export { ChunkCache } from "./src/core/markdown"; export { lintText } from "./src/core/lint"; export { LineIndex } from "./src/core/text"; export { loadWorkspace } from "./src/node/workspace"; export { nodeHost } from "./src/node/fsHost";`);
const ws = E.loadWorkspace(dir);
const env = { registry: ws.registry, config: ws.config, host: E.nodeHost, root: ws.root };
// Spec text is read once and kept, as the language server keeps it until the file changes on disk.
const diskText = new Map();
const textOf = (f) => {
  if (!diskText.has(f)) diskText.set(f, E.nodeHost.readText(f));
  return diskText.get(f);
};
const inspector = new E.SpecInspector(() => env, textOf);
const cache = new E.ChunkCache();

function read(index) {
  cache.nextGeneration();
  const doc = E.parseDocument(ROADMAP_FILE, index, cache);
  return E.roadmapReport(ROADMAP_FILE, doc, env, inspector, specFiles);
}

let index = new E.LineIndex(roadmapText);
let t0 = performance.now();
let report = read(index);
const cold = performance.now() - t0;
const items = E.roadmapItems(report.roadmap);
if (items.length !== ITEMS) fail(`read ${items.length} items, expected ${ITEMS}`);
if (report.specs.size !== SPECS || [...report.specs.values()].some((h) => !h.exists)) fail(`linked specs: ${report.specs.size} (expected ${SPECS}, all existing)`);
const warm = [];
for (let r = 0; r < RUNS; r++) {
  t0 = performance.now();
  report = read(index);
  warm.push(performance.now() - t0);
}
// The JSON the CLI prints (and the LSP payload is built from): part of "reading" for a client.
const json = [];
for (let r = 0; r < RUNS; r++) {
  t0 = performance.now();
  E.roadmapJson(read(index), (p) => p, 0);
  json.push(performance.now() - t0);
}
const change = [];
for (let r = 0; r < RUNS; r++) {
  const item = E.roadmapItems(report.roadmap)[(r * 997) % ITEMS];
  t0 = performance.now();
  const edits = E.itemStatusEdits(report.doc, report.roadmap, ROADMAP_FILE, item.line, report.doc.lines[item.line], item.status === "done" ? "blocked" : "done");
  for (const e of edits) index = index.edit(e.range, e.newText);
  report = read(index);
  change.push(performance.now() - t0);
  const after = E.itemAt(report.roadmap, item.line);
  if (!after || after.status !== (item.status === "done" ? "blocked" : "done")) fail(`status change on line ${item.line + 1} not reflected`);
}
t0 = performance.now();
for (const f of specFiles) E.lintText(f, E.nodeHost.readText(f), env);
const lintInProcess = performance.now() - t0;
const roadmapLint = [];
for (let r = 0; r < 5; r++) {
  t0 = performance.now();
  E.lintText(ROADMAP_FILE, roadmapText, env);
  roadmapLint.push(performance.now() - t0);
}

if (process.env.PMW_BENCH_PROFILE) {
  const part = (label, f) => {
    const xs = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      f();
      xs.push(performance.now() - t);
    }
    console.log(`  [profile] ${label}: ${ms(median(xs))}`);
  };
  part("parse", () => E.parseDocument(ROADMAP_FILE, index, cache));
  const d = E.parseDocument(ROADMAP_FILE, index, cache);
  part("readRoadmap", () => E.readRoadmap(d, ROADMAP_FILE, { root: dir, today: "2026-01-01" }));
  part("inspect", () => specFiles.forEach((f) => inspector.inspect(f)));
  part("readText", () => specFiles.forEach((f) => E.nodeHost.readText(f)));
}
console.log("Engine, in-process (median of 20):");
console.log(`  roadmap + spec health, cold (lints the ${SPECS} specs)      ${ms(cold)}`);
console.log(`  roadmap + spec health, warm                              ${ms(median(warm))}`);
console.log(`  roadmap + spec health + JSON model, warm                 ${ms(median(json))}`);
console.log(`  status change reflected (edit + read again)              ${ms(median(change))}`);
console.log(`  lintText on the ${SPECS} specs, in-process (for scale)       ${ms(lintInProcess)}`);
console.log(`  lintText of the roadmap itself (its diagnostics, per edit) ${ms(median(roadmapLint))}`);

// ---- the language server ----------------------------------------------------------------------
// Pull diagnostics, as VS Code: the roadmap's own lint runs when the editor asks for it, not on every change (its cost is printed apart).
const { conn, stop } = await startServer(dir, { workspace: { configuration: true }, textDocument: { diagnostic: {} } });
const uri = pathToFileURL(ROADMAP_FILE).href;
let text = roadmapText;
let version = 1;
await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version, text } });
t0 = performance.now();
let model = (await conn.sendRequest("pm/roadmap", { textDocument: { uri } }))[0];
const lspCold = performance.now() - t0;
const lspWarm = [];
for (let r = 0; r < RUNS; r++) {
  t0 = performance.now();
  model = (await conn.sendRequest("pm/roadmap", { textDocument: { uri } }))[0];
  lspWarm.push(performance.now() - t0);
}
const lspItems = model.phases.flatMap((p) => p.items);
if (lspItems.length !== ITEMS) fail(`pm/roadmap returned ${lspItems.length} items`);
/** Merges a pm/roadmapUpdate answer into the model held, as the Roadmap view does. */
const merge = (held, update) => ({ ...update.roadmap, phases: update.roadmap.phases.map((p, i) => p ?? held.phases[i]) });
const lspChange = { full: [], update: [] };
const sentPhases = [];
for (let r = 0; r < 2 * RUNS; r++) {
  const mode = r % 2 ? "update" : "full";
  const item = model.phases.flatMap((p) => p.items)[(r * 991) % ITEMS];
  const status = item.status === "done" ? "blocked" : "done";
  t0 = performance.now();
  const edit = await conn.sendRequest("pm/roadmapItemEdit", { uri, line: item.line, expectedLineText: item.lineText, status });
  const changes = edit.changes[uri];
  version++;
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes.map((c) => ({ range: c.range, text: c.newText })) });
  if (mode === "full") model = (await conn.sendRequest("pm/roadmap", { textDocument: { uri } }))[0];
  else {
    const update = await conn.sendRequest("pm/roadmapUpdate", { textDocument: { uri }, previousResultId: model.resultId });
    sentPhases.push(update.roadmap.phases.filter(Boolean).length);
    model = merge(model, update);
  }
  lspChange[mode].push(performance.now() - t0);
  const after = model.phases.flatMap((p) => p.items).find((i) => i.line === item.line);
  if (after?.status !== status) fail(`over LSP (${mode}), status change on line ${item.line + 1} not reflected`);
}
if (model.phases.flatMap((p) => p.items).length !== ITEMS) fail("the merged model lost items");
if (sentPhases.some((n) => n !== 1)) fail(`pm/roadmapUpdate sent ${sentPhases.join(",")} phases for one status change (expected 1 each)`);
// A linked spec edited in the editor: its health changes, the roadmap is answered from the cache but for that spec.
const specUri = pathToFileURL(specFiles[7]).href;
const specText = E.nodeHost.readText(specFiles[7]);
await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: specUri, languageId: "markdown", version: 1, text: specText } });
model = merge(model, await conn.sendRequest("pm/roadmapUpdate", { textDocument: { uri }, previousResultId: model.resultId }));
const specEdit = [];
for (let r = 0; r < RUNS; r++) {
  t0 = performance.now();
  // Alternately drop and restore the first section heading: the spec's findings change each time.
  const edited = r % 2 === 0 ? specText.replace(/^## .*$/m, "") : specText;
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri: specUri, version: r + 2 }, contentChanges: [{ text: edited }] });
  const update = await conn.sendRequest("pm/roadmapUpdate", { textDocument: { uri }, previousResultId: model.resultId });
  const sent = update.roadmap.phases.filter(Boolean).length;
  model = merge(model, update);
  specEdit.push(performance.now() - t0);
  if (sent !== 1) fail(`a spec edit sent ${sent} phases (expected the one phase linking it)`);
}
await stop();

console.log("\nLanguage server over stdio (median of 20):");
console.log(`  pm/roadmap, first request (lints the ${SPECS} specs)          ${ms(lspCold)}`);
console.log(`  pm/roadmap, warm (the whole 5,000-item model)            ${ms(median(lspWarm))}`);
console.log(`  status change, as the view does it: pm/roadmapItemEdit + didChange + pm/roadmapUpdate (one phase sent)`);
console.log(`                                                           ${ms(median(lspChange.update))}`);
console.log(`  the same, answered with the whole model (pm/roadmap)     ${ms(median(lspChange.full))}`);
console.log(`  a linked spec edited: didChange + pm/roadmapUpdate       ${ms(median(specEdit))}`);

// ---- the alternative: pmw lint on the same specs -----------------------------------------------
t0 = performance.now();
const lint = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "lint", "--format", "json", "prd"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
const lintWall = performance.now() - t0;
let linted = 0;
try {
  linted = JSON.parse(lint.stdout).length;
} catch {
  fail(`pmw lint printed no JSON (exit ${lint.status}): ${lint.stderr.slice(0, 500)}`);
}
if (linted !== SPECS) fail(`pmw lint reported ${linted} files, expected ${SPECS}`);
t0 = performance.now();
const rm = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "roadmap", "--format", "json", "ROADMAP.md"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
const roadmapWall = performance.now() - t0;
if (rm.status !== 0) fail(`pmw roadmap exited ${rm.status}: ${rm.stderr.slice(0, 500)}`);

console.log("\nCLI, one process each (spawn to exit):");
console.log(`  pmw lint prd/ (${SPECS} specs)                                ${ms(lintWall)}`);
console.log(`  pmw roadmap ROADMAP.md (reads the roadmap, lints its specs) ${ms(roadmapWall)}`);

if (!process.env.PMW_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
if (problems.length) {
  console.log(`\n${problems.length} problem(s); see above.`);
  process.exitCode = 1;
}
