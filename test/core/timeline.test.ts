/** The roadmap timeline renderer: model in, markup out. */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { RoadmapItemJson, RoadmapJson, RoadmapPhaseJson } from "../../src/core/roadmapHealth";
import { renderTimelineBody, renderTimelinePage, renderTimelineSvg, TIMELINE_LABELS } from "../../src/core/timeline";
import type { Lang } from "../../src/core/types";

const item = (title: string, fields: Partial<RoadmapItemJson> = {}): RoadmapItemJson => ({ title, line: 1, status: "todo", owners: [], due: null, tags: [], note: null, overdue: false, groups: [], spec: null, kpi: null, confidence: null, after: [], size: null, must: false, ...fields });
const phase = (title: string, items: RoadmapItemJson[], fields: Partial<RoadmapPhaseJson> = {}): RoadmapPhaseJson => ({
  title,
  line: 0,
  start: null,
  end: null,
  kpis: [],
  progress: { done: items.filter((i) => i.status === "done").length, total: items.filter((i) => i.status !== "dropped").length },
  items,
  capacity: null,
  health: null,
  ...fields,
});
const kpi = (text: string, target: string, current: string) => ({ text, target, current, baseline: null, window: null, asOf: null, line: 0 });
const roadmap = (...phases: RoadmapPhaseJson[]): RoadmapJson => ({ file: "ROADMAP.md", title: "Plan", phases, orphans: [] });
const html = (r: RoadmapJson, lang: Lang = "en", today = "2026-12-02") => renderTimelineBody([r], { lang, today });
const count = (s: string, needle: string) => s.split(needle).length - 1;
const HOSTILE = "<img src=x onerror=alert(1)>";

