/** A file name derived from a title: letters and digits of any script, dashes, no path. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_LENGTH = 80;

export function safeFileName(title: string): string {
  let base = title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  base = [...base].slice(0, MAX_LENGTH).join("").replace(/-+$/, "");
  if (!base) base = "untitled";
  if (RESERVED.test(base)) base = `${base}-doc`;
  return `${base}.md`;
}

/** The n-th name tried for a new file (1: the name itself, then `name-2.md`, `name-3.md` ...). */
export function numberedFileName(name: string, n: number): string {
  return n === 1 ? name : name.replace(/\.md$/, `-${n}.md`);
}
