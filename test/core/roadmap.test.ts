/** The roadmap reader: one behaviour per test, on a few lines of in-memory Markdown. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument } from "../../src/core/document";
import { itemStatusEdits, linkSpecEdit, phaseDates, readRoadmap, roadmapItems, RoadmapEditError, type Roadmap } from "../../src/core/roadmap";
import { roadmapJson, roadmapReport, SpecInspector } from "../../src/core/roadmapHealth";
import { applyEdits } from "../../src/core/fix";
import { brief, lint, memoryEnv } from "../helpers";

const FILE = "/ws/ROADMAP.md";
const read = (text: string, file = FILE): Roadmap => readRoadmap(parseDocument(file, text), file, { root: "/ws", today: "2026-01-15" });
const items = (text: string) => roadmapItems(read(text));
const one = (line: string) => items(`## Now\n\n${line}\n`)[0]!;

test("a ROADMAP.md with no front matter reads its ## headings as phases", () => {
  const r = read("# Plan\n\n## Now\n\n- [ ] A\n\n## Next\n\n- [ ] B\n\n## Later\n\n- [ ] C\n");
  assert.deepEqual([r.title, r.phases.map((p) => `${p.title}@${p.line}:${p.items.map((i) => i.title).join()}`)], ["Plan", ["Now@2:A", "Next@6:B", "Later@10:C"]]);
});

test("every checkbox form has its status; status: wins over the box", () => {
  const r = items("## Now\n- [ ] a\n- [x] b\n- [X] c\n- [/] d\n- [!] e\n- [-] f\n- [x] g status:blocked\n* [ ] h status:wip\n+ [ ] i status:in_progress\n");
  assert.deepEqual(
    r.map((i) => i.status),
    ["todo", "done", "done", "in-progress", "blocked", "dropped", "blocked", "in-progress", "in-progress"],
  );
});

test("a known status: field wins over an unknown box mark, with nothing to report", () => {
  const i = one("- [>] Deferred thing status:blocked");
  assert.deepEqual([i.status, i.unknownStatus], ["blocked", null]);
});

test("fields are read in any order, with or without the separator", () => {
  const a = one("- [ ] Ship it — @ana due:2026-03-01 status:todo spec:[PRD](prd/a.md) #core");
  const b = one("- [ ] Ship it #core spec:[PRD](prd/a.md) status:todo due:2026-03-01 @ana");
  const c = one("- [ ] Ship it @ana #core due:2026-03-01 spec:[PRD](prd/a.md)");
  const shape = (i: typeof a) => [i.title, i.owners, i.due, i.tags, i.spec?.path, i.note];
  assert.deepEqual([shape(a), shape(b), shape(c)], Array(3).fill(["Ship it", ["ana"], "2026-03-01", ["core"], "/ws/prd/a.md", null]));
});

test("several owners in any script, tags with slashes, bare names", () => {
  const i = one("- [ ] 审批助手试点 — @ken.li @王磊 @maria-chen #lending/sme #试点");
  assert.deepEqual([i.title, i.owners, i.tags], ["审批助手试点", ["ken.li", "王磊", "maria-chen"], ["lending/sme", "试点"]]);
});

test("free text after a dash that is not fields is the note", () => {
  const i = one("- [!] Vendor contract @tom due:2026-02-01 — waiting on procurement");
  assert.deepEqual([i.title, i.status, i.owners, i.note], ["Vendor contract", "blocked", ["tom"], "waiting on procurement"]);
});

test("an indented line under an item is its note", () => {
  const i = one("- [ ] Pilot — @tom status:blocked\n  - Blocked on the DPA; legal signs by 2026-11-28.");
  assert.deepEqual([i.note, items("## Now\n- [ ] Pilot\n  - sub note\n  - [ ] a sub-task\n").length], ["Blocked on the DPA; legal signs by 2026-11-28.", 1]);
});

test("a plain link to a local .md file is the spec when there is no spec: field", () => {
  const plain = one("- [ ] [Claims agent](prd/claims.md#rollout) @ana");
  const external = one("- [ ] Claims agent, see [ticket](https://x.test/1.md)");
  assert.deepEqual([plain.title, plain.spec?.path, plain.spec?.field, external.spec], ["Claims agent", "/ws/prd/claims.md", false, null]);
});

test("due dates: valid, impossible, malformed and placeholders", () => {
  const r = items("## Now\n- [ ] a due:2026-02-28\n- [ ] b due:2026-02-30\n- [ ] c due:2026/03/01\n- [ ] d due:TBD\n- [ ] e 📅 2026-04-01\n");
  assert.deepEqual(
    r.map((i) => [i.due, i.badDue?.value ?? null]),
    [["2026-02-28", null], [null, "2026-02-30"], [null, "2026/03/01"], [null, null], ["2026-04-01", null]],
  );
});

test("overdue: due before today and neither done nor dropped", () => {
  const r = items("## Now\n- [ ] a due:2026-01-14\n- [x] b due:2026-01-14\n- [-] c due:2026-01-14\n- [ ] d due:2026-01-15\n");
  assert.deepEqual(r.map((i) => i.overdue), [true, false, false, false]);
});

test("progress leaves dropped items out", () => {
  const p = read("## Now\n- [x] a\n- [ ] b\n- [-] c\n- [x] d status:dropped\n").phases[0]!;
  assert.deepEqual(p.progress, { done: 1, total: 2 });
});

test("### headings group items, nested groups included; Deliverables labels are not groups", () => {
  const r = items("## Q1 2027\n### Platform\n#### Auth\n- [ ] a\n### Deliverables\n- [ ] b\n### Growth\n**Deliverables**\n- [ ] c\n");
  assert.deepEqual(r.map((i) => [i.title, i.groups]), [["a", ["Platform", "Auth"]], ["b", []], ["c", ["Growth"]]]);
});

test("plain bullets are items under a Deliverables label, or when a phase has no checkboxes; goals are not", () => {
  const labelled = items("## Now\n**Goals**\n- Reach 90%\n\n**交付项**\n- Claims agent @ana\n");
  const bare = items("## Later\n- Voice channel\n- Broker chatbot\n");
  const mixed = items("## Now\n- [ ] boxed\n- loose note\n");
  assert.deepEqual([labelled.map((i) => i.title), bare.map((i) => i.title), mixed.map((i) => i.title)], [["Claims agent"], ["Voice channel", "Broker chatbot"], ["boxed"]]);
});

test("KPIs as a table under a bold label, a KPIs: line, or a ### heading, and as a plain list", () => {
  const table = read("## Now\n**KPIs**\n\n| KPI | Target | Current |\n| --- | --- | --- |\n| Accuracy | >= 90% | 88% |\n").phases[0]!.kpis;
  const list = read("## 近期\nKPIs:\n- Study time >= 8 hours a week (current: 6.5)\n").phases[0]!.kpis;
  const heading = read("## Next\n### 关键指标\n| 指标 | 目标 | 当前 |\n|---|---|---|\n| 成本 | <= 0.01 | 0.015 |\n").phases[0]!.kpis;
  assert.deepEqual(
    [table, list, heading].map((ks) => ks.map((k) => [k.text, k.target, k.current])),
    [[["Accuracy", ">= 90%", "88%"]], [["Study time >= 8 hours a week (current: 6.5)", ">= 8 hours a week", "6.5"]], [["成本", "<= 0.01", "0.015"]]],
  );
});

test("phase headings: dates become a start and end; names without dates have none", () => {
  const cases = ["Now (Nov-Dec 2026)", "Q1 2027", "H2 2027", "2027 年第二季度", "近期（2026年11月-12月）", "Months 1-3", "Sprint 2026-01-05 – 2026-01-16", "Dec 2026 - Feb"];
  assert.deepEqual(
    cases.map((c) => Object.values(phaseDates(c)).join("..")),
    ["2026-11-01..2026-12-31", "2027-01-01..2027-03-31", "2027-07-01..2027-12-31", "2027-04-01..2027-06-30", "2026-11-01..2026-12-31", "..", "2026-01-05..2026-01-16", "2026-12-01..2027-02-28"],
  );
});

test("CRLF line endings read the same as LF", () => {
  const text = "## Now\n\n- [ ] A — @ana due:2026-03-01 — waiting\n  - more\n";
  assert.deepEqual(items(text.replace(/\n/g, "\r\n")), items(text));
});

test("fields inside inline code are text, not fields", () => {
  const i = one("- [ ] Rename `@user` and `#channel` handling");
  assert.deepEqual([i.owners, i.tags], [[], []]);
});

test("a status edit rewrites the status: field and the box, nothing else", () => {
  const text = "## Now\n\n- [ ] Ship — @ana status:in-progress #core\n";
  const doc = parseDocument(FILE, text);
  const edits = itemStatusEdits(doc, read(text), FILE, 2, "- [ ] Ship — @ana status:in-progress #core", "done");
  assert.equal(applyEdits(text, edits).text, "## Now\n\n- [x] Ship — @ana status:done #core\n");
});

test("a status edit on an Obsidian item sets the box mark only", () => {
  const text = "## Now\r\n- [ ] Ship @ana\r\n";
  const edits = itemStatusEdits(parseDocument(FILE, text), read(text), FILE, 1, "- [ ] Ship @ana", "blocked");
  assert.equal(applyEdits(text, edits).text, "## Now\r\n- [!] Ship @ana\r\n");
});

test("a status edit is refused when the line changed since it was read", () => {
  const text = "## Now\n- [ ] Ship\n";
  assert.throws(() => itemStatusEdits(parseDocument(FILE, text), read(text), FILE, 1, "- [ ] Ship it", "done"), (e: unknown) => e instanceof RoadmapEditError && e.kind === "stale" && /ROADMAP\.md:2: the line changed/.test(e.message));
});

test("linking a spec appends a spec: field with a path relative to the roadmap", () => {
  const text = "## Now\n- [ ] Ship — @ana\n";
  const e = linkSpecEdit(parseDocument("/ws/plan/ROADMAP.md", text), read(text, "/ws/plan/ROADMAP.md"), "/ws/plan/ROADMAP.md", 1, "- [ ] Ship — @ana", "/ws/prd/smart reply.md", "Smart replies");
  assert.equal(applyEdits(text, [e]).text, "## Now\n- [ ] Ship — @ana spec:[Smart replies](../prd/smart%20reply.md)\n");
});

test("spec health counts the linked spec's findings as lint does, and lists orphans", () => {
  const spec = "---\ntitle: A\nowner: o\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n# A\n";
  const files = { "/ws/prd/a.md": spec, "/ws/prd/b.md": spec, "/ws/notes.md": "# notes\n" };
  const env = memoryEnv({ files });
  const text = "## Now\n- [ ] A spec:[A](prd/a.md)\n- [ ] Gone spec:[X](prd/x.md)\n";
  const report = roadmapReport(FILE, text, env, new SpecInspector(() => env), Object.keys(files));
  const json = roadmapJson(report, (p) => p.replace("/ws/", ""), 1);
  const linted = lint(spec, { name: "prd/a.md", files });
  const counts = { errors: linted.findings.filter((f) => f.severity === "error").length, warnings: linted.findings.filter((f) => f.severity === "warning").length };
  assert.deepEqual(
    [json.phases[0]!.items.map((i) => i.spec), json.orphans],
    [[{ path: "prd/a.md", exists: true, template: "ai-feature-prd", status: "draft", ...counts }, { path: "prd/x.md", exists: false, template: null, status: null, errors: 0, warnings: 0 }], ["prd/b.md"]],
  );
});

test("roadmap rules: missing spec, overdue, bad date and unknown status, once each", () => {
  const r = lint("## Now\n- [ ] a spec:[A](prd/none.md)\n- [ ] b due:2026-01-01\n- [ ] c due:2026-13-01\n- [ ] d status:someday\n- [?] e\n", { name: "ROADMAP.md" });
  assert.deepEqual(brief(r).filter((b) => !b.startsWith("roadmap-incomplete-item")), ["roadmap-missing-spec@2", "roadmap-overdue@3", "roadmap-bad-date@4", "roadmap-unknown-status@5", "roadmap-unknown-status@6"]);
});

test("roadmap rules run on template: roadmap files and not on other specs", () => {
  const fm = (t: string) => `---\ntitle: R\nowner: o\nstatus: draft\nupdated: 2026-01-10\ntemplate: ${t}\n---\n# R\n\n## Now\n\n- [ ] b @ana due:2026-01-01 spec:[B](b.md)\n`;
  assert.deepEqual([brief(lint(fm("roadmap"), { name: "plan.md", files: { "/ws/b.md": "# B\n" } })), brief(lint(fm("ai-feature-prd"), { name: "prd.md" })).filter((b) => b.startsWith("roadmap"))], [["roadmap-overdue@12"], []]);
});
