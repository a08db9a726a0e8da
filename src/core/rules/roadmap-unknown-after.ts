import type { Rule } from "../rule";
import { isRoadmapContext, roadmapItems, roadmapOf } from "../roadmap";
import { hasPlaceholder } from "../placeholders";

/** PM018: an `after:` reference names no item of the roadmap, or several. A placeholder (after:TBD) is left to the placeholder rule. */
export const roadmapUnknownAfter: Rule = {
  id: "PM018",
  name: "roadmap-unknown-after",
  description: { en: "A roadmap item waits for (after:) an item the roadmap does not have, or names several.", "zh-CN": "路线图条目的依赖（after:）指向不存在的条目，或同时匹配多个条目。" },
  tags: ["roadmap"],
  severity: { draft: "warning", review: "warning", approved: "warning", shipped: "warning", deprecated: "off" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    for (const item of roadmapItems(roadmapOf(ctx))) {
      for (const a of item.after) {
        if (a.target || hasPlaceholder(a.ref)) continue;
        report({
          range: { start: { line: item.line, character: a.start }, end: { line: item.line, character: a.end } },
          message:
            a.matches > 1
              ? { en: `"${item.title}" waits for "${a.ref}", which matches ${a.matches} items: quote more of the title (after:"Eval harness v2").`, "zh-CN": `“${item.title}”依赖的“${a.ref}”匹配到 ${a.matches} 个条目：请写出更完整的标题（如 after:"评测集 v2"）。` }
              : { en: `"${item.title}" waits for "${a.ref}", which is no item of this roadmap: write the start of that item's title (after:eval-harness or after:"Eval harness").`, "zh-CN": `“${item.title}”依赖的“${a.ref}”不是本路线图中的条目：请写出该条目标题的开头（如 after:"评测集"）。` },
        });
      }
    }
  },
};
