import type { Lang } from "./types";

/** A message in every language the product speaks. */
export interface Localized {
  en: string;
  "zh-CN": string;
}

export function localize(msg: Localized, lang: Lang): string {
  return msg[lang];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The language a document is written in: its front matter `lang` if set, else Chinese when
 * Chinese characters outweigh Latin words in its prose.
 */
export function detectLang(text: string, declared: unknown): Lang {
  if (typeof declared === "string") {
    const d = declared.toLowerCase();
    if (d.startsWith("zh")) return "zh-CN";
    if (d.startsWith("en")) return "en";
  }
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const cjk = sample.match(CJK)?.length ?? 0;
  const latin = sample.match(LATIN_WORD)?.length ?? 0;
  // A Chinese character carries about as much as a short English word.
  return cjk > latin * 1.5 ? "zh-CN" : "en";
}
