import type { Rule } from "../rule";
import { UNCOMMITTED, isRoadmapContext, roadmapOf } from "../roadmap";

/**
 * PM016: an open item in the first phase has no owner, no due date or no spec. The first phase
 * is what the team is doing now: each of its items needs someone, a date and a description of
 * done. A field written as a placeholder (`due:TBD`) is left to the placeholder rule.
 */
export const roadmapIncompleteItem: Rule = {
  id: "PM016",
  name: "roadmap-incomplete-item",
  description: { en: "An open item in the roadmap's first phase has no owner, due date or spec.", "zh-CN": "路线图第一阶段中未完成的条目缺少负责人、截止日期或 PRD。" },
  tags: ["roadmap"],
  severity: { draft: "info", review: "warning", approved: "warning", shipped: "warning", deprecated: "off" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    const first = roadmapOf(ctx).phases[0];
    if (!first) return;
    for (const item of first.items) {
      if (item.status === "done" || UNCOMMITTED.has(item.status)) continue;
      const missing: Array<{ en: string; zh: string; add: string }> = [];
      if (item.owners.length === 0) missing.push({ en: "an owner", zh: "负责人", add: "@owner" });
      if (!item.due && !item.dueField) missing.push({ en: "a due date", zh: "截止日期", add: "due:YYYY-MM-DD" });
      if (!item.spec) missing.push({ en: "a spec", zh: "PRD", add: "spec:[PRD](path.md)" });
      if (missing.length === 0) continue;
      const line = ctx.doc.lines[item.line] ?? "";
      const start = line.length - line.trimStart().length;
      const add = missing.map((m) => m.add).join(" ");
      report({
        range: { start: { line: item.line, character: start }, end: { line: item.line, character: line.trimEnd().length } },
        message: {
          en: `"${item.title}" is in ${first.title}, the first phase, and has no ${missing.map((m) => m.en.replace(/^an? /, "")).join(", no ")}: add ${add}, or move it to a later phase.`,
          "zh-CN": `“${item.title}”位于第一阶段“${first.title}”，缺少${missing.map((m) => m.zh).join("、")}：请补上 ${add}，或移到后续阶段。`,
        },
      });
    }
  },
};
