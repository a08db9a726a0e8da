/** Outcome roadmaps: the KPI an item moves, confidence, dependencies, size, phase capacity and health, KPI baselines and dates, bets. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "../../src/core/document";
import { confidenceFrom, itemStatusEdits, readRoadmap, roadmapItems, sizeFrom, ITEM_STATUSES, type ItemStatus, type Roadmap } from "../../src/core/roadmap";
import { roadmapJson, roadmapReport, SpecInspector } from "../../src/core/roadmapHealth";
import { applyEdits } from "../../src/core/fix";
import type { PmItemStatus } from "../../src/protocol";
import { brief, lint, memoryEnv, ROOT } from "../helpers";

const FILE = "/ws/ROADMAP.md";
const read = (text: string): Roadmap => readRoadmap(parseDocument(FILE, text), FILE, { root: "/ws", today: "2026-01-15" });
const items = (text: string) => roadmapItems(read(text));
const one = (line: string) => items(`## Now\n\n${line}\n`)[0]!;
const findings = (text: string, rule: string, lang?: "en" | "zh-CN") => lint(text, { name: "ROADMAP.md", ...(lang ? { lang } : {}) }).findings.filter((f) => f.rule === rule);

// The protocol mirrors the engine's status list: each must be assignable to the other.
const toProtocol: (s: ItemStatus) => PmItemStatus = (s) => s;
const fromProtocol: (s: PmItemStatus) => ItemStatus = (s) => s;
void toProtocol;
void fromProtocol;

test("kpi, confidence, after and size are read in any order, with their Chinese names", () => {
  const text = "## Now\n- [ ] Eval harness @ken\n- [ ] Agent — @ana kpi:accuracy confidence:high after:eval-harness size:M\n- [ ] Agent — size:M after:eval-harness @ana confidence:high kpi:accuracy\n- [ ] 智能体 — @王磊 指标:accuracy 信心:高 依赖:eval-harness 规模:M\n\n**KPIs**\n- Accuracy target: >= 90%\n";
  const shape = (i: ReturnType<typeof items>[number]) => [i.kpi?.ref, i.kpi?.target?.text, i.confidence?.level, i.after.map((a) => a.target?.title), i.size?.tshirt];
  assert.deepEqual(items(text).slice(1).map(shape), Array(3).fill(["accuracy", "Accuracy target: >= 90%", "high", ["Eval harness"], "M"]));
});

test("the new fields leave the title, note and other fields as they were", () => {
  const i = one("- [/] Ship it — @ana due:2026-03-01 kpi:nps confidence:low size:3w #core — waiting on legal");
  assert.deepEqual([i.title, i.owners, i.due, i.tags, i.note, i.status], ["Ship it", ["ana"], "2026-03-01", ["core"], "waiting on legal", "in-progress"]);
});

test("a comma ends a value except after:, so fields after it are still read", () => {
  const i = one("- [ ] Ship due:2026-03-01,@ana kpi:nps,#core after:a,b");
  assert.deepEqual([i.due, i.owners, i.kpi?.ref, i.tags, i.after.map((a) => a.ref)], ["2026-03-01", ["ana"], "nps", ["core"], ["a", "b"]]);
});

test("confidence: words in both languages and percentages give a level", () => {
  assert.deepEqual(
    ["high", "Medium", "med", "low", "高", "中", "低", "70%", "45％", "39%", "0.8", "likely", "120%"].map((v) => (confidenceFrom(v) ? `${confidenceFrom(v)!.level}/${confidenceFrom(v)!.percent}` : null)),
    ["high/null", "medium/null", "medium/null", "low/null", "high/null", "medium/null", "low/null", "high/70", "medium/45", "low/39", "high/80", null, null],
  );
});

test("size: t-shirt sizes and durations in weeks, working days a fifth of a week", () => {
  assert.deepEqual(
    ["M", "xl", "3w", "5d", "1.5m", "2 weeks", "3周", "10人天", "huge", "3 parsecs"].map((v) => (sizeFrom(v) ? `${sizeFrom(v)!.tshirt}/${sizeFrom(v)!.weeks}` : null)),
    ["M/null", "XL/null", "null/3", "null/1", "null/6.5", "null/2", "null/3", "null/2", null, null],
  );
});

test("quoted values may hold spaces, in ASCII and Chinese quotes", () => {
  const r = items("## Now\n- [ ] Eval harness v2\n- [ ] Agent kpi:\"First-answer accuracy\" after:\"Eval harness v2\" size:\"2 weeks\"\n- [ ] 智能体 依赖:“Eval harness v2” 指标:「First-answer accuracy」\n");
  assert.deepEqual(r.slice(1).map((i) => [i.title, i.kpi?.ref, i.after.map((a) => a.target?.line), i.size?.weeks ?? null]), [["Agent", "First-answer accuracy", [1], 2], ["智能体", "First-answer accuracy", [1], null]]);
});

test("after: an exact title wins over a prefix; several references; unknown and ambiguous ones resolve to nothing", () => {
  const r = items("## Now\n- [ ] Eval\n- [ ] Eval harness\n- [ ] Review console\n## Next\n- [ ] Agent after:eval,review,nothing\n- [ ] Rollout after:eval-h\n- [ ] Other after:e\n- [ ] 审批助手试点\n- [ ] 上线 依赖:审批助手\n");
  const refs = (title: string) => r.find((i) => i.title === title)!.after.map((a) => `${a.ref}:${a.target?.title ?? `x${a.matches}`}`);
  assert.deepEqual([refs("Agent"), refs("Rollout"), refs("Other"), refs("上线")], [["eval:Eval", "review:Review console", "nothing:x0"], ["eval-h:Eval harness"], ["e:x2"], ["审批助手:审批助手试点"]]);
});

test("an item's after: never resolves to the item itself", () => {
  assert.deepEqual(one("- [ ] Eval harness after:eval-harness").after.map((a) => a.matches), [0]);
});

test("kpi: resolves to a KPI of any phase, the same KPI listed in several phases once", () => {
  const r = read("## Now\n- [ ] A kpi:self-serve\n- [ ] B kpi:cost\n**KPIs**\n| KPI | Target |\n|---|---|\n| Self-serve resolution | >= 30% |\n## Next\n**KPIs**\n| KPI | Target |\n|---|---|\n| Self-serve resolution | >= 45% |\n");
  assert.deepEqual(roadmapItems(r).map((i) => [i.kpi!.ref, i.kpi!.target?.line ?? null]), [["self-serve", 6], ["cost", null]]);
});

test("capacity and health: a plain line, a bold key, a list item, in English and Chinese", () => {
  const r = read("## Now\nCapacity: 6w\nHealth: at risk\n- [ ] a\n## Next\n**Capacity:** 2 engineers, 6 weeks\n**Health**: Off track\n## 近期\n- 容量：每周 10 小时\n- 健康度：正常\n- 交付物一\n## Later\nStatus: green\n");
  assert.deepEqual(
    r.phases.map((p) => [p.capacity?.text ?? null, p.capacity?.weeks ?? null, p.health, p.items.map((i) => i.title)]),
    [["6w", 6, "at-risk", ["a"]], ["2 engineers, 6 weeks", null, "off-track", []], ["每周 10 小时", null, "on-track", ["交付物一"]], [null, null, "on-track", []]],
  );
});

test("a Status: line with no health word is prose, not the phase's health; an unknown Health: value is kept for the rule", () => {
  const r = read("## Now\nStatus: waiting for the board\n## Next\nHealth: so-so\n## Later\n健康度：待定\n");
  assert.deepEqual(r.phases.map((p) => [p.health, p.badValues.map((b) => b.value)]), [[null, []], [null, ["so-so"]], [null, []]]);
});

test("a KPI table's header says which column is which, in any order and in Chinese", () => {
  const en = read("## Now\n**KPIs**\n| KPI | Target | As of | Current | Window | Baseline |\n|---|---|---|---|---|---|\n| Accuracy | >= 90% | 2026-11-18 | 88% | weekly sample | 81% |\n").phases[0]!.kpis;
  const zh = read("## 近期\n**KPI**\n| 指标 | 基线 | 目标 | 周期 | 当前 | 截至 |\n|---|---|---|---|---|---|\n| 首答准确率 | 81% | >= 90% | 每周抽样 | 88% | 2026-11-18 |\n").phases[0]!.kpis;
  const shape = (k: (typeof en)[number]) => [k.baseline, k.target, k.window, k.current, k.asOf];
  assert.deepEqual([en.map(shape), zh.map(shape)], [[["81%", ">= 90%", "weekly sample", "88%", "2026-11-18"]], [["81%", ">= 90%", "每周抽样", "88%", "2026-11-18"]]]);
});

test("without those columns: the window from a parenthesis naming a period, the date from 'as of' in the current value", () => {
  const k = read("## Now\n**KPIs**\n| KPI | Target | Current |\n|---|---|---|\n| Self-serve resolution | >= 45% (28-day rolling) | 31% (as of 2026-11-16) |\n| 成本 | <= 0.01 | 0.015（截至 2026-11-01） |\n").phases[0]!.kpis;
  assert.deepEqual(k.map((x) => [x.target, x.window, x.current, x.asOf]), [[">= 45% (28-day rolling)", "28-day rolling", "31%", "2026-11-16"], ["<= 0.01", null, "0.015", "2026-11-01"]]);
});

test("a KPI list item gives baseline, window, current and its date after their keys", () => {
  const [en, zh] = [
    read("## Now\nKPIs:\n- Study time >= 8 hours a week (baseline: 5, window: 3-month average, current: 6.5 as of 2027-03-01)\n").phases[0]!.kpis[0]!,
    read("## 近期\n**关键指标**\n- 每周学习时长 目标：>= 8 小时；基线：5 小时；周期：3 个月平均；当前：6.5 小时 截至 2027-03-01\n").phases[0]!.kpis[0]!,
  ];
  assert.deepEqual([en, zh].map((k) => [k.target, k.baseline, k.window, k.current, k.asOf]), [
    [">= 8 hours a week", "5", "3-month average", "6.5", "2027-03-01"],
    [">= 8 小时", "5 小时", "3 个月平均", "6.5 小时", "2027-03-01"],
  ]);
});

test("plain list items in Later are bets; checkbox items there keep their box", () => {
  const r = read("## Now\n- [ ] a\n## Later (H2 2027)\n- Voice channel — confidence:low\n- [ ] Broker API\n- [-] Old chatbot\n## 远期\n- 语音渠道\n");
  assert.deepEqual(r.phases.slice(1).map((p) => [p.later, p.items.map((i) => `${i.title}:${i.status}`), p.progress]), [
    [true, ["Voice channel:bet", "Broker API:todo", "Old chatbot:dropped"], { done: 0, total: 1 }],
    [true, ["语音渠道:bet"], { done: 0, total: 0 }],
  ]);
});

test("a Bets label makes plain items bets in any phase; status:bet too; a bet is never overdue", () => {
  const r = items("## Now\n- [ ] boxed\n**Bets**\n- Voice channel due:2026-01-01\n**探索方向**\n- 语音渠道\n**Deliverables**\n- Claims agent status:bet due:2026-01-01\n");
  assert.deepEqual(r.map((i) => `${i.title}:${i.status}:${i.overdue}`), ["boxed:todo:false", "Voice channel:bet:false", "语音渠道:bet:false", "Claims agent:bet:false"]);
  assert.ok(ITEM_STATUSES.includes("bet"));
});

test("items under a Must finish label are must items, plain bullets included", () => {
  const r = items("## Month 0\n**Must finish**\n- [ ] Choose the role @me\n- Set up the notes repo @me\n**Deliverables**\n- [ ] First case study\n## 第 1-3 个月\n**必须完成**\n- [ ] 完成课程\n");
  assert.deepEqual(r.map((i) => `${i.title}:${i.must}`), ["Choose the role:true", "Set up the notes repo:true", "First case study:false", "完成课程:true"]);
});

test("setting an item to bet writes status:bet and unticks its box; a plain bet in Later needs no edit", () => {
  const text = "## Later\n- [x] Voice @ana\n- Broker API\n";
  const doc = parseDocument(FILE, text);
  const r = read(text);
  assert.deepEqual(
    [applyEdits(text, itemStatusEdits(doc, r, FILE, 1, "- [x] Voice @ana", "bet")).text, itemStatusEdits(doc, r, FILE, 2, "- Broker API", "bet")],
    ["## Later\n- [ ] Voice @ana status:bet\n- Broker API\n", []],
  );
});

test("the JSON carries the new fields, lines in the requested base", () => {
  const env = memoryEnv();
  const text = "## Now\nCapacity: 30 person-days\nHealth: 有风险\n- [ ] Eval\n- [ ] Agent kpi:acc confidence:70% after:eval,nope size:2w\n**Must finish**\n- [ ] Launch\n**KPIs**\n| KPI | Baseline | Target | Current |\n|---|---|---|---|\n| Accuracy | 81% | >= 90% | 88% as of 2026-01-10 |\n";
  const json = roadmapJson(roadmapReport(FILE, text, env, new SpecInspector(() => env), []), (p) => p, 1);
  const p = json.phases[0]!;
  assert.deepEqual([p.capacity, p.health, p.kpis, p.items.map((i) => [i.kpi, i.confidence, i.after, i.size, i.must])], [
    { text: "30 person-days", weeks: 6 },
    "at-risk",
    [{ text: "Accuracy", target: ">= 90%", current: "88%", baseline: "81%", window: null, asOf: "2026-01-10", line: 11 }],
    [
      [null, null, [], null, false],
      [{ ref: "acc", text: "Accuracy", line: 11 }, { level: "high", percent: 70 }, [{ ref: "eval", title: "Eval", line: 4 }, { ref: "nope", title: null, line: null }], { text: "2w", tshirt: null, weeks: 2 }, false],
      [null, null, [], null, true],
    ],
  ]);
});

test("CRLF reads the new fields the same as LF", () => {
  const text = "## Now\nHealth: at risk\n- [ ] A — kpi:x confidence:low size:S after:b\n- [ ] B\n**KPIs**\n| KPI | Baseline | Target |\n|---|---|---|\n| X | 1 | 2 |\n";
  assert.deepEqual(read(text.replace(/\n/g, "\r\n")).phases, read(text).phases);
});

// ---- rules ---------------------------------------------------------------------------------

test("roadmap-incomplete-item: an open first-phase item missing an owner, a due date or a spec, and only those", () => {
  const text = "## Now\n- [ ] a\n- [ ] b @ana due:2026-02-01\n- [ ] c @ana due:2026-02-01 [PRD](prd/c.md)\n- [x] d\n- [-] e\n- f status:bet\n- [ ] g @TBD due:TBD spec:[G](prd/g.md)\n## Next\n- [ ] h\n";
  const r = findings(text, "roadmap-incomplete-item");
  assert.deepEqual(r.map((f) => `${f.range.start.line + 1}: ${f.message}`), [
    '2: "a" is in Now, the first phase, and has no owner, no due date, no spec: add @owner due:YYYY-MM-DD spec:[PRD](path.md), or move it to a later phase.',
    '3: "b" is in Now, the first phase, and has no spec: add spec:[PRD](path.md), or move it to a later phase.',
  ]);
});

test("roadmap-incomplete-item speaks Chinese in a Chinese roadmap", () => {
  const [f] = findings("## 近期\n- [ ] 审批助手试点 @王磊\n", "roadmap-incomplete-item", "zh-CN");
  assert.equal(f!.message, "“审批助手试点”位于第一阶段“近期”，缺少截止日期、PRD：请补上 due:YYYY-MM-DD spec:[PRD](path.md)，或移到后续阶段。");
});

test("roadmap-kpi-target: no target or a target with no number; numbers in words and placeholders pass", () => {
  const text = "## Now\n**KPIs**\n| KPI | Target | Current |\n|---|---|---|\n| Cost | lower | $0.015 |\n| Accuracy | | 88% |\n| Calls | >= 6,000 | 6,900 |\n| Churn | halve it | 9% |\n| NPS | TBD | 31 |\n## Next\n**关键指标**\n- 首答准确率 提升\n- 成本 目标：<= 0.01\n";
  assert.deepEqual(findings(text, "roadmap-kpi-target").map((f) => `${f.range.start.line + 1}:${f.range.start.character}`), ["5:0", "6:0", "12:2"]);
});

test("roadmap-kpi-target's messages say what to write", () => {
  const [noNumber, none] = findings("## Now\n**KPIs**\n| KPI | Target |\n|---|---|\n| Cost | lower |\n| Accuracy | |\n", "roadmap-kpi-target");
  assert.deepEqual([noNumber!.message, none!.message], [
    'KPI "Cost" has target "lower", which names no number: write the value to reach (e.g. >= 90%).',
    'KPI "Accuracy" has no target: add the value to reach and by when (a Target column, or target: >= 90% in the list item).',
  ]);
});

test("roadmap-unknown-after: an unknown or ambiguous reference, at its column; resolved ones and placeholders pass", () => {
  const text = "## Now\n- [ ] Eval harness\n- [ ] Eval set\n- [ ] Agent after:eval-harness,nothing\n- [ ] Rollout after:eval\n- [ ] Later after:TBD\n";
  assert.deepEqual(findings(text, "roadmap-unknown-after").map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character} ${f.message.split(":")[0]}`), [
    '4:31-38 "Agent" waits for "nothing", which is no item of this roadmap',
    '5:20-24 "Rollout" waits for "eval", which matches 2 items',
  ]);
});

test("roadmap-unknown-after speaks Chinese, and reads the quoted reference", () => {
  const [f] = findings("## 近期\n- [ ] 评测集搭建\n- [ ] 上线 依赖:“评测方案”\n", "roadmap-unknown-after", "zh-CN");
  assert.deepEqual([f!.range.start.character, f!.range.end.character, f!.message], [12, 18, "“上线”依赖的“评测方案”不是本路线图中的条目：请写出该条目标题的开头（如 after:\"评测集\"）。"]);
});

test("roadmap-bad-value: an unreadable confidence, size or health; good values and placeholders pass", () => {
  const text = "## Now\nHealth: so-so\n- [ ] A confidence:likely size:big\n- [ ] B confidence:60% size:3w\n- [ ] C confidence:TBD size:待定\n## Next\nHealth: amber\n";
  assert.deepEqual(findings(text, "roadmap-bad-value").map((f) => `${f.range.start.line + 1}:${f.range.start.character} ${f.message}`), [
    '2:8 Health of Now "so-so" is not understood: use on track, at risk or off track.',
    '3:19 Confidence of "A" "likely" is not understood: use high, medium, low or a percentage (confidence:70%).',
    '3:31 Size of "A" "big" is not understood: use S, M, L, XL or a duration (size:3w, size:5d).',
  ]);
});

test("the new rules stay quiet on a complete outcome roadmap", () => {
  const text =
    "## Now (Jan 2026)\nCapacity: 6w\nHealth: on track\n**Deliverables**\n- [ ] Eval harness — @ken due:2026-02-01 spec:[E](e.md) size:M\n- [ ] Agent — @ana due:2026-02-20 spec:[E](e.md) kpi:accuracy confidence:high after:eval-harness\n**KPIs**\n| KPI | Baseline | Target | Window | Current | As of |\n|---|---|---|---|---|---|\n| Accuracy | 81% | >= 90% | weekly | 88% | 2026-01-10 |\n## Later\n- Voice — confidence:low\n";
  const r = lint(text, { name: "ROADMAP.md", files: { "/ws/e.md": "# E\n" } });
  assert.deepEqual(brief(r), []);
});

// ---- the 12-month plan, filled in --------------------------------------------------------------

const FIXTURES = join(ROOT, "test", "fixtures", "roadmaps");
const fixtureFiles = (): Record<string, string> => {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(FIXTURES, "notes"))) files[`/ws/notes/${name}`] = readFileSync(join(FIXTURES, "notes", name), "utf8");
  return files;
};

for (const lang of ["en", "zh-CN"] as const) {
  test(`the 12-month plan filled in (${lang}) lints clean, every reference resolved`, () => {
    const text = readFileSync(join(FIXTURES, `12-month-plan.${lang}.md`), "utf8");
    const files = fixtureFiles();
    const r = lint(text, { name: "plan.md", files });
    const model = readRoadmap(r.doc, "/ws/plan.md", { root: "/ws", today: "2026-01-15" });
    const all = roadmapItems(model);
    assert.deepEqual(
      [r.template, brief(r), model.phases.length, all.filter((i) => i.must).length > 0, all.flatMap((i) => i.after).filter((a) => !a.target), all.filter((i) => i.kpi && !i.kpi.target).map((i) => i.kpi!.ref)],
      ["roadmap-12-month", [], 6, true, [], []],
    );
  });
}

// ---- the rule pages' examples ------------------------------------------------------------------

for (const rule of ["roadmap-incomplete-item", "roadmap-kpi-target", "roadmap-unknown-after", "roadmap-bad-value"]) {
  test(`docs/rules/${rule}.md: its Fails example is reported and its Passes example is not`, () => {
    const page = readFileSync(join(ROOT, "docs", "rules", `${rule}.md`), "utf8");
    const example = (label: string) => new RegExp(`${label}[^\\n]*:\\n\\n\`\`\`markdown\\n([\\s\\S]*?)\`\`\``).exec(page)![1]!;
    const count = (text: string) => findings(text, rule).length;
    assert.deepEqual([count(example("Fails")) > 0, count(example("Passes"))], [true, 0]);
  });
}

test("a KPI table before the first ## heading belongs to the implicit phase", () => {
  const r = read("# Plan\n\n**KPIs**\n\n| KPI | Target |\n|---|---|\n| Accuracy | >= 90% |\n");
  assert.deepEqual(r.phases.map((p) => [p.title, p.kpis.map((k) => k.text)]), [["Plan", ["Accuracy"]]]);
});
