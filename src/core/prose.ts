import type { RuleContext } from "./rule";

/** A hit of a prose scan: where it is, and the catalog id of the section around it. */
export interface ProseHit<T> {
  line: number;
  section: string | null;
  value: T;
}

const INLINE_CODE = /(`+)[^`]*?\1/g;
const INLINE_COMMENT = /<!--.*?-->/g;
const blank = (m: string) => " ".repeat(m.length);

/** The line as a reader sees it: inline code and inline comments blanked out (same length, so columns hold). */
export function proseText(raw: string): string {
  return raw.includes("`") || raw.includes("<!--") ? raw.replace(INLINE_CODE, blank).replace(INLINE_COMMENT, blank) : raw;
}

/**
 * Runs `scan` over every prose line (not code, not comments, not blank) and returns its hits
 * with document lines. Hits depend only on a chunk's text, so they are cached on the parsed
 * chunk under `key` (which must name `scan`): after a keystroke only the edited chunk is
 * scanned again. Front matter values are scanned too when asked. `mayHit`, when given, is
 * true of a chunk's text (its lines joined by \n) whenever `scan` finds anything in one of its
 * lines; a chunk it is false for is not scanned line by line.
 */
export function scanProse<T>(ctx: RuleContext, key: string, scan: (text: string) => readonly T[], withFrontMatter = false, mayHit?: (chunkText: string) => boolean): Array<ProseHit<T>> {
  const { doc } = ctx;
  const out: Array<ProseHit<T>> = [];
  const fm = doc.frontMatter.lines;
  if (withFrontMatter && fm) {
    for (let l = 1; l < fm[1] - 1; l++) for (const value of scan(proseText(doc.lines[l]!))) out.push({ line: l, section: null, value });
  }
  for (const { start, end, chunk } of doc.md.chunks) {
    let hits = chunk.memo.get(key) as Array<[number, T]> | undefined;
    if (!hits) {
      hits = [];
      if (mayHit && !mayHit(chunk.text)) {
        chunk.memo.set(key, hits);
        continue;
      }
      for (let l = start; l < end; l++) {
        const raw = doc.lines[l]!;
        if (doc.isNonProse(l) || !raw.trim()) continue;
        for (const value of scan(proseText(raw))) hits.push([l - start, value]);
      }
      chunk.memo.set(key, hits);
    }
    for (const [rel, value] of hits) out.push({ line: start + rel, section: ctx.sectionIdAt(start + rel), value });
  }
  return out;
}
