import type { Rule } from "../rule";
import { isRoadmapContext, roadmapOf } from "../roadmap";
import { hasPlaceholder } from "../placeholders";
import { NUMBER } from "../quantities";

/**
 * PM017: a roadmap KPI has no target, or a target with no number ("higher"), the test the
 * metrics table applies to a target. A placeholder target (TBD) is left to the placeholder rule.
 */
export const roadmapKpiTarget: Rule = {
  id: "PM017",
  name: "roadmap-kpi-target",
  description: { en: "A roadmap KPI has no target number.", "zh-CN": "路线图中的 KPI 没有目标数值。" },
  tags: ["roadmap", "metrics"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "off" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    if (!isRoadmapContext(ctx)) return;
    for (const phase of roadmapOf(ctx).phases) {
      for (const kpi of phase.kpis) {
        if (hasPlaceholder(kpi.text) || (kpi.target && (hasPlaceholder(kpi.target) || NUMBER.test(kpi.target)))) continue;
        const range = { start: { line: kpi.line, character: kpi.span.start }, end: { line: kpi.line, character: kpi.span.end } };
        report({
          range,
          message: kpi.target
            ? { en: `KPI "${kpi.text}" has target "${kpi.target}", which names no number: write the value to reach (e.g. >= 90%).`, "zh-CN": `KPI“${kpi.text}”的目标“${kpi.target}”没有数值：请写出要达到的值（如 >= 90%）。` }
            : { en: `KPI "${kpi.text}" has no target: add the value to reach and by when (a Target column, or target: >= 90% in the list item).`, "zh-CN": `KPI“${kpi.text}”没有目标：请写出要达到的值和期限（表格的“目标”列，或列表项中的 目标：>= 90%）。` },
        });
      }
    }
  },
};
