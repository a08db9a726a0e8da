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
 * scanned again. Front matter values are scanned too when asked. `candidates`, when given, is a
 * global pattern that matches a chunk's text (its lines joined by \n) wherever `scan` could find
 * something in a line: only the lines its matches touch are scanned.
 */
export function scanProse<T>(ctx: RuleContext, key: string, scan: (text: string) => readonly T[], withFrontMatter = false, candidates?: RegExp): Array<ProseHit<T>> {
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
      const scanLine = (l: number) => {
        const raw = doc.lines[l]!;
        if (doc.isNonProse(l) || !raw.trim()) return;
        for (const value of scan(proseText(raw))) hits!.push([l - start, value]);
      };
      if (candidates) for (const l of linesMatched(doc.lines, start, end, chunk.text, candidates)) scanLine(l);
      else for (let l = start; l < end; l++) scanLine(l);
      chunk.memo.set(key, hits);
    }
    for (const [rel, value] of hits) out.push({ line: start + rel, section: ctx.sectionIdAt(start + rel), value });
  }
  return out;
}

/**
 * The lines of `lines[start, end)` that a match of `pattern` in their text (joined by \n) starts
 * in or runs through, in order. Every line is listed whose own text holds a match: the scan
 * either matches there or runs through it from a match further up.
 */
function linesMatched(lines: readonly string[], start: number, end: number, text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  let l = start;
  let lineStart = 0; // offset of line l in text
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const from = m.index;
    const to = Math.max(from, from + m[0].length - 1);
    if (m[0].length === 0) pattern.lastIndex++;
    while (l < end && lineStart + lines[l]!.length < from) lineStart += lines[l++]!.length + 1;
    if (out.length === 0 || out[out.length - 1]! < l) out.push(l);
    for (let k = l, ks = lineStart; k < end && ks + lines[k]!.length < to; ) {
      ks += lines[k++]!.length + 1;
      if (k < end) out.push(k);
    }
  }
  return out;
}
