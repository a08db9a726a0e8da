import type { Rule } from "../rule";

/** PM009: the same template section appears more than once. */
export const duplicateSection: Rule = {
  id: "PM009",
  name: "duplicate-section",
  description: { en: "The same section appears more than once.", "zh-CN": "同一章节出现了多次。" },
  tags: ["sections"],
  severity: { draft: "warning", review: "warning", approved: "warning", shipped: "warning", deprecated: "info" },
  fixable: false,
  needsTemplate: true,
  check(ctx, report) {
    for (const [id, list] of ctx.byId) {
      if (list.length < 2 || !ctx.spec(id)) continue;
      const first = list[0]!;
      for (const dup of list.slice(1)) {
        report({
          range: ctx.doc.index.trimmedLineRange(dup.heading.line),
          section: id,
          message: { en: `Section "${dup.title}" repeats "${first.title}" on line ${first.heading.line + 1}: merge them.`, "zh-CN": `章节“${dup.title}”与第 ${first.heading.line + 1} 行的“${first.title}”重复：请合并。` },
        });
      }
    }
  },
};
