import type { RuleContext } from "./rule";
import { proseText } from "./prose";
import { sentenceEnds } from "./sentences";

/**
 * Prose as people write it: a list item, a paragraph or a table row is one passage even when
 * it wraps over several lines, and a passage is cut into sentences with Intl.Segmenter
 * (built in; no dependency). "Nearby" in the checks means the same sentence or passage.
 */
export interface Passage {
  /** The passage's lines joined by one space each (a line break is one character, so offsets map back). */
  text: string;
  /** Document line of the first line. */
  line: number;
  /** Offset in `text` where each line starts. */
  starts: number[];
}

export interface Sentence {
  text: string;
  /** Offset in the passage text. */
  index: number;
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s/;
const TABLE_ROW = /^\s*\|/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const BLOCK_START = /^\s{0,3}(?:>|```|~~~)/;

/** The passages of `lines[from, to)`; `skip(l)` says a line is not prose (code, comments). */
export function passagesOf(lines: readonly string[], from: number, to: number, skip: (line: number) => boolean): Passage[] {
  const out: Passage[] = [];
  let cur: Passage | null = null;
  for (let l = from; l < to; l++) {
    const raw = lines[l]!;
    if (skip(l) || !raw.trim() || HEADING.test(raw)) {
      cur = null;
      continue;
    }
    const text = proseText(raw);
    const starter = LIST_ITEM.test(raw) || TABLE_ROW.test(raw) || BLOCK_START.test(raw);
    if (!cur || starter || TABLE_ROW.test(lines[l - 1] ?? "")) {
      cur = { text, line: l, starts: [0] };
      out.push(cur);
    } else {
      cur.starts.push(cur.text.length + 1);
      cur.text += " " + text;
    }
  }
  return out;
}

let segmenter: Intl.Segmenter | null = null;

/** Sentences of a text; a CJK full stop, "!" or "?" ends one as well as a Latin full stop. */
/** A sentence end with more text after it: without one the text is one sentence and needs no segmenter. */
const INNER_END = /[.!?。！？；;][^.!?。！？；;]*\S/;

export function sentencesOf(text: string): Sentence[] {
  if (!INNER_END.test(text)) return text.trim() ? [{ text, index: 0 }] : [];
  const ends = sentenceEnds(text);
  if (ends) {
    const out: Sentence[] = [];
    let start = 0;
    for (const end of ends) {
      const sentence = text.slice(start, end);
      if (sentence.trim()) out.push({ text: sentence, index: start });
      start = end;
    }
    return out;
  }
  segmenter ??= new Intl.Segmenter("en", { granularity: "sentence" });
  const out: Sentence[] = [];
  for (const s of segmenter.segment(text)) if (s.segment.trim()) out.push({ text: s.segment, index: s.index });
  return out;
}

/** Document position of an offset in a passage. */
export function positionIn(p: Passage, offset: number): { line: number; character: number } {
  let i = p.starts.length - 1;
  while (i > 0 && p.starts[i]! > offset) i--;
  return { line: p.line + i, character: offset - p.starts[i]! };
}

export interface PassageHit<T> {
  passage: Passage;
  value: T;
}

/**
 * Runs `scan` over every passage of the document body and caches its hits on the parsed chunk
 * under `key` (which must name `scan`), as scanProse does for lines. `scan` is given the passage
 * with its line counted from the chunk's start: what it finds must not depend on where the chunk is.
 */
export function scanPassages<T>(ctx: RuleContext, key: string, scan: (p: Passage) => readonly T[]): Array<PassageHit<T>> {
  const { doc } = ctx;
  const out: Array<PassageHit<T>> = [];
  for (const { start, end, chunk } of doc.md.chunks) {
    let hits = chunk.memo.get(key) as Array<{ rel: Passage; value: T }> | undefined;
    if (!hits) {
      hits = [];
      // The chunk's passages are cut once for every scan, and kept with it as its hits are.
      let passages = chunk.memo.get("passages") as Passage[] | undefined;
      if (!passages) {
        passages = passagesOf(doc.lines, start, end, (l) => doc.isNonProse(l));
        for (const p of passages) p.line -= start;
        chunk.memo.set("passages", passages);
      }
      for (const p of passages) for (const value of scan(p)) hits.push({ rel: p, value });
      chunk.memo.set(key, hits);
    }
    for (const { rel, value } of hits) out.push({ passage: { ...rel, line: rel.line + start }, value });
  }
  return out;
}
