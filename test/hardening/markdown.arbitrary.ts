/** fast-check generators of hostile Markdown: realistic spec pieces mixed with debris. */
import fc from "fast-check";

const HEADINGS = ["Failure criteria", "失败标准", "Success metrics", "成功指标", "Fallback and degradation path", "降级路径", "Human review gate", "人工复核", "Problem", "Open questions", "Requirements", "Cost and latency budget", "Evaluation plan"];

const line = fc.oneof(
  fc.constantFrom(...HEADINGS).chain((h) => fc.integer({ min: 1, max: 6 }).map((n) => `${"#".repeat(n)} ${h}`)),
  fc.constantFrom(...HEADINGS).map((h) => `${h}\n===`),
  fc.constantFrom("```", "~~~", "````md", "---", "***", "===", "<!--", "-->", "<div>", "</div>", "<pre>", "    indented code", "| a | b |", "|---|---|", "| 1 | 2 |", ""),
  fc.constantFrom("TBD", "TODO: later", "待定", "[NEEDS CLARIFICATION: x]", "we believe it works", "持续优化", "automated loan approval", "信贷审批"),
  fc.constantFrom("1. If latency > 2 s, switch model.", "2. hand over to a human", "- **FR-001** thing", "- [ ] item @me due 2026-01-01", "[link](missing.md#x)", "[a](#failure-criteria)", "[r]: ./nope.md"),
  fc.integer({ min: 1, max: 40 }).map((n) => "> ".repeat(n) + "quote"),
  fc.integer({ min: 1, max: 40 }).map((n) => "  ".repeat(n) + "- nested"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("\u0000", "\uFEFF", "\uD800", "\uDC00x", "\u2028", "\r", "�"),
);

const EOLS = ["\n", "\r\n", "\r"];

const frontMatter = fc.oneof(
  fc.constant(""),
  fc.constantFrom("draft", "review", "approved", "shipped", "wip").chain((status) =>
    fc.constantFrom("ai-feature-prd", "agent-prd", "one-pager", "experiment-brief", "roadmap", "nope").map((t) => `---\ntitle: T\nowner: o\nstatus: ${status}\nupdated: 2026-01-01\ntemplate: ${t}\n---\n`),
  ),
  fc.constant("---\ntemplate: ai-feature-prd\n"),
  fc.constant("---\ntemplate: [ai-feature-prd\n---\n"),
  fc.constant("---\n- a\n- b\n---\n"),
);

/** A document: optional front matter, then lines joined by a random mix of line endings. */
export const markdownDoc = fc
  .tuple(frontMatter, fc.array(line, { maxLength: 80 }), fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 80 }))
  .map(([fm, lines, eols]) => fm + lines.map((l, i) => l + eols[i % eols.length]).join(""));

/** The same document with a single line ending everywhere (for LF/CRLF comparisons). */
export const lfDoc = fc.tuple(frontMatter, fc.array(line.filter((l) => !/[\r\u2028]/.test(l)), { maxLength: 80 })).map(([fm, lines]) => fm + lines.join("\n") + "\n");

export function runs(defaultRuns: number): number {
  const n = Number(process.env["PMW_FUZZ_RUNS"]);
  return Number.isFinite(n) && n > 0 ? n : defaultRuns;
}
