import { LineIndex } from "./text";
import { parseFrontMatter, type FrontMatter } from "./frontMatter";
import { parseMarkdown, type ChunkCache, type MdBlock, type MdHeading, type ParsedMarkdown } from "./markdown";
import { detectLang } from "./i18n";
import type { Lang } from "./types";

/** A heading and the lines it owns: up to the next heading of the same or a higher level. */
export interface Section {
  heading: MdHeading;
  /** Heading text without markup. */
  title: string;
  level: number;
  /** Exclusive end line. */
  end: number;
  /** Catalog id, set when the document is matched against its template's aliases. */
  id: string | null;
}

/** A Markdown file read into front matter, headings, blocks and links: no template knowledge. */
export interface ParsedDocument {
  /** Workspace-relative or absolute path, used in messages and to resolve links. */
  path: string;
  /** The lines, and the text on demand (`index.text`). */
  index: LineIndex;
  lines: readonly string[];
  frontMatter: FrontMatter;
  md: ParsedMarkdown;
  sections: Section[];
  lang: Lang;
  /** True for lines inside code blocks or HTML comments. */
  isNonProse(line: number): boolean;
}

/**
 * `source` is the text, or the lines an editor's edit produced (`LineIndex.edit`); pass the
 * document's cache with the latter so unchanged chunks are found by position.
 */
export function parseDocument(path: string, source: string | LineIndex, cache?: ChunkCache): ParsedDocument {
  const index = typeof source === "string" ? new LineIndex(source) : source;
  const lines = index.lines;
  const frontMatter = parseFrontMatter(lines);
  const md = parseMarkdown(lines, frontMatter.bodyStart, cache, index);
  const nonProse = new Uint8Array(lines.length);
  for (const [s, e] of md.nonProse) nonProse.fill(1, s, Math.min(e, lines.length));
  const sections: Section[] = md.headings.map((heading, i) => {
    let end = lines.length;
    for (let j = i + 1; j < md.headings.length; j++) {
      if (md.headings[j]!.level <= heading.level) {
        end = md.headings[j]!.line;
        break;
      }
    }
    return { heading, title: heading.title, level: heading.level, end, id: null };
  });
  return {
    path,
    index,
    lines,
    frontMatter,
    md,
    sections,
    // Front matter keys are English in every document: only the body says what language it is in.
    lang: detectLang(lines, index.endings, frontMatter.bodyStart, frontMatter.data["lang"]),
    isNonProse: (line) => nonProse[line] === 1,
  };
}

/** Blocks inside a section's body (after its heading), including its subsections. */
export function sectionBlocks(doc: ParsedDocument, section: Section): MdBlock[] {
  const blocks = doc.md.blocks; // in line order
  const from = section.heading.endLine;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.line < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < blocks.length && blocks[end]!.line < section.end) end++;
  return blocks.slice(lo, end);
}

/** Content blocks: everything but HTML comments (template guidance) and blank lines. */
export function contentBlocks(doc: ParsedDocument, section: Section): MdBlock[] {
  return sectionBlocks(doc, section).filter((b) => !(b.kind === "html" && /^\s*<!--[\s\S]*-->\s*$/.test(b.text)));
}

/** Prose text of a section body: its lines minus code and comments. */
export function sectionProse(doc: ParsedDocument, section: Section): string {
  const out: string[] = [];
  for (let l = section.heading.endLine; l < section.end; l++) if (!doc.isNonProse(l)) out.push(doc.lines[l] ?? "");
  return out.join("\n");
}
