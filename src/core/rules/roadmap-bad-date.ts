import type { Rule } from "../rule";
import { isRoadmapContext, roadmapItems, roadmapOf } from "../roadmap";

/** PM014: a roadmap item's due date is not a real YYYY-MM-DD date. */
export const roadmapBadDate: Rule = {
  id: "PM014",
  name: "roadmap-bad-date",
  description: { en: "A roadmap item's due date is malformed or impossible; write it as YYYY-MM-DD.", "zh-CN": "路线图条目的截止日期格式错误或不存在；请写成 YYYY-MM-DD。" },
  tags: ["roadmap"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "warning" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    for (const item of roadmapItems(roadmapOf(ctx))) {
      if (!item.badDue) continue;
      const shaped = /^\d{4}-\d{2}-\d{2}$/.test(item.badDue.value);
      report({
        range: { start: { line: item.line, character: item.badDue.start }, end: { line: item.line, character: item.badDue.end } },
        message: shaped
          ? { en: `Due date "${item.badDue.value}" of "${item.title}" does not exist: check the month and day.`, "zh-CN": `“${item.title}”的截止日期“${item.badDue.value}”不存在：请检查月份和日期。` }
          : { en: `Due date "${item.badDue.value}" of "${item.title}" is not YYYY-MM-DD (e.g. due:2026-12-15).`, "zh-CN": `“${item.title}”的截止日期“${item.badDue.value}”不是 YYYY-MM-DD 格式（如 due:2026-12-15）。` },
      });
    }
  },
};
