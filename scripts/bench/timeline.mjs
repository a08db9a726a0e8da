// Roadmap timeline benchmark, on the roadmap of scripts/bench/roadmap.mjs (corpus.mjs writes both) (5,000 items in 10
// phases, 500 of them linking one of 500 generated PRDs). Prints, side by side in one run:
//   - in-process: reading the roadmap with its specs' health (the model) beside rendering that
//     model to the HTML page and to SVG;
//   - the language server over stdio (pull diagnostics, as VS Code): an edit reaching the open
//     timeline (didChange, then pm/roadmapTimeline with the webview's result id: the changed card
//     only) beside the same edit answered with its whole phase (`cards: false`), with the whole
//     page (no result id: what every edit cost before) and beside the tree's update (pm/roadmapUpdate);
//   - edit to screen: the edit, the server's answer and media/timeline.js swapping it into the
//     open page in Chromium, to the page's next frame (the issue's "an edit reaches the open webview");
//   - the webview's script (media/timeline.js) in Chromium: the changed card swapped into the
//     open page beside the changed phase and the whole page swapped in;
//   - the CLI: `pmw roadmap --format html` beside `--format json`.
// Every result is validated (card count, the edited title present, one card or phase sent), never the timing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, ROADMAP_BENCH, writeRoadmapWorkspace } from "./corpus.mjs";
import { bundleEngine, startServer } from "./engine.mjs";

const { items: ITEMS, specs: SPECS, phases: PHASES } = ROADMAP_BENCH;
const RUNS = 20;
const TODAY = "2027-06-15";
const problems = [];
const fail = (m) => {
  problems.push(m);
  console.log(`  !! ${m}`);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const timed = (f) => {
  const xs = [];
  let result;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    result = f(r);
    xs.push(performance.now() - t);
  }
  return { ms: median(xs), result };
};

// ---- the workspace: the same generated roadmap as roadmap.mjs ----------------------------------
const dir = mkdtempSync(join(tmpdir(), "pmw-timeline-bench-"));
const { file: ROADMAP_FILE, text: roadmapText, specFiles } = writeRoadmapWorkspace(dir);
console.log(`Workspace: ${ITEMS} items in ${PHASES} phases, ${SPECS} linked PRDs (${(roadmapText.length / 1024).toFixed(0)} KB roadmap) in ${dir}\n`);

