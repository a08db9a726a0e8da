import type { RuleContext } from "./rule";

export interface ProseLine {
  line: number;
  /** The line with inline code and inline comments blanked out (same length, so columns hold). */
  text: string;
  /** Catalog id of the enclosing section, or null. */
  section: string | null;
}

const INLINE_CODE = /(`+)[^`]*?\1/g;
const INLINE_COMMENT = /<!--.*?-->/g;
const blank = (m: string) => " ".repeat(m.length);

/** Lines a reader sees as prose: not code, not comments. Front matter values included on request. */
export function* proseLines(ctx: RuleContext, withFrontMatter: boolean): Generator<ProseLine> {
  const { doc } = ctx;
  const fm = doc.frontMatter.lines;
  const from = withFrontMatter || !fm ? (fm ? 1 : 0) : fm[1];
  for (let l = from; l < doc.lines.length; l++) {
    if (fm && (l === fm[0] || l === fm[1] - 1)) continue;
    if (doc.isNonProse(l)) continue;
    const raw = doc.lines[l]!;
    if (!raw.trim()) continue;
    const section = ctx.sectionIdAt(l);
    const text = raw.includes("`") || raw.includes("<!--") ? raw.replace(INLINE_CODE, blank).replace(INLINE_COMMENT, blank) : raw;
    yield { line: l, text, section };
  }
}
