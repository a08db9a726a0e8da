import { LineIndex } from "./text";
import { firstNotBefore } from "./search";
import { parseFrontMatter, type FrontMatter } from "./frontMatter";
import { parseMarkdown, type ChunkCache, type ParsedChunk, type MdBlock, type MdHeading, type ParsedMarkdown } from "./markdown";
import { countLang, declaredLang, langOf, LANG_SAMPLE, type LangCounts } from "./i18n";
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
  // Built on first use: a keystroke whose chunks are all cached never asks.
  let nonProse: Uint8Array | null = null;
  const isNonProse = (line: number): boolean => {
    if (!nonProse) {
      nonProse = new Uint8Array(lines.length);
      for (const [s, e] of md.nonProse) nonProse.fill(1, s, Math.min(e, lines.length));
    }
    return nonProse[line] === 1;
  };
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
    lang: declaredLang(frontMatter.data["lang"]) ?? bodyLang(lines, md),
    isNonProse,
  };
}

/** Language counts of a chunk's lines (chars, Chinese characters, Latin words per line) and their sum, kept on the chunk. */
function chunkLangCounts(chunk: ParsedChunk, lines: readonly string[], start: number, end: number): { perLine: Uint32Array; total: LangCounts } {
  let counts = chunk.memo.get("lang") as { perLine: Uint32Array; total: LangCounts } | undefined;
  if (!counts) {
    const perLine = new Uint32Array(3 * (end - start));
    const total: LangCounts = { chars: 0, cjk: 0, latinWords: 0 };
    for (let l = start; l < end; l++) {
      const c = countLang(lines[l]!);
      const k = 3 * (l - start);
      perLine[k] = c.chars;
      perLine[k + 1] = c.cjk;
      perLine[k + 2] = c.latinWords;
      total.chars += c.chars;
      total.cjk += c.cjk;
      total.latinWords += c.latinWords;
    }
    chunk.memo.set("lang", (counts = { perLine, total }));
  }
  return counts;
}

/**
 * The body's language from its first few kilobytes of text. Counts are kept per chunk, so a
 * keystroke recounts only the edited chunk, and chunks past the sample are never read.
 */
function bodyLang(lines: readonly string[], md: ParsedMarkdown): Lang {
  const sum: LangCounts = { chars: 0, cjk: 0, latinWords: 0 };
  const add = (chars: number, cjk: number, latinWords: number) => {
    sum.chars += chars;
    sum.cjk += cjk;
    sum.latinWords += latinWords;
  };
  for (const { start, end, chunk } of md.chunks) {
    const { perLine, total } = chunkLangCounts(chunk, lines, start, end);
    if (sum.chars + total.chars <= LANG_SAMPLE) {
      add(total.chars, total.cjk, total.latinWords);
      continue;
    }
    for (let l = start; l < end && sum.chars < LANG_SAMPLE; l++) {
      const k = 3 * (l - start);
      if (sum.chars + perLine[k]! <= LANG_SAMPLE) add(perLine[k]!, perLine[k + 1]!, perLine[k + 2]!);
      else {
        const part = countLang(lines[l]!, LANG_SAMPLE - sum.chars);
        add(part.chars, part.cjk, part.latinWords);
      }
    }
    break;
  }
  return langOf(sum);
}

/** Blocks inside a section's body (after its heading), including its subsections. */
export function sectionBlocks(doc: ParsedDocument, section: Section): MdBlock[] {
  const blocks = doc.md.blocks; // in line order
  const from = section.heading.endLine;
  const lo = firstNotBefore(blocks.length, (i) => blocks[i]!.line < from);
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
