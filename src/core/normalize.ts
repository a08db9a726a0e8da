/**
 * Heading normalisation for alias matching: case-, width- and punctuation-insensitive, and
 * blind to numbering ("2.", "二、", "(a)") and a trailing parenthetical ("Metrics (KPIs)").
 */
import { BoundedMemo } from "./memo";

const NUMBERING = /^(?:\d+(?:\.\d+)*\.?|[一二三四五六七八九十]+[、.．]|\(?[a-z]\)|[ivx]+\.)\s*/i;
const TRAILING_PAREN = /\s*[(（][^()（）]*[)）]\s*$/;
const INLINE_MARKUP = /[*_`~]|<[^>]*>|\[([^\]]*)\]\([^)]*\)/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** normalizeHeading is pure and runs for every alias on every lint: memoised. */
const normalized = new BoundedMemo<string, string>(4096);

export function normalizeHeading(text: string): string {
  return normalized.get(text, () => computeNormalizedHeading(text));
}

function computeNormalizedHeading(text: string): string {
  // ASCII is its own NFKC form; skipping the ICU call matters for documents with thousands of headings.
  let s = (ASCII_ONLY.test(text) ? text : text.normalize("NFKC")).replace(INLINE_MARKUP, (_m, linkText: string | undefined) => linkText ?? "");
  s = s.replace(/\s+#+\s*$/, "").trim();
  s = s.replace(NUMBERING, "");
  const withoutParen = s.replace(TRAILING_PAREN, "");
  if (withoutParen.trim()) s = withoutParen;
  return s.toLowerCase().replace(NOT_WORD, "");
}

/** Display form of a heading's inline source: markup removed, closing #'s dropped. */
export function plainHeading(text: string): string {
  return text.replace(/\s+#+\s*$/, "").replace(INLINE_MARKUP, (_m, linkText: string | undefined) => linkText ?? "").trim();
}
