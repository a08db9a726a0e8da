import type { Rule } from "../rule";
import { isRoadmapContext, roadmapItems, roadmapOf } from "../roadmap";

/** PM012: a roadmap item links a spec file that does not exist. */
export const roadmapMissingSpec: Rule = {
  id: "PM012",
  name: "roadmap-missing-spec",
  description: { en: "A roadmap item links a spec file that does not exist.", "zh-CN": "路线图条目链接的 PRD 文件不存在。" },
  tags: ["roadmap", "links"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "warning" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    for (const item of roadmapItems(roadmapOf(ctx))) {
      if (!item.spec || ctx.host.stat(item.spec.path) === "file") continue;
      const href = item.spec.href;
      report({
        range: { start: { line: item.line, character: item.spec.start }, end: { line: item.line, character: item.spec.end } },
        message: { en: `"${item.title}" links spec "${href}", which does not exist: fix the path or create the spec.`, "zh-CN": `“${item.title}”链接的 PRD“${href}”不存在：请修正路径或先创建该 PRD。` },
      });
    }
  },
};
