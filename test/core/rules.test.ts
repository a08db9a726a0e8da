/** One behaviour per test, on a few lines of in-memory Markdown. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { lint, brief, memoryEnv, ROOT } from "../helpers";
import { applyEdits } from "../../src/core/fix";
import { RULES } from "../../src/core/rules";
import { lintText } from "../../src/core/lint";
import { readFileSync } from "node:fs";
import { RED_LINE_AREAS } from "../../src/core/data/red-lines";

const fm = (status: string, template = "ai-feature-prd", extra = "") => `---\ntitle: T\nowner: o\nstatus: ${status}\nupdated: 2026-01-10\ntemplate: ${template}\n${extra}---\n`;
const onePager = (status: string, body: string) => lint(`${fm(status, "ai-feature-prd")}# T\n\n${body}`);
const ruleFindings = (r: ReturnType<typeof lint>, rule: string) => r.findings.filter((f) => f.rule === rule);

test("placeholder severity follows status: info in draft, warning in review, error when approved", () => {
  const sev = (status: string) => ruleFindings(onePager(status, "TBD\n"), "placeholder").map((f) => f.severity);
  assert.deepEqual([sev("draft"), sev("review"), sev("approved"), sev("shipped")], [["info"], ["warning"], ["error"], ["error"]]);
});

test("missing-section is a warning in draft and an error when approved", () => {
  const sev = (status: string) => new Set(ruleFindings(onePager(status, ""), "missing-section").map((f) => f.severity));
  assert.deepEqual([[...sev("draft")], [...sev("approved")]], [["warning"], ["error"]]);
});

test("each placeholder form is found, TODO in lower case is prose", () => {
  const r = onePager("draft", "TODO TBD TBA XXX ??? [NEEDS CLARIFICATION: who owns it] 待定 待补充 Lorem ipsum; a todo list.\n");
  const found = ruleFindings(r, "placeholder");
  const f = found[0];
  const places = [f!.range, ...(f!.related ?? []).map((x) => x.range)].map((p) => r.doc.lines[p.start.line]!.slice(p.start.character, p.end.character));
  assert.deepEqual([found.length, places], [1, ["TODO", "TBD", "TBA", "XXX", "???", "[NEEDS CLARIFICATION: who owns it]", "待定", "待补充", "Lorem ipsum"]]);
});

test("a placeholder is found on every line, also after an unclosed [NEEDS CLARIFICATION on the line above", () => {
  const r = onePager("draft", "[NEEDS CLARIFICATION who decides\nTODO: name them] and `code` TBD\n\nDone.\n");
  const f = ruleFindings(r, "placeholder")[0];
  const places = [f!.range, ...(f!.related ?? []).map((x) => x.range)].map((p) => `${p.start.line}:${r.doc.lines[p.start.line]!.slice(p.start.character, p.end.character)}`);
  assert.deepEqual(places, ["10:TODO", "10:TBD"]);
});

test("vague language is a hint only when no number is near", () => {
  const r = onePager("draft", "We will significantly improve recall.\n\nWe will significantly improve recall by 5 points.\n\n我们会持续优化体验。\n");
  assert.deepEqual(ruleFindings(r, "vague-language").map((f) => `${f.severity}@${f.range.start.line + 1}`), ["hint@10", "hint@14"]);
});

test("red-line domain without a human review gate is an error, whatever the status", () => {
  const r = lint(`${fm("draft", "ai-feature-prd")}# T\n\n## Problem\n\nThe model makes automated loan approval decisions.\n`);
  const f = ruleFindings(r, "red-line-review");
  assert.deepEqual(f.map((x) => [x.severity, x.range.start.line + 1, x.section]), [["error", 12, "human-review"]]);
});

test("red-line domain with a written human review gate passes", () => {
  const r = lint(`${fm("draft", "ai-feature-prd")}# T\n\n## Problem\n\n诊断建议由模型生成。\n\n## 人工复核\n\n所有诊断建议在 10 分钟内由医生复核，超时则不展示。\n`);
  assert.deepEqual(ruleFindings(r, "red-line-review"), []);
});

test("the red-line fix inserts the human review gate where the template puts it", () => {
  const text = `${fm("draft", "ai-feature-prd")}# T\n\n## Fallback and degradation path\n\n1. If down, hand over to a human.\n\n## Evaluation plan\n\nHiring decisions are ranked by the model.\n`;
  const f = ruleFindings(lint(text), "red-line-review")[0]!;
  const fixed = applyEdits(text, f.fix!).text;
  assert.match(fixed, /hand over to a human\.\n\n## Human review gate\n\n- \*\*Trigger:\*\*[\s\S]*\n\n## Evaluation plan/);
});

test("weak-section says exactly what a fallback path lacks", () => {
  const r = onePager("draft", "## Fallback and degradation path\n\n1. Switch to the small model.\n2. Show a cached answer.\n");
  assert.equal(
    ruleFindings(r, "weak-section")[0]?.message,
    '"Fallback and degradation path" is incomplete: step 1 ("Switch to the small model.") has no trigger: say when it applies (e.g. the model times out twice) (line 12); step 2 ("Show a cached answer.") has no trigger: say when it applies (e.g. the model times out twice) (line 13); the path does not end with a human takeover or a non-AI path: say who takes over, with what context, or which flow without the model users get (the classic flow, the feature hidden) (line 13).',
  );
});

test("a metric row whose target is not a number is named", () => {
  const r = onePager("draft", "## Success metrics\n\n| Metric | Definition | Baseline | Target | Window |\n|---|---|---|---|---|\n| NPS | survey | 20 | better | 90 days |\n");
  assert.match(ruleFindings(r, "weak-section")[0]?.message ?? "", /metric "NPS" has no target number \(line 14\)/);
});

test("messages follow the document's language, or the language asked for", () => {
  const zh = lint(`${fm("draft")}# 标题\n\n## 问题与背景\n\n用户找不到入口，这是中文文档。\n`);
  assert.match(ruleFindings(zh, "missing-section")[0]!.message, /^缺少必需章节“失败标准”/);
  const en = lint(`${fm("draft")}# 标题\n\n## 问题与背景\n\n用户找不到入口，这是中文文档。\n`, { lang: "en" });
  assert.match(ruleFindings(en, "missing-section")[0]!.message, /^Missing required section/);
});

test("a heading matches its section case- and punctuation-insensitively, with numbering", () => {
  const r = onePager("draft", "## 1. FAILURE CRITERIA!\n\nAccuracy < 85% for 7 days.\n\n## 二、问题与背景\n\nText.\n");
  assert.deepEqual(r.doc.sections.length, 3);
  assert.ok(!ruleFindings(r, "missing-section").some((f) => f.section === "failure-criteria" || f.section === "problem"));
});

test("config aliases make a custom heading count as the section", () => {
  const r = lint(`${fm("draft")}# T\n\n## Kill switch conditions\n\nStop if errors > 5% for 2 days.\n`, { config: '{ "aliases": { "failure-criteria": ["Kill switch conditions"] } }' });
  assert.ok(!ruleFindings(r, "missing-section").some((f) => f.section === "failure-criteria"));
});

test("config turns a rule off or sets its severity by status", () => {
  const off = lint(`${fm("approved")}# T\nTBD\n`, { config: '{ "rules": { "placeholder": "off" } }' });
  const byStatus = lint(`${fm("approved")}# T\nTBD\n`, { config: '{ "rules": { "PM004": { "approved": "warning" } } }' });
  assert.deepEqual([ruleFindings(off, "placeholder").length, ruleFindings(byStatus, "placeholder")[0]?.severity], [0, "warning"]);
});

test("pm-disable-next-line silences one rule on the next line only", () => {
  const r = onePager("review", "<!-- pm-disable-next-line placeholder -->\nTBD one\nTBD two\n");
  assert.deepEqual(brief(r).filter((b) => b.startsWith("placeholder")), ["placeholder@12"]);
});

test("a missing front matter key is fixable with a sensible default, owner is not", () => {
  const r = lint("---\ntemplate: ai-feature-prd\n---\n# Title here\n");
  const fm1 = ruleFindings(r, "front-matter").map((f) => [f.message, f.fix?.[0]?.newText ?? null]);
  assert.deepEqual(fm1, [
    ['Front matter has no "title".', 'title: "Title here"\n'],
    ['Front matter has no "owner".', null],
    ['Front matter has no "status".', "status: draft\n"],
    ['Front matter has no "updated".', "updated: 2026-01-15\n"],
  ]);
});

test("a missing section is inserted after the nearest earlier section of the template", () => {
  const text = `${fm("draft")}# T\n\n## Problem\n\nPain.\n\n## Goals and non-goals\n\nGoals.\n`;
  const f = ruleFindings(lint(text), "missing-section").find((x) => x.section === "users")!;
  assert.equal(applyEdits(text, f.fix!).text.split("## ").map((s) => s.split("\n")[0]).slice(1).join(" | "), "Problem | Users and scenarios | Goals and non-goals");
});

test("a missing section is inserted in the document's language", () => {
  const text = `${fm("draft")}# 标题\n\n## 问题与背景\n\n用户找不到入口。\n`;
  const f = ruleFindings(lint(text), "missing-section").find((x) => x.section === "users")!;
  assert.match(f.fix![0]!.newText, /^\n## 用户与场景\n/);
});

test("a rule that throws is skipped and reported, the others still run", () => {
  const rule = RULES.find((r) => r.name === "vague-language")!;
  const original = rule.check;
  const errors: string[] = [];
  rule.check = () => {
    throw new Error("boom");
  };
  try {
    const env = { ...memoryEnv(), onRuleError: (r: { name: string }) => void errors.push(r.name) };
    const r = lintText("/ws/a.md", `${fm("draft")}# T\nTBD\n`, env);
    assert.deepEqual([errors, r.findings.some((f) => f.rule === "placeholder")], [["vague-language"], true]);
  } finally {
    rule.check = original;
  }
});

test("a review gate made only of placeholders does not satisfy the red-line rule, and is not refilled", () => {
  const r = lint(`${fm("draft")}# T\n\n## Problem\n\nAutomated credit decisions.\n\n## Human review gate\n\n- **Trigger:** TBD\n`);
  assert.deepEqual(ruleFindings(r, "red-line-review").map((f) => [f.range.start.line + 1, f.fix === undefined]), [[12, true]]);
});

test("roadmaps are not held to red lines: the specs they link to are", () => {
  const r = lint(`${fm("draft", "roadmap")}# Roadmap\n\n## Now\n\n- [ ] Loan approval assistant — @ann due:2026-03-01\n`);
  assert.deepEqual(ruleFindings(r, "red-line-review"), []);
});

test("a root-relative link resolves from the workspace root", () => {
  const r = lint(`${fm("draft")}# T\n\nSee [spec](/docs/a.md) and [gone](/docs/b.md).\n`, { files: { "/ws/docs/a.md": "# A\n" } });
  assert.deepEqual(ruleFindings(r, "broken-link").map((f) => f.message), ['Link target "/docs/b.md" does not exist.']);
});

test("an id such as FR-003 is not the number that makes a phrase concrete", () => {
  const r = onePager("draft", "- **FR-003** We will significantly improve search.\n");
  assert.equal(ruleFindings(r, "vague-language").length, 1);
});

test("red-line-review names the area and the sentence where the system decides", () => {
  const r = lint(`${fm("draft", "ai-feature-prd")}# T\n\n## Problem\n\n- The agent reviews each tenant application\n  and approves or rejects it.\n`);
  assert.deepEqual(
    ruleFindings(r, "red-line-review").map((f) => [f.range.start.line + 1, f.message.match(/a (.*?) decision about a person \("(.*)"\)/)?.slice(1)]),
    [[12, ["credit scoring or creditworthiness", "The agent reviews each tenant application and approves or rejects it."]]],
  );
});

test("red-line-review is cleared by a negation or a human decider in the sentence", () => {
  const r = lint(`${fm("draft", "ai-feature-prd")}# T\n\n## Problem\n\nThe model does not approve loans.\n\n授信额度由人工决定，模型只做数据核验。\n`);
  assert.deepEqual(ruleFindings(r, "red-line-review"), []);
});

test("a prohibited practice is reported even with a written human review gate", () => {
  const r = lint(`${fm("draft", "ai-feature-prd")}# T\n\n## Problem\n\nThe tool detects employees' emotions in meetings.\n\n## Human review gate\n\nAll flags are reviewed within 2 hours; if rejected, dropped.\n`);
  assert.match(ruleFindings(r, "red-line-review")[0]?.message ?? "", /emotion recognition at work or school, a practice the EU AI Act prohibits/);
});

test("red-line areas and cues extend from .pm/config.jsonc", () => {
  const text = `${fm("draft", "ai-feature-prd")}# T\n\n## Problem\n\nThe model decides which tenants get a parking permit.\n\nThe model approves each gym membership.\n`;
  const config = '{ "redLines": { "areas": [{ "id": "memberships", "name": "membership access", "cues": ["gym membership*"] }] } }';
  assert.deepEqual(ruleFindings(lint(text, { config }), "red-line-review").map((f) => f.range.start.line + 1), [12]);
  assert.match(ruleFindings(lint(text.replace("tenants get a parking permit", "couriers travel"), { config }), "red-line-review")[0]?.message ?? "", /membership access/);
});

test("the red-line-review page lists every area of the model with its basis", () => {
  const page = readFileSync(`${ROOT}/docs/rules/red-line-review.md`, "utf8");
  assert.deepEqual(RED_LINE_AREAS.filter((a) => !page.includes(`| \`${a.id}\` | ${a.name.en} | ${a.basis} |`)).map((a) => a.id), []);
});

test("filling an empty revision history takes the owner from front matter and today's date, never {{placeholders}}", () => {
  const text = `---\ntitle: T\nowner: Ann Lee\nstatus: draft\nupdated: 2026-01-10\ntemplate: one-pager\n---\n\n# T\n\n## Revision history\n\n## Problem\n\nAgents retype answers.\n`;
  const f = ruleFindings(lint(text), "empty-section").find((x) => x.section === "revision-history")!;
  assert.match(applyEdits(text, f.fix!).text, /## Revision history\n\n\| Version \| Date \| Author \| Change \|\n\| --- \| --- \| --- \| --- \|\n\| 0\.1 \| 2026-01-15 \| Ann Lee \| First draft \|\n\n## Problem/);
});
