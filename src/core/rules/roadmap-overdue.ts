import type { Rule } from "../rule";
import { isRoadmapContext, roadmapItems, roadmapOf } from "../roadmap";

/** PM013: a roadmap item's due date has passed and it is neither done nor dropped. */
export const roadmapOverdue: Rule = {
  id: "PM013",
  name: "roadmap-overdue",
  description: { en: "A roadmap item is past its due date and neither done nor dropped.", "zh-CN": "路线图条目已过截止日期，且既未完成也未取消。" },
  tags: ["roadmap"],
  severity: { draft: "info", review: "warning", approved: "warning", shipped: "warning", deprecated: "off" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    for (const item of roadmapItems(roadmapOf(ctx))) {
      if (!item.overdue || !item.dueField) continue;
      report({
        range: { start: { line: item.line, character: item.dueField.start }, end: { line: item.line, character: item.dueField.end } },
        message: {
          en: `"${item.title}" was due ${item.due} and is ${item.status}: mark it done or dropped, or move the date.`,
          "zh-CN": `“${item.title}”截止于 ${item.due}，当前状态为 ${item.status}：请标为完成或取消，或调整日期。`,
        },
      });
    }
  },
};
