import type { ParsedDocument } from "./document";

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes, -1/-2 for repeats. */
const slugs = new Map<string, string>();

export function slugify(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-");
    if (slugs.size >= 4096) slugs.clear();
    slugs.set(text, slug);
  }
  return slug;
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
