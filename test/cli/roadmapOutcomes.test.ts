/** Outcome roadmaps through `pmw` as a user runs it: a process, real files, stdout. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { runCli, tempWorkspace } from "../helpers";

const workspace = (files: Record<string, string>): string => tempWorkspace("pmw-outcomes-", files);

interface Json {
  phases: Array<{ title: string; capacity: unknown; health: unknown; kpis: Array<Record<string, unknown>>; progress: unknown; items: Array<Record<string, unknown>> }>;
}
const roadmapJson = (args: string[], cwd: string): Json[] => {
  const r = runCli(["roadmap", "--format", "json", ...args], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Json[];
};

const ZH = [
  "# 客服路线图",
  "",
  "## 近期（2099年1月-2月）",
  "",
  "容量：3 名工程师，6 周",
  "健康度：有风险",
  "",
  "**交付项**",
  "",
  "- [ ] 评测集 — @王磊 due:2099-01-20 规模:2周 信心:高",
  "- [/] 首期灰度 — 依赖:评测集 指标:首问解决率 信心:60% 规模:L @李娜 due:2099-02-15",
  "",
  "**KPI**",
  "",
  "| KPI | 基线 | 目标 | 周期 | 当前 | 截至 |",
  "| --- | --- | --- | --- | --- | --- |",
  "| 首问解决率 | 31% | >= 40% | 近 28 天 | 33% | 2099-01-05 |",
  "",
  "## 远期",
  "",
  "- 语音渠道 — 信心:低",
  "",
].join("\n");

test("pmw roadmap --format json gives the outcome fields of a Chinese roadmap, lines 1-based", () => {
  const [r] = roadmapJson([], workspace({ "ROADMAP.md": ZH }));
  const [now, later] = r!.phases;
  assert.deepEqual(
    [now!.capacity, now!.health, now!.kpis, now!.items.map((i) => [i["title"], i["kpi"], i["confidence"], i["after"], i["size"], i["must"]]), later!.items.map((i) => [i["title"], i["status"]]), later!.progress],
    [
      { text: "3 名工程师，6 周", weeks: null },
      "at-risk",
      [{ text: "首问解决率", target: ">= 40%", current: "33%", baseline: "31%", window: "近 28 天", asOf: "2099-01-05", line: 17 }],
      [
        ["评测集", null, { level: "high", percent: null }, [], { text: "2周", tshirt: null, weeks: 2 }, false],
        ["首期灰度", { ref: "首问解决率", text: "首问解决率", line: 17 }, { level: "medium", percent: 60 }, [{ ref: "评测集", title: "评测集", line: 10 }], { text: "L", tshirt: "L", weeks: null }, false],
      ],
      [["语音渠道", "bet"]],
      { done: 0, total: 0 },
    ],
  );
});

test("the text format shows health, capacity, the KPI an item moves, what it waits for, bets and KPI baselines", () => {
  const r = runCli(["roadmap"], workspace({ "ROADMAP.md": ZH }));
  assert.deepEqual([r.code, r.stdout], [
    0,
    [
      "ROADMAP.md  客服路线图",
      "  近期（2099年1月-2月）  2099-01-01..2099-02-28  0/2 done  AT-RISK  capacity 3 名工程师，6 周  (line 3)",
      "    10: [ ] 评测集  @王磊  due 2099-01-20  confidence high  size 2周  no spec",
      '    11: [/] 首期灰度  @李娜  due 2099-02-15  moves 首问解决率  confidence 60%  size L  after "评测集" (line 10)  no spec',
      "    KPI 首问解决率: baseline 31%, target >= 40%, over 近 28 天, current 33% as of 2099-01-05",
      "  远期  0/0 done  (line 19)",
      "    21:  ~  语音渠道  confidence low",
      "",
    ].join("\n"),
  ]);
});

test("pmw lint reports the new roadmap rules with file and line (warnings: exit 0)", () => {
  const dir = workspace({ "ROADMAP.md": "## Now\n- [ ] Agent @ana due:2099-01-01 after:nothing confidence:likely\n**KPIs**\n| KPI | Target |\n|---|---|\n| Cost | lower |\n" });
  const r = runCli(["lint", "--format", "json"], dir);
  const out = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ rule: string; line: number }> }>;
  assert.deepEqual([r.code, out[0]!.file, out[0]!.findings.map((f) => `${f.rule}@${f.line}`)], [0, "ROADMAP.md", ["roadmap-incomplete-item@2", "roadmap-unknown-after@2", "roadmap-bad-value@2", "roadmap-kpi-target@6"]]);
});

for (const [lang, title, phases] of [
  ["en", "AI PM year", ["Month 0", "Months 1-3", "Months 4-6", "Months 7-9", "Months 10-12", "Later"]],
  ["zh-CN", "成长计划", ["第 0 个月", "第 1-3 个月", "第 4-6 个月", "第 7-9 个月", "第 10-12 个月", "远期"]],
] as const) {
  test(`pmw new roadmap-12-month (${lang}) scaffolds a plan that pmw roadmap reads and that has only placeholders left to fill`, () => {
    const dir = workspace({});
    const made = runCli(["new", "roadmap-12-month", "--title", title, "--owner", "me", "--lang", lang], dir);
    assert.equal(made.code, 0, made.stderr);
    const file = made.stdout.trim();
    const [r] = roadmapJson([file], dir);
    const lint = JSON.parse(runCli(["lint", "--format", "json", file], dir).stdout) as Array<{ findings: Array<{ rule: string }> }>;
    assert.deepEqual(
      [
        readFileSync(file, "utf8").includes("template: roadmap-12-month"),
        r!.phases.map((p) => p.title.replace(/\s*[（(].*$/, "")),
        r!.phases.map((p) => p.items.filter((i) => i["must"]).length),
        r!.phases.map((p) => p.kpis.length),
        r!.phases.at(-1)!.items.map((i) => i["status"]),
        [...new Set(lint[0]!.findings.map((f) => f.rule))].sort(),
      ],
      [true, [...phases], [1, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], ["bet"], ["placeholder", "roadmap-incomplete-item"]],
    );
  });
}
