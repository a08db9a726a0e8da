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
const LANG_SAMPLE = 8192;

/** Counts what tells Chinese from English, over pieces of text read in order. */
class LangCounter {
  cjk = 0;
  latinWords = 0;
  read = 0;
  private wordLength = 0;

  get full(): boolean {
    return this.read >= LANG_SAMPLE;
  }

  feed(text: string): void {
    const end = Math.min(text.length, LANG_SAMPLE - this.read);
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      const latin = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      // Words of two letters or more: a lone "a" or "T" says little about the language.
      this.wordLength = latin ? this.wordLength + 1 : 0;
      if (this.wordLength === 2) this.latinWords++;
      if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) this.cjk++;
    }
    this.read += end;
  }
}

function declaredLang(declared: unknown): Lang | null {
  if (typeof declared !== "string") return null;
  const d = declared.toLowerCase();
  if (d.startsWith("zh")) return "zh-CN";
  if (d.startsWith("en")) return "en";
  return null;
}

// A Chinese character carries about as much as a short English word.
const verdict = (c: LangCounter): Lang => (c.cjk > c.latinWords * 1.5 ? "zh-CN" : "en");

/**
 * The language a document is written in: its front matter `lang` if set, else Chinese when
 * Chinese characters outweigh Latin words in the first few kilobytes of lines `from..` (read in
 * place, with their endings, rather than joined).
 */
export function detectLang(lines: readonly string[], endings: readonly string[], from: number, declared: unknown): Lang {
  const d = declaredLang(declared);
  if (d) return d;
  const counter = new LangCounter();
  for (let l = from; l < lines.length && !counter.full; l++) {
    counter.feed(lines[l]!);
    counter.feed(endings[l]!);
  }
  return verdict(counter);
}
