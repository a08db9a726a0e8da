import type { Rule } from "../rule";
import { scanProse } from "../prose";
import { findPlaceholders } from "../placeholders";

/** PM004: placeholder text left in the spec. */
export const placeholder: Rule = {
  id: "PM004",
  name: "placeholder",
  description: { en: "Placeholder text (TODO, TBD, [NEEDS CLARIFICATION], 待定 ...) is left in the spec.", "zh-CN": "文档中留有占位内容（TODO、TBD、待定等）。" },
  tags: ["content"],
  severity: { draft: "info", review: "warning", approved: "error", shipped: "error", deprecated: "info" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    for (const { line, section, value: m } of scanProse(ctx, "placeholder", findPlaceholders, true)) {
      report({
        range: { start: { line, character: m.index }, end: { line, character: m.index + m.text.length } },
        section,
        message: { en: `Placeholder "${m.text}" left in the spec: replace it with the decision or the number.`, "zh-CN": `文档中留有占位内容“${m.text}”：请替换为明确的结论或数字。` },
      });
    }
  },
};
