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

/** Prose of the whole document, computed once per lint and shared by the rules that scan text. */
export function documentProse(ctx: Pick<RuleContext, "doc" | "sectionIdAt">): ProseLine[] {
  const { doc } = ctx;
  const fm = doc.frontMatter.lines;
  const out: ProseLine[] = [];
  for (let l = fm ? 1 : 0; l < doc.lines.length; l++) {
    if (fm && (l === fm[0] || l === fm[1] - 1)) continue;
    if (doc.isNonProse(l)) continue;
    const raw = doc.lines[l]!;
    if (!raw.trim()) continue;
    const text = raw.includes("`") || raw.includes("<!--") ? raw.replace(INLINE_CODE, blank).replace(INLINE_COMMENT, blank) : raw;
    out.push({ line: l, text, section: ctx.sectionIdAt(l) });
  }
  return out;
}

/** Lines a reader sees as prose: not code, not comments. Front matter values included on request. */
export function proseLines(ctx: RuleContext, withFrontMatter: boolean): ProseLine[] {
  const all = ctx.prose();
  const bodyStart = ctx.doc.frontMatter.lines?.[1] ?? 0;
  return withFrontMatter || bodyStart === 0 ? all : all.filter((p) => p.line >= bodyStart);
}
