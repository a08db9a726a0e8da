/** pm/roadmapTimeline over stdio: the rendered picture of one roadmap, what its cards open, and the changed phases alone after an edit. */
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { startClient, type TestClient } from "./client";
import type { PmRoadmapTimeline, PmRoadmapTimelinePhases } from "../../src/protocol";

const SPEC = "---\ntitle: Smart\nowner: ana\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n# Smart\n";
const ROADMAP = "# Plan\n\n## Now\n\n- [ ] Smart replies — @ana spec:[S](prd/smart.md)\n- [!] Vendor contract — spec:[Gone](prd/gone.md)\n";

const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

test("pm/roadmapTimeline renders the open text, numbers the cards and gives each its line and existing spec", async () => {
  const { client, uri } = await startClient({ "ROADMAP.md": ROADMAP, "prd/smart.md": SPEC });
  clients.push(client);
  await client.open(uri("ROADMAP.md"), ROADMAP);
  const t = await client.request<PmRoadmapTimeline>("pm/roadmapTimeline", { textDocument: { uri: uri("ROADMAP.md") }, lang: "zh-CN" });
  assert.deepEqual(
    [t.title, t.items, t.html.includes('data-item="1" tabindex="0" role="button"'), t.html.includes("受阻"), t.css.includes("--vscode-editor-background")],
    ["Plan", [{ line: 4, specUri: uri("prd/smart.md") }, { line: 5, specUri: null }], true, true, true],
  );
});

test("pm/roadmapTimeline follows an edit to the open roadmap", async () => {
  const { client, uri } = await startClient({ "ROADMAP.md": ROADMAP });
  clients.push(client);
  await client.open(uri("ROADMAP.md"), ROADMAP);
  await client.change(uri("ROADMAP.md"), [{ range: { start: { line: 5, character: 6 }, end: { line: 5, character: 21 } }, text: "<b>Partner API</b>" }]);
  const t = await client.request<PmRoadmapTimeline>("pm/roadmapTimeline", { textDocument: { uri: uri("ROADMAP.md") }, lang: "en" });
  assert.ok(t.html.includes("<h3>&lt;b&gt;Partner API&lt;/b&gt;</h3>"), t.html);
});

const THREE_PHASES = "# Plan\n\n## Now\n\n- [ ] Smart replies — @ana due:2026-12-01\n\n## Next\n\n- [ ] Voice — @bo due:2027-02-01\n- [ ] Chat — @bo\n\n## Later\n\n- [ ] Email — after:Voice\n";
type Answer = PmRoadmapTimeline | PmRoadmapTimelinePhases;

/** The timeline of THREE_PHASES as the webview holds it, then the answer after `edited` replaces the text. */
async function afterEdit(edited: string): Promise<{ held: PmRoadmapTimeline; next: Answer }> {
  const { client, uri } = await startClient({ "ROADMAP.md": THREE_PHASES });
  clients.push(client);
  const textDocument = { uri: uri("ROADMAP.md") };
  await client.open(textDocument.uri, THREE_PHASES);
  const held = await client.request<PmRoadmapTimeline>("pm/roadmapTimeline", { textDocument, lang: "en" });
  await client.change(textDocument.uri, [{ text: edited }]);
  return { held, next: await client.request<Answer>("pm/roadmapTimeline", { textDocument, lang: "en", previousResultId: held.resultId }) };
}

test("pm/roadmapTimeline after retitling one item sends only that card, its target and the totals", async () => {
  const { next } = await afterEdit(THREE_PHASES.replace("- [ ] Chat", "- [!] Live chat"));
  assert.ok(next.kind === "phases");
  const card = next.phases[0]?.kind === "cards" ? next.phases[0].cards[0]! : { html: "" };
  assert.match(card.html, /^<li class="card s-blocked" data-item="2"[^]*<h3>Live chat<\/h3>[^]*<\/li>$/);
  assert.deepEqual([next.phases, /Blocked 1/.test(next.head)], [[{ kind: "cards", index: 1, firstItem: 1, cards: [{ item: 2, at: 1, html: card.html, target: { line: 9, specUri: null } }] }], true]);
});

test("pm/roadmapTimeline sends a card's phase header when its progress changed, and its axis lane when the lane shows what changed", async () => {
  const { next } = await afterEdit(THREE_PHASES.replace("- [ ] Voice — @bo", "- [x] Voice bot — @bo"));
  const phase = next.kind === "phases" ? next.phases[0] : undefined;
  assert.deepEqual(phase?.kind === "cards" && [phase.index, phase.cards.map((c) => c.item), /1\/2 done/.test(phase.head ?? ""), /<title>Voice bot · Done · 2027-02-01<\/title>/.test(phase.lane ?? "")], [1, [1], true, true]);
});

