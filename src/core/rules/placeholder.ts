import type { Rule } from "../rule";
import type { Section } from "../document";
import type { Range } from "../types";
import { firstNotBefore } from "../search";
import { scanProse } from "../prose";
import { findPlaceholders, PLACEHOLDER_CANDIDATES } from "../placeholders";

/**
 * PM004: placeholder text left in the spec. The placeholders of one section are one finding at
 * the first of them, the others as related places: a table of TBD cells is one thing to do.
 * A section that still holds its template's text word for word says so instead.
 */
export const placeholder: Rule = {
  id: "PM004",
  name: "placeholder",
  description: { en: "Placeholder text (TODO, TBD, [NEEDS CLARIFICATION], 待定 ...) is left in the spec.", "zh-CN": "文档中留有占位内容（TODO、TBD、待定等）。" },
  tags: ["content"],
  severity: { draft: "info", review: "warning", approved: "error", shipped: "error", deprecated: "info" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    const groups = new Map<number, Array<{ range: Range; text: string }>>();
    for (const { line, value: m } of scanProse(ctx, "placeholder", findPlaceholders, true, PLACEHOLDER_CANDIDATES)) {
      if (ctx.isDisabled("placeholder", line)) continue;
      const at = sectionStart(ctx.sections, line);
      const group = groups.get(at) ?? [];
      group.push({ range: { start: { line, character: m.index }, end: { line, character: m.index + m.text.length } }, text: m.text });
      groups.set(at, group);
    }
    const byLine = new Map(ctx.sections.map((s) => [s.heading.line, s]));
    for (const [at, places] of groups) {
      const first = places[0]!;
      const section = byLine.get(at);
      const title = section?.title ?? "";
      const related = places.slice(1).map((p) => ({ range: p.range, message: { en: `Placeholder "${p.text}"`, "zh-CN": `占位内容“${p.text}”` } }));
      const message =
        section && ctx.holdsTemplateText(section)
          ? { en: `"${title}" still holds the template's guidance: write the section.`, "zh-CN": `“${title}”仍是模板的提示文字：请写出本章节内容。` }
          : places.length === 1
            ? { en: `Placeholder "${first.text}" left in the spec: replace it with the decision or the number.`, "zh-CN": `文档中留有占位内容“${first.text}”：请替换为明确的结论或数字。` }
            : section
              ? { en: `${places.length} placeholders left in "${title}" (${places.map((p) => p.text).join(", ")}): replace them with the decisions or the numbers.`, "zh-CN": `“${title}”中留有 ${places.length} 处占位内容（${places.map((p) => p.text).join("、")}）：请替换为明确的结论或数字。` }
              : { en: `${places.length} placeholders left before the first heading (${places.map((p) => p.text).join(", ")}): replace them with the decisions or the numbers.`, "zh-CN": `第一个标题前留有 ${places.length} 处占位内容（${places.map((p) => p.text).join("、")}）：请替换为明确的结论或数字。` };
      report({ range: first.range, section: ctx.sectionIdAt(first.range.start.line), message, ...(related.length ? { related } : {}) });
    }
  },
};

/** Heading line of the innermost section holding `line`, or -1 before the first heading. */
function sectionStart(sections: readonly Section[], line: number): number {
  // Sections are in heading order: the last one starting at or before the line, then outwards.
  for (let k = firstNotBefore(sections.length, (i) => sections[i]!.heading.line <= line) - 1; k >= 0; k--) {
    if (line < sections[k]!.end) return sections[k]!.heading.line;
  }
  return -1;
}
