import type { Lang } from "./types";

/** A message in every language the product speaks. */
export interface Localized {
  en: string;
  "zh-CN": string;
}

export function localize(msg: Localized, lang: Lang): string {
  return msg[lang];
}

/** How much of a document's body is read to tell its language. */
export const LANG_SAMPLE = 8192;

/**
 * The language a document is written in: its front matter `lang` if set, else Chinese when
 * Chinese characters outweigh Latin words in the first few kilobytes.
 */
export function detectLang(text: string, declared: unknown): Lang {
  if (typeof declared === "string") {
    const d = declared.toLowerCase();
    if (d.startsWith("zh")) return "zh-CN";
    if (d.startsWith("en")) return "en";
  }
  let cjk = 0;
  let latinWords = 0;
  let wordLength = 0;
  const end = Math.min(text.length, LANG_SAMPLE);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const latin = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    // Words of two letters or more: a lone "a" or "T" says little about the language.
    wordLength = latin ? wordLength + 1 : 0;
    if (wordLength === 2) latinWords++;
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
  }
  // A Chinese character carries about as much as a short English word.
  return cjk > latinWords * 1.5 ? "zh-CN" : "en";
}
