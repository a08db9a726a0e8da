import type { Rule } from "../rule";
import { isRoadmapContext, roadmapOf, type BadValue } from "../roadmap";
import type { Localized } from "../i18n";

const EXPECTED: Record<BadValue["field"], Localized> = {
  confidence: { en: "high, medium, low or a percentage (confidence:70%)", "zh-CN": "高、中、低或百分比（如 confidence:70%）" },
  size: { en: "S, M, L, XL or a duration (size:3w, size:5d)", "zh-CN": "S、M、L、XL 或时长（如 size:3w、规模:5天）" },
  health: { en: "on track, at risk or off track", "zh-CN": "正常、有风险或偏离" },
};

/** PM019: a confidence, size or phase health the roadmap format cannot read. */
export const roadmapBadValue: Rule = {
  id: "PM019",
  name: "roadmap-bad-value",
  description: { en: "A roadmap item's confidence or size, or a phase's health, is not a value the format knows.", "zh-CN": "路线图条目的信心、规模，或阶段的健康度，不是格式能识别的值。" },
  tags: ["roadmap"],
  severity: { draft: "warning", review: "warning", approved: "warning", shipped: "warning", deprecated: "off" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    const at = (line: number, v: BadValue, subject: string, zhSubject: string) =>
      report({
        range: { start: { line, character: v.start }, end: { line, character: v.end } },
        message: { en: `${subject} "${v.value}" is not understood: use ${EXPECTED[v.field].en}.`, "zh-CN": `${zhSubject}“${v.value}”无法识别：请使用${EXPECTED[v.field]["zh-CN"]}。` },
      });
    for (const phase of roadmapOf(ctx).phases) {
      for (const v of phase.badValues) at(v.line, v, `Health of ${phase.title}`, `阶段“${phase.title}”的健康度`);
      for (const item of phase.items) for (const v of item.badValues) at(item.line, v, `${v.field === "size" ? "Size" : "Confidence"} of "${item.title}"`, `“${item.title}”的${v.field === "size" ? "规模" : "信心"}`);
    }
  },
};