// ---- in-process -------------------------------------------------------------------------------
const E = await bundleEngine(dir, `export * from "./src/core/roadmapHealth"; export * from "./src/core/timeline"; export { parseDocument } from "./src/core/document"; export { ChunkCache } from "./src/core/markdown"; export { LineIndex } from "./src/core/text"; export { loadWorkspace } from "./src/node/workspace"; export { nodeHost } from "./src/node/fsHost";`);
const ws = E.loadWorkspace(dir);
const env = { registry: ws.registry, config: ws.config, host: E.nodeHost, root: ws.root, today: TODAY };
const diskText = new Map();
const inspector = new E.SpecInspector(() => env, (f) => (diskText.has(f) ? diskText.get(f) : diskText.set(f, E.nodeHost.readText(f)).get(f)));
const cache = new E.ChunkCache();
const index = new E.LineIndex(roadmapText);
const model = () => {
  cache.nextGeneration();
  return E.roadmapJson(E.roadmapReport(ROADMAP_FILE, E.parseDocument(ROADMAP_FILE, index, cache), env, inspector, specFiles), (p) => p, 1);
};
model(); // lints the specs once, as the editor has by the time a timeline opens
const read = timed(model);
const options = { lang: "en", today: TODAY };
const page = timed(() => E.renderTimelinePage([read.result], options));
const svg = timed(() => E.renderTimelineSvg([read.result], options));
const cards = (page.result.match(/<li class="card /g) ?? []).length;
if (cards !== ITEMS) fail(`the page has ${cards} cards, expected ${ITEMS}`);
if (!svg.result.trimEnd().endsWith("</svg>")) fail("the SVG is not closed");

console.log("In-process, warm (median of 20):");
console.log(`  read: roadmap + spec health + JSON model                 ${ms(read.ms)}`);
console.log(`  render the model to the HTML page (${(page.result.length / 1024).toFixed(0)} KB)             ${ms(page.ms)}   (target < 100 ms)`);
console.log(`  render the model to SVG (${(svg.result.length / 1024).toFixed(0)} KB)                      ${ms(svg.ms)}`);

// ---- the language server ----------------------------------------------------------------------
// Pull diagnostics, as VS Code: the roadmap's own lint runs when the editor asks for it, not before the timeline's answer.
const { conn, stop } = await startServer(dir, { workspace: { configuration: true }, textDocument: { diagnostic: {} } });
const uri = pathToFileURL(ROADMAP_FILE).href;
let version = 1;
await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version, text: roadmapText } });
let timelineId = (await conn.sendRequest("pm/roadmapTimeline", { textDocument: { uri }, lang: "en" })).resultId;
let treeId = (await conn.sendRequest("pm/roadmap", { textDocument: { uri } }))[0].resultId;
// Each run retitles one item: a keystroke's worth of change in a different place each time.
const edit = async (r, label, request) => {
  // Lines 16-115 are the first stream's items: `- [ ] Deliverable ...`.
  const line = 16 + ((r * 37) % 100);
  const title = `Edited ${r} ${label}`;
  version++;
  const t = performance.now();
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 6 }, end: { line, character: 6 } }, text: `${title} ` }] });
  const result = await request();
  const elapsed = performance.now() - t;
  const text = JSON.stringify(result);
  if (!text.includes(title)) fail(`${label} after an edit on line ${line + 1} does not show it`);
  return { elapsed, result, bytes: text.length };
};
const runs = { cards: [], phases: [], page: [], tree: [] };
const bytes = { cards: 0, lane: 0, phases: 0, page: 0, added: 0 };
/** The last answers of each kind, replayed into the webview's script below. */
const last = { cards: null, phases: null, page: null };
for (let r = 0; r < RUNS; r++) {
  // Each request sees the one edit before it: the tree's and the page's first, then the phase's, then the card's.
  const tree = await edit(r, "tree", () => conn.sendRequest("pm/roadmapUpdate", { textDocument: { uri }, previousResultId: treeId }));
  treeId = tree.result.roadmap.resultId;
  runs.tree.push(tree.elapsed);
  const full = await edit(r, "page", () => conn.sendRequest("pm/roadmapTimeline", { textDocument: { uri }, lang: "en" }));
  if (full.result.kind !== "page") fail("pm/roadmapTimeline without a result id did not send the page");
  timelineId = full.result.resultId;
  runs.page.push(full.elapsed);
  bytes.page = full.bytes;
  last.page = full.result;
  const inc = await edit(r, "phases", () => conn.sendRequest("pm/roadmapTimeline", { textDocument: { uri }, lang: "en", previousResultId: timelineId, cards: false }));
  if (inc.result.kind !== "phases" || inc.result.phases.length !== 1 || inc.result.phases[0].kind !== "phase") fail(`pm/roadmapTimeline with cards: false sent ${inc.result.kind === "phases" ? `${inc.result.phases.length} phases` : "the whole page"} for one retitled item (expected one phase)`);
  timelineId = inc.result.resultId;
  runs.phases.push(inc.elapsed);
  bytes.phases = inc.bytes;
  last.phases = inc.result;
  const card = await edit(r, "cards", () => conn.sendRequest("pm/roadmapTimeline", { textDocument: { uri }, lang: "en", previousResultId: timelineId }));
  const sentCards = card.result.kind === "phases" && card.result.phases.length === 1 && card.result.phases[0].kind === "cards" ? card.result.phases[0].cards.length : -1;
  if (sentCards !== 1) fail(`pm/roadmapTimeline sent ${card.result.kind === "phases" ? JSON.stringify(card.result.phases.map((p) => p.kind)) : "the whole page"} for one retitled item (expected one card)`);
  timelineId = card.result.resultId;
  runs.cards.push(card.elapsed);
  bytes.cards = card.bytes;
  bytes.lane = card.result.phases?.[0]?.lane?.length ?? 0;
  last.cards = card.result;
}
// The open webview's page in Chromium, for the edit-to-screen run below and the swaps after it.
let browser = null;
try {
  browser = await (await import("../vscode/codeServer.mjs")).launchBrowser();
} catch (e) {
  console.log(`\n(webview timing skipped: Chromium did not start: ${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
}
/** An answer of changed phases as src/extension/timelineView.ts posts it. */
const messageOf = (answer) => ({
  type: "phases",
  head: answer.head,
  total: answer.total,
  phases: answer.phases.map((p) => (p.kind === "cards" ? { kind: p.kind, index: p.index, head: p.head, lane: p.lane, splice: p.splice, cards: p.cards.map(({ at, html }) => ({ at, html })) } : { kind: p.kind, index: p.index, html: p.html, lane: p.lane })),
});
/** The open webview's page (`css` added to its stylesheet) and `swap`: a message posted to it, timed to the next frame. */
const openPage = async (css = "") => {
  const tab = await browser.newPage();
  await tab.setContent(`<!DOCTYPE html><html><head><style>body{margin:0}${last.page.css}${css}</style></head><body><div id="root">${last.page.html}</div></body></html>`);
  await tab.evaluate(() => {
    window.posted = [];
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });
  });
  await tab.addScriptTag({ content: readFileSync(join(ROOT, "media", "timeline.js"), "utf8") });
  const swap = (message) =>
    tab.evaluate(
      (m) =>
        new Promise((resolve) => {
          const t = performance.now();
          window.dispatchEvent(new MessageEvent("message", { data: m }));
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
        }),
      message,
    );
  return { tab, swap };
};
const { tab, swap } = browser ? await openPage() : { tab: null, swap: null };
// Edit to screen: the edit sent, the server's answer posted to the page as the extension posts
// it, to the page's next frame with the card swapped in.
const toScreen = [];
const addToScreen = [];
const addAnswer = [];
if (tab) {
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const card = await edit(RUNS + r, "screen", () => conn.sendRequest("pm/roadmapTimeline", { textDocument: { uri }, lang: "en", previousResultId: timelineId }));
    if (card.result.kind !== "phases") fail("pm/roadmapTimeline sent the whole page for one retitled item");
    timelineId = card.result.resultId;
    await swap(messageOf(card.result));
    toScreen.push(performance.now() - t);
  }
  // An item typed in: one card inserted into its phase, the phases after it only how far their lines moved.
  for (let r = 0; r < RUNS; r++) {
    const title = `Added ${r}`;
    version++;
    const t = performance.now();
    await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, text: `- [ ] ${title}\n` }] });
    const answer = await conn.sendRequest("pm/roadmapTimeline", { textDocument: { uri }, lang: "en", previousResultId: timelineId });
    const inserted = answer.kind === "phases" && answer.phases.every((p) => p.kind === "cards") ? answer.phases.reduce((n, p) => n + p.cards.length, 0) : -1;
    if (inserted !== 1 || !answer.phases[0].splice) fail(`pm/roadmapTimeline sent ${answer.kind === "phases" ? JSON.stringify(answer.phases.map((p) => p.kind)) : "the whole page"} for one added item (expected one card inserted)`);
    addAnswer.push(performance.now() - t);
    timelineId = answer.resultId;
    bytes.added = JSON.stringify(answer).length;
    await swap(messageOf(answer));
    addToScreen.push(performance.now() - t);
    const shown = await tab.evaluate((title) => ({ cards: document.querySelectorAll(".card").length, has: document.querySelector("#root").textContent.includes(title), resync: window.posted.filter((m) => m.type === "resync").length }), title);
    if (shown.cards !== ITEMS + r + 1 || !shown.has || shown.resync) fail(`after adding "${title}" the page holds ${shown.cards} cards${shown.has ? "" : " without it"} and asked ${shown.resync} times for the page`);
  }
  const shown = `Edited ${2 * RUNS - 1} screen`;
  if (!(await tab.evaluate((title) => document.querySelector("#root").textContent.includes(title), shown))) fail(`the open page does not show "${shown}" after the edit`);
}
await stop();
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log("\nLanguage server over stdio, pull diagnostics (median of 20; one item retitled each time):");
console.log(`  edit -> pm/roadmapTimeline, changed card only (${kb(bytes.cards)}, of which the axis lane ${kb(bytes.lane)})   ${ms(median(runs.cards))}   (target < 100 ms; what the open webview waits for)`);
console.log(`  edit -> pm/roadmapTimeline, its whole phase (${kb(bytes.phases)})     ${ms(median(runs.phases))}   (the alternative: phase by phase)`);
console.log(`  edit -> pm/roadmapTimeline, the whole page (${kb(bytes.page)})    ${ms(median(runs.page))}   (the alternative: every edit before)`);
console.log(`  edit -> pm/roadmapUpdate (the tree's update, for scale)  ${ms(median(runs.tree))}`);
if (addToScreen.length) console.log(`  edit adding an item -> on screen: one card inserted, the other phases' line shift (${kb(bytes.added)})   ${ms(median(addToScreen))}, of which the answer ${ms(median(addAnswer))}   (the alternative: the whole page, above, plus its swap below)`);
if (toScreen.length) console.log(`  edit -> the card on screen: the answer above swapped into the open page in Chromium, to its next frame   ${ms(median(toScreen))}   (target < 100 ms)`);

// ---- the webview's side: media/timeline.js in Chromium ------------------------------------------
// The open page (the server's whole page, with its stylesheet), then each answer as the webview
// receives it: the changed phase swapped in, beside the whole page swapped in, timed to the next
// frame (layout and paint included). Skipped when Chromium cannot start.
if (browser) {
  // As src/extension/timelineView.ts posts them.
  const cardsMessage = messageOf(last.cards);
  const phasesMessage = messageOf(last.phases);
  const pageMessage = { type: "page", html: last.page.html };
  // Back to the page the answers below fit (the items added above are not in it).
  await swap(pageMessage);
  // The same card without its lane: the lane's share of the card swap.
  const cardOnlyMessage = { ...cardsMessage, phases: cardsMessage.phases.map((p) => ({ ...p, lane: undefined })) };
  const inWebview = { cards: [], perCard: [], cardOnly: [], phases: [], page: [] };
  for (let r = 0; r < RUNS; r++) {
    inWebview.cards.push(await swap(cardsMessage));
    inWebview.cardOnly.push(await swap(cardOnlyMessage));
    inWebview.phases.push(await swap(phasesMessage));
    inWebview.page.push(await swap(pageMessage));
  }
  const check = await tab.evaluate(() => ({ cards: document.querySelectorAll(".card").length, resync: window.posted.filter((m) => m.type === "resync").length }));
  if (check.cards !== ITEMS || check.resync !== 0) fail(`the webview's script left ${check.cards} cards and asked ${check.resync} times for the page`);
  // The alternative stylesheet, in a page of its own once the first is closed (a page in the
  // background draws no frames): each card drawn only near the screen, not each full list of 50.
  await tab.close();
  const perCard = await openPage(".pmw-timeline .tl-cards.full{content-visibility:visible}.pmw-timeline .card{content-visibility:auto;contain-intrinsic-size:auto 130px}");
  for (let r = 0; r < RUNS; r++) inWebview.perCard.push(await perCard.swap(cardsMessage));
  await browser.close();
  console.log("\nThe webview's script in Chromium (median of 20; message received to the next frame):");
  const cardParts = last.cards.phases[0];
  console.log(`  swap in the changed card (${cardParts.cards.length} card${cardParts.lane ? ", its axis lane" : ""}${cardParts.head ? ", its phase header" : ""})          ${ms(median(inWebview.cards))}`);
  console.log(`  the same card, each card drawn only near the screen       ${ms(median(inWebview.perCard))}   (the alternative: content-visibility per card, not per list of 50)`);
  console.log(`  the same card without its axis lane (the lane's share)   ${ms(median(inWebview.cardOnly))}`);
  console.log(`  swap in the changed phase (${last.phases.phases.length} of ${PHASES} columns and axis lanes)       ${ms(median(inWebview.phases))}   (the alternative: phase by phase)`);
  console.log(`  swap in the whole page (the alternative)                 ${ms(median(inWebview.page))}`);
}

// ---- the CLI ----------------------------------------------------------------------------------
const cli = (format) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "roadmap", "ROADMAP.md", "--format", format, "--today", TODAY], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) fail(`pmw roadmap --format ${format} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return performance.now() - t;
};
const json = cli("json");
const html = cli("html");
console.log("\nCLI, one process each (spawn to exit; lints the 500 specs):");
console.log(`  pmw roadmap ROADMAP.md --format json                     ${ms(json)}`);
console.log(`  pmw roadmap ROADMAP.md --format html                     ${ms(html)}`);

if (!process.env.PMW_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
if (problems.length) {
  console.log(`\n${problems.length} problem(s); see above.`);
  process.exitCode = 1;
}