test("every status shows its icon and its label, so none depends on colour", () => {
  const out = html(roadmap(phase("Now", [item("a", { status: "todo" }), item("b", { status: "in-progress" }), item("c", { status: "blocked" }), item("d", { status: "done" }), item("e", { status: "dropped" }), item("f", { status: "bet" })])));
  const cards = [...out.matchAll(/<li class="card s-([a-z-]+)"[^>]*><div class="card-head"><span class="st"><svg class="icon"[^>]*><use href="#pmw-tl-([a-z-]+)"\/><\/svg>([^<]+)</g)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(cards, [
    ["todo", "todo", "To do"],
    ["in-progress", "in-progress", "In progress"],
    ["blocked", "blocked", "Blocked"],
    ["done", "done", "Done"],
    ["dropped", "dropped", "Dropped"],
    ["bet", "bet", "Bet"],
  ]);
});

test("an overdue item carries an Overdue label and icon beside its status", () => {
  const out = html(roadmap(phase("Now", [item("Late", { status: "in-progress", due: "2026-11-15", overdue: true })])));
  assert.match(out, /<li class="card s-in-progress overdue"[^>]*>.*<span class="tl-flag overdue"><svg class="icon"[^>]*><use href="#pmw-tl-overdue"\/><\/svg>Overdue<\/span>.*<span class="due overdue">Due 2026-11-15<\/span>/);
});

test("a roadmap without dates has no time axis and no today marker", () => {
  const out = html(roadmap(phase("Months 1-3", [item("Course")]), phase("Months 4-6", [item("Case study")])));
  assert.deepEqual([count(out, 'class="axis"'), count(out, "Today"), count(out, 'class="tl-phase"')], [0, 0, 2]);
});

test("a roadmap with dates has one lane per phase, a range for dated phases and the today marker", () => {
  const out = html(roadmap(phase("Now (Nov-Dec 2026)", [item("Pilot", { due: "2026-12-10" })], { start: "2026-11-01", end: "2026-12-31" }), phase("Later", [item("Voice")])), "en", "2026-12-02");
  assert.deepEqual([count(out, 'class="lane-row"'), count(out, 'class="range"'), count(out, '<path class="mark s-todo"'), count(out, "Today 2026-12-02")], [2, 1, 1, 1]);
});

test("phase progress shows done/total and a bar of that width; KPIs show target and current", () => {
  const out = html(roadmap(phase("Now", [item("a", { status: "done" }), item("b"), item("c"), item("d", { status: "dropped" })], { kpis: [kpi("Accuracy", ">= 90%", "88%")] })));
  assert.match(out, /<rect class="fill" width="33\.33" height="6" rx="3"\/><\/svg><span>1\/3 done<\/span>/);
  assert.match(out, /<tr><td>Accuracy<\/td><td>&gt;= 90%<\/td><td>88%<\/td><\/tr>/);
});

test("spec health reads as text: no spec, missing, errors, warnings", () => {
  const spec = (errors: number, warnings: number, exists = true) => ({ path: "prd/claims.md", exists, template: "ai-feature-prd", status: "review", errors, warnings });
  const out = html(roadmap(phase("Now", [item("a"), item("b", { spec: spec(0, 0, false) }), item("c", { spec: spec(2, 1) }), item("d", { spec: spec(0, 1) }), item("e", { spec: spec(0, 0) })])));
  assert.deepEqual(
    [...out.matchAll(/<span class="spec t-([a-z]+)"[^>]*>([^<]*)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`),
    ["none: No spec", "missing: Spec missing · claims.md", "error: claims.md · review · 2 errors", "warning: claims.md · review · 1 warning", "ok: claims.md · review · no findings"],
  );
});

test("items are numbered in document order across phases, and many items all render", () => {
  const items = Array.from({ length: 1200 }, (_, i) => item(`Deliverable ${i}`, { status: (["todo", "in-progress", "blocked", "done", "dropped", "bet"] as const)[i % 6]! }));
  const out = html(roadmap(phase("A", items.slice(0, 600)), phase("B", items.slice(600))));
  const numbers = [...out.matchAll(/data-item="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(numbers, Array.from({ length: 1200 }, (_, i) => i));
});

test("a long phase's cards come in lists of 50, the full ones drawn only near the screen; a short phase is one plain list", () => {
  const items = Array.from({ length: 120 }, (_, i) => item(`Deliverable ${i}`));
  const out = html(roadmap(phase("Long", items), phase("Short", [item("One"), item("Two")])));
  const lists = [...out.matchAll(/<ul class="([^"]+)">((?:(?!<\/ul>).)*)<\/ul>/g)].map((m) => `${m[1]}: ${count(m[2]!, '<li class="card')}`);
  assert.deepEqual(lists, ["tl-cards full: 50", "tl-cards full: 50", "tl-cards: 20", "tl-cards: 2"]);
});

test("a long title is kept whole in HTML and wrapped to three lines with an ellipsis in SVG", () => {
  const title = "Agent-filed claim updates with specialist approval and a full audit trail for every change ".repeat(10).trim();
  const r = roadmap(phase("Now", [item(title)]));
  assert.equal(count(html(r), `<h3>${title}</h3>`), 1);
  const svg = renderTimelineSvg([r], { lang: "en", today: "2026-12-02" });
  const lines = [...svg.matchAll(/<text class="t"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  assert.deepEqual([lines.length, lines[2]!.endsWith("…"), svg.includes(`<title>${title}</title>`)], [3, true, true]);
});

test("Chinese labels and Chinese text", () => {
  const out = html(roadmap(phase("近期（2026年11月-12月）", [item("小微经营贷智能审批助手", { status: "in-progress", owners: ["王磊"], due: "2026-11-20", overdue: true, tags: ["信贷"] })], { start: "2026-11-01", end: "2026-12-31" })), "zh-CN");
  for (const text of ["<h2>近期（2026年11月-12月）</h2>", "<h3>小微经营贷智能审批助手</h3>", "进行中", "已逾期", "截止 2026-11-20", "@王磊", "#信贷", "无规格文档", "已完成 0/1", "今天 2026-12-02", "2026年11月"]) assert.ok(out.includes(text), text);
});

test("workspace strings render as text in HTML and SVG, never as markup", () => {
  const r: RoadmapJson = {
    file: `${HOSTILE}.md`,
    title: HOSTILE,
    phases: [phase(HOSTILE, [item(HOSTILE, { owners: [HOSTILE], tags: [HOSTILE], note: HOSTILE, groups: [HOSTILE], due: "2026-12-01", spec: { path: `prd/${HOSTILE}.md`, exists: true, template: null, status: `"${HOSTILE}`, errors: 1, warnings: 0 } })], { kpis: [kpi(HOSTILE, HOSTILE, HOSTILE)] })],
    orphans: [`prd/${HOSTILE}"'.md`],
  };
  for (const out of [renderTimelinePage([r], { lang: "en", today: "2026-12-02" }), renderTimelineSvg([r], { lang: "en", today: "2026-12-02" })]) {
    assert.deepEqual([out.includes("<img"), out.includes("&lt;img src=x onerror=alert(1)&gt;"), out.includes("&quot;&lt;img"), out.includes(`&quot;&#39;.md`)], [false, true, true, true]);
  }
});

test("the same model and day give the same bytes; the page has no script and loads nothing", () => {
  const r = roadmap(phase("Q1 2027", [item("Pilot", { due: "2027-02-15", spec: { path: "prd/a.md", exists: true, template: null, status: null, errors: 0, warnings: 0 } })], { start: "2027-01-01", end: "2027-03-31" }));
  const a = renderTimelinePage([r], { lang: "en", today: "2026-12-02" });
  const b = renderTimelinePage([r], { lang: "en", today: "2026-12-02" });
  assert.deepEqual([a === b, /<script|\bsrc=|https?:\/\/|@import|url\(/.test(a)], [true, false]);
});

test("only the editor's rendering makes cards focusable", () => {
  const r = roadmap(phase("Now", [item("a", { spec: { path: "prd/a.md", exists: true, template: null, status: null, errors: 0, warnings: 0 } })]));
  const editor = renderTimelineBody([r], { lang: "en", today: "2026-12-02", interactive: true });
  assert.deepEqual([count(editor, 'tabindex="0"'), count(renderTimelinePage([r], { lang: "en", today: "2026-12-02" }), "tabindex=")], [2, 0]);
});

test("every label is written in English and Chinese", () => {
  assert.deepEqual(Object.entries(TIMELINE_LABELS).filter(([, l]) => !l.en.trim() || !l["zh-CN"].trim()), []);
});

test("an item's plan fields and a phase's health and capacity read as text", () => {
  const out = html(roadmap(phase("Now", [item("Pilot", { must: true, kpi: { ref: "accuracy", text: "Accuracy", line: 9 }, confidence: { level: "medium", percent: 70 }, size: { text: "M", tshirt: "M", weeks: null }, after: [{ ref: "eval", title: "Eval harness", line: 4 }] })], { health: "at-risk", capacity: { text: "6 weeks", weeks: 6 } })));
  for (const text of ['<span class="tl-flag must">Must finish</span>', "<span>Moves Accuracy</span><span>Confidence 70%</span><span>Size M</span><span>After Eval harness</span>", '<div class="tl-health h-at-risk">At risk</div>', "Capacity 6 weeks"]) assert.ok(out.includes(text), text);
});
