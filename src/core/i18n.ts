import type { Lang } from "./types";

/** A message in every language the product speaks. */
export interface Localized {
  en: string;
  "zh-CN": string;
}

export function localize(msg: Localized, lang: Lang): string {
  return msg[lang];
}

/** How much of a document's body is read to tell its language: characters of its lines. */
export const LANG_SAMPLE = 8192;

/** What tells Chinese from English in a line: its Chinese characters and its Latin words. */
export interface LangCounts {
  chars: number;
  cjk: number;
  latinWords: number;
}

/** Counts the first `limit` characters of a line (a line break ends a word). */
export function countLang(line: string, limit = line.length): LangCounts {
  const end = Math.min(line.length, limit);
  let cjk = 0;
  let latinWords = 0;
  let wordLength = 0;
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    const latin = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    // Words of two letters or more: a lone "a" or "T" says little about the language.
    wordLength = latin ? wordLength + 1 : 0;
    if (wordLength === 2) latinWords++;
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
  }
  return { chars: end, cjk, latinWords };
}

/** Chinese when Chinese characters outweigh Latin words: a Chinese character carries about as much as a short English word. */
export function langOf(counts: LangCounts): Lang {
  return counts.cjk > counts.latinWords * 1.5 ? "zh-CN" : "en";
}

/** The language front matter declares (`lang: zh-CN`, `lang: en-US` ...), if any. */
export function declaredLang(declared: unknown): Lang | null {
  if (typeof declared !== "string") return null;
  const d = declared.toLowerCase();
  if (d.startsWith("zh")) return "zh-CN";
  if (d.startsWith("en")) return "en";
  return null;
}
