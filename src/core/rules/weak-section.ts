import type { Rule } from "../rule";
import { sectionProse } from "../document";
import { getCheck, type CheckProblem, type ContentCheck } from "../checks";
import type { ParsedDocument, Section } from "../document";
import { hasPlaceholder } from "../placeholders";
import { rangeKey, type MdBlock } from "../markdown";
import { BoundedMemo } from "../memo";

/** Content still holding a placeholder ("TBD (e.g. < 85%)") is unwritten: it must not satisfy a check. */
function withoutPlaceholders(blocks: MdBlock[]): MdBlock[] {
  const out: MdBlock[] = [];
  for (const b of blocks) {
    if (!hasPlaceholder(b.text)) out.push(b);
    else if (b.kind === "table-row" && b.cells) {
      const cells = b.cells.map((c) => (hasPlaceholder(c) ? "" : c));
      out.push({ ...b, cells, text: cells.join(" | ") });
    }
  }
  return out;
}

/**
 * A check's verdict depends only on the section's text (and whether the document is
 * generative), so it is kept by that text: while typing, only the edited section is checked
 * again. Lines are stored relative to the section body.
 */
const verdicts = new BoundedMemo<string, CheckProblem[]>(1024);

function cachedProblems(doc: ParsedDocument, section: Section, check: ContentCheck, run: () => CheckProblem[]): CheckProblem[] {
  const base = section.heading.endLine;
  const key = `${check.name}\0${doc.frontMatter.data["generative"] === false ? 0 : 1}\0${rangeKey(doc.md, base, section.end)}`;
  const relative = verdicts.get(key, () => run().map((p) => (p.line === undefined ? p : { ...p, line: p.line - base })));
  return relative.map((p) => (p.line === undefined ? p : { ...p, line: p.line + base }));
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
      const blocks = ctx.contentOf(section);
      if (blocks.length === 0) continue; // empty-section reports it
      const problems = cachedProblems(ctx.doc, section, check, () => {
        let prose: string | null = null;
        return check.run({
          doc: ctx.doc,
          section,
          blocks: withoutPlaceholders(blocks),
          // Built only for the checks that read prose; some sections are thousands of lines.
          get prose() {
            prose ??= sectionProse(ctx.doc, section)
              .split("\n")
              .filter((l) => !hasPlaceholder(l))
              .join("\n");
            return prose;
          },
        });
      });
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