test("pm/roadmapTimeline sends a whole phase when most of its cards changed, and when an item it waits for (after:) is renamed in another phase", async () => {
  const both = await afterEdit(THREE_PHASES.replace("- [ ] Chat", "- [ ] Live chat").replace("Voice — @bo", "Voice bot — @bo"));
  assert.deepEqual(
    both.next.kind === "phases" && both.next.phases.map((p) => [p.index, p.kind, p.kind === "phase" && /After Voice bot/.test(p.html)]),
    [[1, "phase", false], [2, "phase", true]],
  );
});

test("pm/roadmapTimeline sends an added item as one card to insert, the phase's targets, and of the phase after it how far its lines moved", async () => {
  const { next } = await afterEdit(THREE_PHASES.replace("- [ ] Chat — @bo\n", "- [ ] Chat — @bo\n- [ ] Video — @bo\n"));
  assert.deepEqual(
    next.kind === "phases" && [next.total, next.phases.map((p) => (p.kind === "cards" ? [p.index, p.splice, p.cards.map((c) => [c.item, c.at, /<h3>Video<\/h3>/.test(c.html)]), p.replacedItems, p.items?.map((i) => i.line), p.linesMoved] : [p.index, p.kind]))],
    [5, [[1, { at: 2, remove: 0 }, [[3, 2, true]], 2, [8, 9, 10], undefined], [2, undefined, [], undefined, undefined, { by: 1, items: 1 }]]],
  );
});

test("pm/roadmapTimeline sends a removed item as cards to take out, and a phase that lost all its items whole", async () => {
  const one = await afterEdit(THREE_PHASES.replace("- [ ] Chat — @bo\n", ""));
  const all = await afterEdit(THREE_PHASES.replace("- [ ] Email — after:Voice\n", ""));
  assert.deepEqual(
    [one.next.kind === "phases" && one.next.phases.map((p) => [p.index, p.kind, p.kind === "cards" && p.splice]), all.next.kind === "phases" && all.next.phases.map((p) => [p.index, p.kind])],
    [[[1, "cards", { at: 1, remove: 1 }], [2, "cards", undefined]], [[2, "phase"]]],
  );
});

test("pm/roadmapTimeline after a line added above a phase sends no card of it, only its items' new lines", async () => {
  const { next } = await afterEdit(THREE_PHASES.replace("- [ ] Smart replies — @ana due:2026-12-01\n", "- [ ] Smart replies — @ana due:2026-12-01\n\n"));
  assert.deepEqual(
    next.kind === "phases" && next.phases.map((p) => (p.kind === "cards" ? [p.index, p.cards.length, p.linesMoved, p.items] : [p.index, p.kind])),
    [[0, 0, undefined, undefined], [1, 0, { by: 1, items: 2 }, undefined], [2, 0, { by: 1, items: 1 }, undefined]],
  );
});

test("pm/roadmapTimeline after a line added between two items of a phase sends that phase's targets, no card", async () => {
  const { next } = await afterEdit(THREE_PHASES.replace("- [ ] Chat", "\n- [ ] Chat"));
  assert.deepEqual(
    next.kind === "phases" && next.phases.map((p) => (p.kind === "cards" ? [p.index, p.cards.length, p.linesMoved, p.items?.map((i) => i.line)] : [p.index, p.kind])),
    [[1, 0, undefined, [8, 10]], [2, 0, { by: 1, items: 1 }, undefined]],
  );
});

test("pm/roadmapTimeline sends the whole page when a phase is added, and when the client's result is not the last one", async () => {
  const added = await afterEdit(`${THREE_PHASES}\n## Someday\n\n- [ ] Fax\n`);
  const { client, uri } = await startClient({ "ROADMAP.md": THREE_PHASES });
  clients.push(client);
  const stale = await client.request<Answer>("pm/roadmapTimeline", { textDocument: { uri: uri("ROADMAP.md") }, lang: "en", previousResultId: "stale" });
  assert.deepEqual([added.next.kind, added.next.kind === "page" && added.next.html.includes("Someday"), stale.kind], ["page", true, "page"]);
});

test("pm/roadmapTimeline on a URI that is not a file is an InvalidParams error", async () => {
  const { client } = await startClient({});
  clients.push(client);
  const code = await client.request("pm/roadmapTimeline", { textDocument: { uri: "untitled:Untitled-1" }, lang: "en" }).then(() => 0, (e: { code: number }) => e.code);
  assert.equal(code, -32602);
});
