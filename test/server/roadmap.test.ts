/** Roadmap requests over stdio: pm/roadmap, pm/roadmapUpdate, pm/specs, pm/roadmapItemEdit, pm/linkSpecEdit, pm/roadmapChanged. */
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import type { WorkspaceEdit } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "./client";
import type { PmRoadmap, PmRoadmapUpdate, PmSpecSummary, RoadmapChangedParams } from "../../src/protocol";

const SPEC = (title: string, extra = "") => `---\ntitle: ${title}\nowner: ana\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n# ${title}\n${extra}`;
const ROADMAP = "# Plan\n\n## Now\n\n- [ ] Smart replies — @ana spec:[S](prd/smart.md)\n- [x] Done thing\n";

const clients: TestClient[] = [];
async function start(files: Record<string, string>) {
  const s = await startClient(files);
  clients.push(s.client);
  return s;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

test("pm/roadmap without a document returns every roadmap, lines 0-based, with the line text for edits", async () => {
  const { client, uri } = await start({ "ROADMAP.md": ROADMAP, "prd/smart.md": SPEC("Smart"), "prd/lonely.md": SPEC("Lonely") });
  const [r, ...rest] = await client.request<PmRoadmap[]>("pm/roadmap", {});
  const item = r!.phases[0]!.items[0]!;
  assert.deepEqual(
    [rest.length, r!.uri, r!.phases[0]!.line, r!.phases[0]!.progress, item.line, item.lineText, item.spec?.uri, item.spec?.exists, r!.orphans],
    [0, uri("ROADMAP.md"), 2, { done: 1, total: 2 }, 4, "- [ ] Smart replies — @ana spec:[S](prd/smart.md)", uri("prd/smart.md"), true, [uri("prd/lonely.md")]],
  );
});

test("pm/roadmap reads the open document's text, not the file", async () => {
  const { client, uri } = await start({ "ROADMAP.md": ROADMAP });
  await client.open(uri("ROADMAP.md"), "## Later\n\n- [/] Unsaved item\n");
  const [r] = await client.request<PmRoadmap[]>("pm/roadmap", { textDocument: { uri: uri("ROADMAP.md") } });
  assert.deepEqual(r!.phases.map((p) => [p.title, p.items.map((i) => `${i.status} ${i.title}`)]), [["Later", ["in-progress Unsaved item"]]]);
});

const TWO_PHASES = "# Plan\n\n## Now\n\n- [ ] Smart replies — @ana\n\n## Next\n\n- [ ] Voice — @bo\n";

test("pm/roadmapUpdate sends only the phases changed since the client's result; null for the others", async () => {
  const { client, uri } = await start({ "ROADMAP.md": TWO_PHASES });
  const textDocument = { uri: uri("ROADMAP.md") };
  await client.open(textDocument.uri, TWO_PHASES);
  const [held] = await client.request<PmRoadmap[]>("pm/roadmap", { textDocument });
  await client.notify("textDocument/didChange", { textDocument: { uri: textDocument.uri, version: 2 }, contentChanges: [{ text: TWO_PHASES.replace("- [ ] Voice", "- [x] Voice") }] });
  const { roadmap } = await client.request<PmRoadmapUpdate>("pm/roadmapUpdate", { textDocument, previousResultId: held!.resultId });
  assert.deepEqual(
    [roadmap.phases[0], roadmap.phases[1]?.items.map((i) => i.status), roadmap.resultId !== held!.resultId],
    [null, ["done"], true],
  );
});

test("pm/roadmapUpdate sends a phase again when the item its after: names, in another phase, is renamed", async () => {
  const text = `${TWO_PHASES}- [ ] Email — after:Smart\n`;
  const { client, uri } = await start({ "ROADMAP.md": text });
  const textDocument = { uri: uri("ROADMAP.md") };
  await client.open(textDocument.uri, text);
  const [held] = await client.request<PmRoadmap[]>("pm/roadmap", { textDocument });
  await client.notify("textDocument/didChange", { textDocument: { uri: textDocument.uri, version: 2 }, contentChanges: [{ text: text.replace("Smart replies", "Smart reply bot") }] });
  const { roadmap } = await client.request<PmRoadmapUpdate>("pm/roadmapUpdate", { textDocument, previousResultId: held!.resultId });
  assert.deepEqual(roadmap.phases[1]?.items[1]?.after.map((a) => a.title), ["Smart reply bot"]);
});

test("pm/roadmapUpdate sends every phase for a result it does not know", async () => {
  const { client, uri } = await start({ "ROADMAP.md": TWO_PHASES });
  const { roadmap } = await client.request<PmRoadmapUpdate>("pm/roadmapUpdate", { textDocument: { uri: uri("ROADMAP.md") }, previousResultId: "stale" });
  assert.deepEqual(roadmap.phases.map((p) => p?.title), ["Now", "Next"]);
});

test("pm/specs lists specs worst first, with whether a roadmap links them", async () => {
  const { client, uri } = await start({ "ROADMAP.md": ROADMAP, "prd/smart.md": SPEC("Smart"), "prd/bad.md": SPEC("Bad", "\n[x](gone.md)\n").replace("status: draft", "status: approved") });
  const specs = await client.request<PmSpecSummary[]>("pm/specs", {});
  assert.deepEqual(
    specs.map((s) => [s.uri, s.title, s.onRoadmap, s.errors > 0]),
    [[uri("prd/bad.md"), "Bad", false, true], [uri("prd/smart.md"), "Smart", true, false]],
  );
});

test("pm/roadmapItemEdit rewrites only the checkbox; a stale line is refused with ContentModified", async () => {
  const { client, uri } = await start({ "ROADMAP.md": ROADMAP });
  const edit = await client.request<WorkspaceEdit>("pm/roadmapItemEdit", { uri: uri("ROADMAP.md"), line: 4, expectedLineText: "- [ ] Smart replies — @ana spec:[S](prd/smart.md)", status: "blocked" });
  const stale = await client.request("pm/roadmapItemEdit", { uri: uri("ROADMAP.md"), line: 4, expectedLineText: "- [ ] Something else", status: "done" }).then(
    () => null,
    (e: { code: number; message: string }) => [e.code, /ROADMAP\.md:5: the line changed/.test(e.message)],
  );
  assert.deepEqual([edit.changes?.[uri("ROADMAP.md")], stale], [[{ range: { start: { line: 4, character: 3 }, end: { line: 4, character: 4 } }, newText: "!" }], [-32801, true]]);
});

test("pm/linkSpecEdit appends a spec: field with the spec's title and a relative path", async () => {
  const { client, uri } = await start({ "ROADMAP.md": ROADMAP, "prd/lonely.md": SPEC("Lonely spec") });
  const edit = await client.request<WorkspaceEdit>("pm/linkSpecEdit", { uri: uri("ROADMAP.md"), line: 5, expectedLineText: "- [x] Done thing", specUri: uri("prd/lonely.md") });
  assert.deepEqual(edit.changes?.[uri("ROADMAP.md")], [{ range: { start: { line: 5, character: 16 }, end: { line: 5, character: 16 } }, newText: " — spec:[Lonely spec](prd/lonely.md)" }]);
});

test("pm/linkSpecEdit links a spec not written yet under the label it is given", async () => {
  const { client, uri } = await start({ "ROADMAP.md": ROADMAP });
  const edit = await client.request<WorkspaceEdit>("pm/linkSpecEdit", { uri: uri("ROADMAP.md"), line: 5, expectedLineText: "- [x] Done thing", specUri: uri("docs/specs/new-one.md"), label: "New one" });
  assert.deepEqual(edit.changes?.[uri("ROADMAP.md")], [{ range: { start: { line: 5, character: 16 }, end: { line: 5, character: 16 } }, newText: " — spec:[New one](docs/specs/new-one.md)" }]);
});

test("pm/roadmapChanged is sent once for a burst of edits to an open roadmap, and for an edit to a spec it links", async () => {
  const { client, uri } = await start({ "ROADMAP.md": ROADMAP, "prd/smart.md": SPEC("Smart") });
  const seen: RoadmapChangedParams[] = [];
  client.conn.onNotification("pm/roadmapChanged", (p: RoadmapChangedParams) => {
    seen.push(p);
  });
  await client.request<PmRoadmap[]>("pm/roadmap", {});
  await client.open(uri("ROADMAP.md"), ROADMAP);
  await client.open(uri("prd/smart.md"), SPEC("Smart"));
  await new Promise((r) => setTimeout(r, 400));
  seen.length = 0;
  // Three quick edits, sent without waiting for anything in between.
  for (let v = 2; v <= 4; v++) await client.notify("textDocument/didChange", { textDocument: { uri: uri("ROADMAP.md"), version: v }, contentChanges: [{ text: ROADMAP.replace("[ ]", v % 2 ? "[x]" : "[/]") }] });
  await new Promise((r) => setTimeout(r, 400));
  const afterRoadmap = seen.length;
  await client.notify("textDocument/didChange", { textDocument: { uri: uri("prd/smart.md"), version: 2 }, contentChanges: [{ text: SPEC("Smarter") }] });
  await new Promise((r) => setTimeout(r, 400));
  assert.deepEqual([afterRoadmap, seen.map((p) => p.uris)], [1, [[uri("ROADMAP.md")], [uri("ROADMAP.md")]]]);
});
