import type { Rule } from "../rule";
import { contentBlocks, sectionProse } from "../document";
import { getCheck } from "../checks";
import { hasPlaceholder } from "../placeholders";
import type { MdBlock } from "../markdown";

/** Content still holding a placeholder ("TBD (e.g. < 85%)") is unwritten: it must not satisfy a check. */
function withoutPlaceholders(blocks: MdBlock[]): MdBlock[] {
  const out: MdBlock[] = [];
  for (const b of blocks) {
    if (b.kind === "table-row" && b.cells) {
      const cells = b.cells.map((c) => (hasPlaceholder(c) ? "" : c));
      out.push({ ...b, cells, text: cells.join(" | ") });
    } else if (!hasPlaceholder(b.text)) out.push(b);
  }
  return out;
}

/** PM003: a section fails its template's content check; the message says what is missing. */
export const weakSection: Rule = {
  id: "PM003",
  name: "weak-section",
  description: { en: "A section does not contain what its template requires (a threshold, a trigger, a target ...).", "zh-CN": "章节内容未达到模板要求（阈值、触发条件、目标值等）。" },
  tags: ["sections", "content"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "info" },
  fixable: false,
  needsTemplate: true,
  check(ctx, report) {
    for (const section of ctx.sections) {
      const spec = section.id ? ctx.spec(section.id) : undefined;
      const check = spec?.check ? getCheck(spec.check) : undefined;
      if (!spec || !check) continue;
      const blocks = contentBlocks(ctx.doc, section);
      if (blocks.length === 0) continue; // empty-section reports it
      const prose = sectionProse(ctx.doc, section)
        .split("\n")
        .filter((l) => !hasPlaceholder(l))
        .join("\n");
      const problems = check.run({ doc: ctx.doc, section, blocks: withoutPlaceholders(blocks), prose });
      if (problems.length === 0) continue;
      report({
        range: ctx.doc.index.trimmedLineRange(section.heading.line),
        section: spec.id,
        message: {
          en: `"${section.title}" is incomplete: ${problems.map((p) => p.message.en + (p.line !== undefined ? ` (line ${p.line + 1})` : "")).join("; ")}.`,
          "zh-CN": `“${section.title}”不完整：${problems.map((p) => p.message["zh-CN"] + (p.line !== undefined ? `（第 ${p.line + 1} 行）` : "")).join("；")}。`,
        },
      });
    }
  },
};
