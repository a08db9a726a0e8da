import { test } from "node:test";
import assert from "node:assert/strict";
import { TemplateRegistry } from "../../src/core/templates";
import { builtInTemplates } from "../helpers";
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
  const prd = ["cost", "data-contract", "evaluation", "failure-criteria", "fallback", "goals", "human-review", "metrics", "open-questions", "problem", "requirements", "risks", "rollout", "users"];
  assert.deepEqual(
    [required("ai-feature-prd"), required("agent-prd"), required("one-pager"), required("experiment-brief")],
    [prd, [...prd, "agent-workflow"].sort(), ["failure-criteria", "goals", "metrics", "open-questions", "problem"], ["decision-rule", "design", "hypothesis", "metrics", "risks"]],
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
