import type { Rule } from "../rule";
import { ITEM_STATUSES, isRoadmapContext, roadmapItems, roadmapOf } from "../roadmap";

/** PM015: a roadmap item's status field or checkbox mark is not one the roadmap format knows. */
export const roadmapUnknownStatus: Rule = {
  id: "PM015",
  name: "roadmap-unknown-status",
  description: { en: "A roadmap item's status (status: field or checkbox mark) is not one of todo, in-progress, blocked, done, dropped.", "zh-CN": "路线图条目的状态（status: 字段或复选框标记）不是 todo、in-progress、blocked、done、dropped 之一。" },
  tags: ["roadmap"],
  severity: { draft: "warning", review: "warning", approved: "warning", shipped: "warning", deprecated: "warning" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    const known = ITEM_STATUSES.join(", ");
    for (const item of roadmapItems(roadmapOf(ctx))) {
      const u = item.unknownStatus;
      if (!u) continue;
      report({
        range: { start: { line: item.line, character: u.start }, end: { line: item.line, character: u.end } },
        message: {
          en: `Status "${u.value}" of "${item.title}" is unknown, so it is read as ${item.status}: use one of ${known} (boxes: [ ] [x] [/] [!] [-]).`,
          "zh-CN": `“${item.title}”的状态“${u.value}”无法识别，暂按 ${item.status} 处理：请使用 ${known} 之一（复选框：[ ] [x] [/] [!] [-]）。`,
        },
      });
    }
  },
};
