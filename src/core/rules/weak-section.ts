import type { Rule } from "../rule";
import { sectionProse } from "../document";
import { getCheck, type CheckInput, type CheckProblem, type ContentCheck } from "../checks";
import type { ParsedDocument, Section } from "../document";
import { hasPlaceholder } from "../placeholders";
import { chunkAt, rangeKey, type MdBlock } from "../markdown";

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
 * What a check reads. Prose is built only for the checks that read it (some sections are
 * thousands of lines). A class, not an object literal with a getter: such a literal gets a hidden
 * class of its own on every evaluation, which pins the whole lint in the old heap until a full GC.
 */
class SectionInput implements CheckInput {
  private proseMemo: string | null = null;

  constructor(
    readonly doc: ParsedDocument,
    readonly section: Section,
    readonly blocks: MdBlock[],
  ) {}

  get prose(): string {
    this.proseMemo ??= sectionProse(this.doc, this.section)
      .split("\n")
      .filter((l) => !hasPlaceholder(l))
      .join("\n");
    return this.proseMemo;
  }
}

/** A verdict on a section's text, with lines relative to the section body. */
interface Verdict {
  key: string;
  problems: CheckProblem[];
}

/**
 * A check's verdict depends only on the section's text (and whether the document is
 * generative), so while typing only the edited section is checked again. The last two verdicts
 * (typing and undoing) are kept on the parsed chunk holding the heading, keyed by the chunk ids
 * of the text: they live and die with that chunk, where a global table's mid-lived entries were
 * promoted and copied by the garbage collector on every scavenge.
 */
function cachedProblems(doc: ParsedDocument, section: Section, check: ContentCheck, run: () => CheckProblem[]): CheckProblem[] {
  // Headings lie in the body, which the chunks cover; without a chunk there is nothing to keep.
  const holder = chunkAt(doc.md, section.heading.line);
  if (!holder) return run();
  const base = section.heading.endLine;
  const key = rangeKey(doc.md, base, section.end);
  const slot = `verdict\0${check.name}\0${doc.frontMatter.data["generative"] === false ? 0 : 1}\0${section.heading.line - holder.start}`;
  const recent = holder.chunk.memo.get(slot) as Verdict[] | undefined;
  let hit = recent?.[0]?.key === key ? recent[0] : recent?.[1]?.key === key ? recent[1] : undefined;
  if (!hit) {
    hit = { key, problems: run().map((p) => (p.line === undefined ? p : { ...p, line: p.line - base })) };
    holder.chunk.memo.set(slot, recent?.[0] ? [hit, recent[0]] : [hit]);
  }
  return hit.problems.map((p) => (p.line === undefined ? p : { ...p, line: p.line + base }));
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
      if (ctx.holdsTemplateText(section)) continue; // placeholder reports it, once
      const problems = cachedProblems(ctx.doc, section, check, () => check.run(new SectionInput(ctx.doc, section, withoutPlaceholders(blocks))));
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
