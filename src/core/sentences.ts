/**
 * Sentence boundaries by the rules of Unicode UAX #29 (the rules Intl.Segmenter applies), for
 * text made only of characters whose Sentence_Break class is listed below: ASCII, CJK
 * ideographs and the punctuation Chinese and English prose uses. That is nearly every passage of
 * a spec, and this costs a fraction of a segmenter call (tens of microseconds each, the largest
 * part of reading a long spec's sentences). Any other character returns null, and the caller
 * asks Intl.Segmenter. test/core/sentences.test.ts holds both to the same answers.
 */

const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const NUMERIC = 3;
const ATERM = 4; // "." : a full stop or an abbreviation's dot
const STERM = 5; // "!" "?" "。": always a sentence end
const CLOSE = 6; // quotes and brackets
const SP = 7;
const SCONTINUE = 8; // ", - : ;": a sentence goes on after them
const OLETTER = 9; // letters without case: CJK ideographs
const UNLISTED = 255;

const ASCII = new Uint8Array(128).fill(UNLISTED);
ASCII.fill(OTHER, 0x20, 0x7f);
const assign = (chars: string, cls: number, table: Uint8Array | Map<number, number>) => {
  for (const c of chars) {
    if (table instanceof Map) table.set(c.charCodeAt(0), cls);
    else table[c.charCodeAt(0)] = cls;
  }
};
assign("\t ", SP, ASCII);
assign("ABCDEFGHIJKLMNOPQRSTUVWXYZ", UPPER, ASCII);
assign("abcdefghijklmnopqrstuvwxyz", LOWER, ASCII);
assign("0123456789", NUMERIC, ASCII);
assign(".", ATERM, ASCII);
assign("!?", STERM, ASCII);
assign("\"'()[]{}", CLOSE, ASCII);
assign(",-:;", SCONTINUE, ASCII);

/** Beyond ASCII: the punctuation of Chinese and English prose. */
const WIDE = new Map<number, number>();
assign("。！？", STERM, WIDE);
assign("，、：；—–", SCONTINUE, WIDE);
assign("“”‘’（）《》【】「」", CLOSE, WIDE);
assign("→…·×¥", OTHER, WIDE);

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII[c]!;
  if (c >= 0x4e00 && c <= 0x9fff) return OLETTER;
  return WIDE.get(c) ?? UNLISTED;
}

/** SB8 looks past digits, punctuation and spaces for the first letter or terminator. */
const endsLowerLookahead = (c: number) => c === LOWER || c === UPPER || c === OLETTER || c === ATERM || c === STERM;

/**
 * Where each sentence of `text` ends (the last at its length), or null when a character is not in the
 * repertoire above. Only a terminator (SATerm), its closing quotes and its spaces can end a
 * sentence (SB9-SB11); the break after them is cancelled by a digit ("3.5", SB6), a capital
 * right after an initial ("U.S.", SB7), a lower-case word after a full stop ("e.g. this",
 * SB8) or more punctuation (SB8a).
 */
export function sentenceEnds(text: string): number[] | null {
  const n = text.length;
  for (let i = 0; i < n; i++) if (classAt(text, i) === UNLISTED) return null;
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const term = classAt(text, i);
    if (term !== ATERM && term !== STERM) continue;
    let j = i + 1;
    while (j < n && classAt(text, j) === CLOSE) j++;
    while (j < n && classAt(text, j) === SP) j++;
    if (j >= n) break;
    const next = classAt(text, j);
    if (next === ATERM || next === STERM || next === SCONTINUE) continue; // SB8a
    if (term === ATERM) {
      if (j === i + 1 && next === NUMERIC) continue; // SB6
      if (j === i + 1 && next === UPPER && i > 0 && (classAt(text, i - 1) === UPPER || classAt(text, i - 1) === LOWER)) continue; // SB7
      let k = j;
      while (k < n && !endsLowerLookahead(classAt(text, k))) k++;
      if (k < n && classAt(text, k) === LOWER) continue; // SB8
    }
    ends.push(j);
    i = j - 1;
  }
  ends.push(n);
  return ends;
}
