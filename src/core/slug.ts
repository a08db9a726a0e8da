import type { ParsedDocument } from "./document";
import { BoundedMemo } from "./memo";

const slugs = new BoundedMemo<string, string>(4096);

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes (-1/-2 for repeats in headingSlugs). */
export function slugify(text: string): string {
  return slugs.get(text, () =>
    text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-"),
  );
}

export function headingSlugs(doc: ParsedDocument): Set<string> {
  const out = new Set<string>();
  const counts = new Map<string, number>();
  for (const s of doc.sections) {
    const base = slugify(s.title);
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}
