/**
 * Word lists as data: each term is a word or phrase; a `*` matches the rest of a word, a space
 * any run of blanks. Latin terms match whole words, case- and accent-insensitively (résumé is
 * resume); Chinese terms match as written.
 */
const LATIN = /[A-Za-z]/;
/** What a `*` stands for: the rest of a word. */
const WORD_TAIL = "[\\p{L}\\p{N}'’-]*";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One alternation of the terms, without flags: callers add them. */
export function termSource(terms: readonly string[]): string {
  const parts = [...new Set(terms)]
    .filter((t) => t.trim())
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const body = escape(t).replace(/\\\*/g, WORD_TAIL).replace(/\s+/g, "\\s+");
      if (!LATIN.test(t)) return body;
      return `(?<![\\p{L}\\p{N}])${body}${t.endsWith("*") ? "" : "(?![\\p{L}\\p{N}])"}`;
    });
  return parts.length ? `(?:${parts.join("|")})` : "(?!)";
}

export function termRegExp(terms: readonly string[], flags = "iu"): RegExp {
  return new RegExp(termSource(terms), flags);
}

const ACCENTED = /[\u00C0-\u024F]/g;
/** Latin letters without their accents, one code unit for one, so offsets hold. */
export function foldAccents(text: string): string {
  return text.replace(ACCENTED, (c) => c.normalize("NFD").charAt(0));
}
