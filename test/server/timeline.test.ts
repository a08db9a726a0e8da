/** pm/roadmapTimeline over stdio: the rendered picture of one roadmap and what its cards open. */
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { startClient, type TestClient } from "./client";
import type { PmRoadmapTimeline } from "../../src/protocol";

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

test("pm/roadmapTimeline on a URI that is not a file is an InvalidParams error", async () => {
  const { client } = await startClient({});
  clients.push(client);
  const code = await client.request("pm/roadmapTimeline", { textDocument: { uri: "untitled:Untitled-1" }, lang: "en" }).then(() => 0, (e: { code: number }) => e.code);
  assert.equal(code, -32602);
});
