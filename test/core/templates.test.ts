import { test } from "node:test";
import assert from "node:assert/strict";
import { TemplateRegistry } from "../../src/core/templates";
import { builtInTemplates, lint, ROOT } from "../helpers";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RULES } from "../../src/core/rules";
import { ruleDocsUrl } from "../../src/node/workspace";

test("every built-in template loads, in English and Chinese, with every section translated", () => {
  const { registry, errors } = TemplateRegistry.build(builtInTemplates());
  assert.deepEqual(errors, []);
  const summary = registry.all().map((t) => {
    const untranslated = t.sections.filter((s) => [...t.variants.values()].some((v) => !v.sections.has(s.id))).map((s) => s.id);
    return `${t.id} ${[...t.variants.keys()].sort().join("+")} ${untranslated.length}`;
  });
  assert.deepEqual(summary, ["agent-prd en+zh-CN 0", "ai-feature-prd en+zh-CN 0", "experiment-brief en+zh-CN 0", "one-pager en+zh-CN 0", "roadmap en+zh-CN 0", "roadmap-12-month en+zh-CN 0"]);
});

test("required sections per template are the ones the product promises", () => {
  const { registry } = TemplateRegistry.build(builtInTemplates());
  const required = (id: string) => registry.get(id)!.sections.filter((s) => s.required).map((s) => s.id).sort();
  const prd = ["cost", "data-contract", "evaluation", "failure-criteria", "fallback", "goals", "human-review", "metrics", "open-questions", "operations", "problem", "requirements", "risks", "rollout", "users"];
  assert.deepEqual(
    [required("ai-feature-prd"), required("agent-prd"), required("one-pager"), required("experiment-brief")],
    [prd, [...prd, "agent-workflow", "assumptions"].sort(), ["failure-criteria", "goals", "metrics", "open-questions", "problem"], ["analysis-plan", "decision-rule", "design", "hypothesis", "metrics", "risks"]],
  );
});

test("a workspace template replaces the built-in one of the same id", () => {
  const tpl = { file: "/ws/.pm/templates/one-pager.md", text: "---\npm-template:\n  id: one-pager\n  sections:\n    problem:\n      required: true\n---\n## Problem\n\nTBD\n" };
  const { registry } = TemplateRegistry.build(builtInTemplates(), [tpl]);
  assert.deepEqual([registry.get("one-pager")?.origin, registry.get("one-pager")?.sections.map((s) => s.id)], ["workspace", ["problem"]]);
});

test("every rule has its docs page, which diagnostics and SARIF link to", () => {
  const missing = RULES.filter((r) => !existsSync(fileURLToPath(ruleDocsUrl(r.name)))).map((r) => r.name);
  assert.deepEqual(missing, []);
});

/** Every `##` heading the built-in templates used before the Chinese headings were renamed, with its section. */
const EARLIER_HEADINGS: ReadonlyArray<[string, string]> = [
  ["失败标准", "failure-criteria"], ["问题与背景", "problem"], ["背景", "problem"], ["用户与场景", "users"], ["目标与非目标", "goals"],
  ["成功指标", "metrics"], ["需求", "requirements"], ["原型", "prototype"], ["智能体工作流", "agent-workflow"], ["降级路径", "fallback"],
  ["人工复核", "human-review"], ["评估方案", "evaluation"], ["数据契约", "data-contract"], ["成本与延迟预算", "cost"],
  ["风险、合规与红线", "risks"], ["上线与退出计划", "rollout"], ["待决问题", "open-questions"], ["假设", "hypothesis"], ["实验设计", "design"], ["决策规则", "decision-rule"],
  ["Failure criteria", "failure-criteria"], ["Problem", "problem"], ["Background", "problem"], ["Users and scenarios", "users"], ["Goals and non-goals", "goals"],
  ["Success metrics", "metrics"], ["Requirements", "requirements"], ["Prototype", "prototype"], ["Agent workflow", "agent-workflow"],
  ["Fallback and degradation path", "fallback"], ["Human review gate", "human-review"], ["Evaluation plan", "evaluation"], ["Data contract", "data-contract"],
  ["Cost and latency budget", "cost"], ["Risks, compliance and red lines", "risks"], ["Rollout and exit plan", "rollout"], ["Open questions", "open-questions"],
  ["Hypothesis", "hypothesis"], ["Experiment design", "design"], ["Decision rule", "decision-rule"],
];

test("a document written with the earlier headings still has every section recognised", () => {
  const body = EARLIER_HEADINGS.map(([h]) => `## ${h}\n\nText.\n`).join("\n");
  const r = lint(`---\ntitle: T\nowner: o\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n\n# T\n\n${body}`);
  assert.deepEqual(
    r.sections.filter((s) => s.level === 2).map((s) => [s.title, s.id]),
    EARLIER_HEADINGS.map(([h, id]) => [h, id]),
  );
});

test("the Chinese templates use the headings of Chinese product teams", () => {
  const { registry } = TemplateRegistry.build(builtInTemplates());
  const headings = (id: string) => [...registry.get(id)!.variants.get("zh-CN")!.sections.values()].map((s) => s.heading);
  assert.deepEqual(headings("ai-feature-prd"), ["修订记录", "失败标准", "问题与背景", "用户与场景", "目标与范围", "成功指标", "功能需求", "原型", "智能体工作流", "降级与兜底策略", "人工复核", "评测方案", "数据与隐私", "成本与延迟预算", "模型、提示词与运维", "风险、合规与红线", "假设与依赖", "灰度上线与回滚方案", "待确认事项"]);
});

test("待确认事项 is a heading, not a placeholder; 待确认 in text still is", () => {
  const r = lint(`---\ntitle: T\nowner: o\nstatus: draft\nupdated: 2026-01-10\ntemplate: one-pager\n---\n\n# T\n\n## 待确认事项\n\n- 上限金额待确认。\n`);
  assert.deepEqual(r.findings.filter((f) => f.rule === "placeholder").map((f) => f.range.start.line), [12]);
});

test("docs/templates.md lists every section of every built-in spec template, with its heading, whether it is required, its check and why", () => {
  const docs = readFileSync(join(ROOT, "docs", "templates.md"), "utf8");
  const { registry } = TemplateRegistry.build(builtInTemplates());
  const missing: string[] = [];
  for (const t of registry.all().filter((x) => x.kind === "spec")) {
    const en = t.variants.get("en")!;
    const zh = t.variants.get("zh-CN")!;
    for (const s of t.sections) {
      const row = `| ${en.sections.get(s.id)!.heading} (\`${s.id}\`) | ${zh.sections.get(s.id)!.heading} | ${s.required ? "yes" : "optional"} | ${s.check ? `\`${s.check}\`` : "-"} | ${en.sections.get(s.id)!.why.replace(/\|/g, "\\|")} |`;
      if (!docs.includes(row)) missing.push(`${t.id}: ${row}`);
    }
  }
  assert.deepEqual(missing, []);
});
