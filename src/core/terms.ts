/**
 * Word lists as data: each term is a word or phrase; a `*` matches the rest of a word, a space
 * any run of blanks. Latin terms match whole words, case- and accent-insensitively (résumé is
 * resume); Chinese terms match as written.
 */
const LATIN = /[A-Za-z]/;
/** What a `*` stands for: the rest of a word. */
const WORD_TAIL = "[\\w'’-]*";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One alternation of the terms, without flags: callers add them ("i", not "u": ASCII word
 * boundaries after accents are folded, and a non-Unicode pattern runs several times faster).
 * Latin terms share one boundary check, so a position that starts no word is rejected at once.
 */
export function termSource(terms: readonly string[]): string {
  const whole: string[] = [];
  const prefix: string[] = [];
  const other: string[] = [];
  for (const t of [...new Set(terms)].filter((x) => x.trim()).sort((a, b) => b.length - a.length)) {
    const body = escape(t.endsWith("*") ? t.slice(0, -1) : t).replace(/\\\*/g, WORD_TAIL).replace(/\s+/g, "\\s+");
    if (!LATIN.test(t)) other.push(body);
    else (t.endsWith("*") ? prefix : whole).push(body);
  }
  const parts: string[] = [];
  if (whole.length) parts.push(`\\b(?:${whole.join("|")})\\b`);
  if (prefix.length) parts.push(`\\b(?:${prefix.join("|")})${WORD_TAIL}`);
  if (other.length) {
    // A class test of the first character lets the engine reject a position at once, where a
    // long alternation of Chinese terms would try each in turn (on two-byte text, several times slower).
    const firsts = [...new Set(other.map((o) => o[0]!))];
    parts.push(firsts.every((c) => /[^\s\\\]^\-[(){}.*+?|$]/.test(c)) ? `(?=[${firsts.join("")}])(?:${other.join("|")})` : other.join("|"));
  }
  return parts.length ? `(?:${parts.join("|")})` : "(?!)";
}

export function termRegExp(terms: readonly string[], flags = "i"): RegExp {
  return new RegExp(termSource(terms), flags);
}

const ACCENTED = /[\u00C0-\u024F]/g;
const HAS_ACCENTED = /[\u00C0-\u024F]/;
/** Latin letters without their accents, one code unit for one, so offsets hold. */
export function foldAccents(text: string): string {
  // Most text has none: a plain scan is cheaper than a replace that calls back for nothing.
  return HAS_ACCENTED.test(text) ? text.replace(ACCENTED, (c) => c.normalize("NFD").charAt(0)) : text;
}
