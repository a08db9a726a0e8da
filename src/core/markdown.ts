/**
 * Markdown block structure via markdown-it, parsed in chunks.
 *
 * A document is cut into chunks at ATX headings in column 0. Such a heading closes every open
 * block except a fence or an HTML block, so each chunk parses the same alone as inside the
 * whole document; a chunk whose fence or HTML block reaches its end is merged with the next.
 * Chunks are cached by text, so after an edit only the edited chunk is parsed again.
 * Inline content (heading text, table cells, list item text) is kept as raw source.
 */
import MarkdownIt from "markdown-it";
import type { LineIndex } from "./text";
import { plainHeading } from "./normalize";
import { firstNotBefore } from "./search";
type Token = MarkdownIt.Token;

// Only block structure is needed. The inline parser is off: it costs most of the parse time and
// is quadratic on inputs such as a megabyte of "[" (14 s); links are found by links.ts instead.
const md = new MarkdownIt({ html: true, linkify: false });
md.core.ruler.disable(["inline", "text_join"]);
// chunkText gives \n line endings already, so normalising them would scan each chunk for nothing; NUL is replaced before parsing instead.
md.core.ruler.disable("normalize");
const NUL = /\0/g;

export interface MdHeading {
  line: number;
  /** Exclusive end line (a setext heading spans two or more lines). */
  endLine: number;
  level: number;
  /** Raw inline source of the heading text. */
  text: string;
  /** The heading text without markup, as shown. */
  title: string;
  setext: boolean;
}

export type BlockKind = "paragraph" | "list-item" | "table-row" | "code" | "html";

export interface MdBlock {
  kind: BlockKind;
  line: number;
  endLine: number;
  /** Raw inline source (paragraphs, list items, table cells joined by " | "), or code content. */
  text: string;
  /** List items: whether the list is ordered; table rows: whether this is the header row. */
  ordered?: boolean;
  header?: boolean;
  cells?: string[];
  /** Nesting depth of list items (0 = top-level list). */
  depth: number;
}

export interface ParsedChunk {
  /**
   * The chunk's structure at the document lines it was last placed at. One copy: moved to other
   * lines (text inserted above it), it is copied there; otherwise never.
   */
  placed: PlacedChunk;
  lineCount: number;
  /** The chunk's lines joined by \n, as parsed: a scan can rule out a whole chunk with one test. */
  text: string;
  /** True when a fence or HTML block runs to the end of the chunk, so the chunk may continue past it. */
  openAtEnd: boolean;
  /** Results derived from this chunk's text alone (prose scans), kept as long as the chunk is cached. */
  memo: Map<string, unknown>;
  /** Unique per parsed chunk: equal ids mean equal text, so a run of ids can key larger results. */
  id: number;
}

let nextChunkId = 1;

/**
 * Parsed chunks of one open document. After an edit, a chunk is found first by position: the
 * previous parse's chunk at the same start (before the edit) or shifted by the change in line
 * count (after it), when its lines are the same strings; only the edited chunk is looked up by
 * its text (an undo, a moved block) or parsed. It keeps the chunks the last two parses used:
 * unlike a fixed-size LRU it never thrashes on a document with many chunks. One map with a use
 * stamp per chunk, so a keystroke allocates nothing for the chunks it did not touch.
 * Call `nextGeneration()` before each parse.
 */
export class ChunkCache {
  private readonly map = new Map<string, ParsedChunk>();
  private readonly stamps = new WeakMap<ParsedChunk, number>();
  private generation = 0;
  private usedLast = 0;
  private usedNow = 0;
  private prevLines: readonly string[] = [];
  private prevChunks: ParsedMarkdown["chunks"] = [];

  get(key: string): ParsedChunk | undefined {
    const hit = this.map.get(key);
    if (hit) this.touch(hit);
    return hit;
  }

  set(key: string, value: ParsedChunk): void {
    this.map.set(key, value);
    this.touch(value);
  }

  /** The previous parse's chunk for exactly `lines[start, end)`, if its lines are unchanged. */
  unchanged(lines: readonly string[], start: number, end: number): ParsedChunk | undefined {
    // The same array again may have been changed in place: only its text can tell.
    if (lines === this.prevLines) return undefined;
    const shift = lines.length - this.prevLines.length;
    const hit = this.sameAt(lines, start, end, start) ?? (shift !== 0 ? this.sameAt(lines, start, end, start - shift) : undefined);
    if (hit) this.touch(hit);
    return hit;
  }

  private sameAt(lines: readonly string[], start: number, end: number, oldStart: number): ParsedChunk | undefined {
    const chunks = this.prevChunks;
    const c = chunks[firstNotBefore(chunks.length, (i) => chunks[i]!.start < oldStart)];
    if (!c || c.start !== oldStart || c.end - c.start !== end - start) return undefined;
    // Lines an edit did not touch are the same string objects, so this is a pointer comparison.
    for (let i = 0; i < end - start; i++) if (this.prevLines[oldStart + i] !== lines[start + i]) return undefined;
    return c.chunk;
  }

  /** Keeps the layout of the parse just done, to find its chunks by position next time. */
  remember(lines: readonly string[], chunks: ParsedMarkdown["chunks"]): void {
    this.prevLines = lines;
    this.prevChunks = chunks;
  }

  private touch(chunk: ParsedChunk): void {
    if (this.stamps.get(chunk) !== this.generation) this.usedNow++;
    this.stamps.set(chunk, this.generation);
  }

  /**
   * Starts a parse and drops the chunks the last two parses did not use, as soon as there are
   * any: kept longer, they would outlive a scavenge and be promoted to the old heap only to die
   * there, and every scavenge would copy them.
   */
  nextGeneration(): void {
    this.generation++;
    this.usedLast = this.usedNow;
    this.usedNow = 0;
    if (this.map.size <= this.usedLast) return;
    for (const [key, chunk] of this.map) if ((this.stamps.get(chunk) ?? -1) < this.generation - 2) this.map.delete(key);
  }
}

/**
 * A key that is equal for two line ranges exactly when their text is equal (as far as chunk
 * identity tells): the ids of the chunks covering [from, to) and the offsets into the first and
 * last. Cheap to build, unlike joining the text of a long section.
 */
export function rangeKey(md: ParsedMarkdown, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = firstChunkEndingAfter(md, from); k < md.chunks.length && md.chunks[k]!.start < to; k++) {
    const c = md.chunks[k]!;
    parts.push(`${c.chunk.id}:${Math.max(0, from - c.start)}:${Math.min(c.end, to) - c.start}`);
  }
  return parts.join(",");
}

/** The chunk holding `line`, with the lines it covers; undefined above the body. */
export function chunkAt(md: ParsedMarkdown, line: number): ParsedMarkdown["chunks"][number] | undefined {
  const c = md.chunks[firstChunkEndingAfter(md, line)];
  return c && c.start <= line ? c : undefined;
}

function firstChunkEndingAfter(md: ParsedMarkdown, line: number): number {
  return firstNotBefore(md.chunks.length, (i) => md.chunks[i]!.end <= line);
}

export interface ParsedMarkdown {
  headings: MdHeading[];
  blocks: MdBlock[];
  nonProse: Array<[number, number]>;
  /** The chunks, with the absolute lines [start, end) each covers. */
  chunks: Array<{ start: number; end: number; chunk: ParsedChunk }>;
}

const ATX_IN_COLUMN_0 = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;

/** Candidate chunk starts (relative to `from`): ATX headings in column 0 outside obvious fences and raw HTML. */
function chunkStarts(lines: readonly string[], from: number): number[] {
  const starts = [0];
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  for (let i = 0; i + from < lines.length; i++) {
    const line = lines[i + from] ?? "";
    if (fence !== null) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length) fence = null;
      continue;
    }
    if (htmlEnd !== null) {
      if (htmlEnd.test(line)) htmlEnd = null;
      continue;
    }
    // Most lines start with a letter, "|" or "-": nothing below can match them.
    const c = line.charCodeAt(0);
    if (c !== 35 /* # */ && c !== 32 /* space */ && c !== 96 /* ` */ && c !== 126 /* ~ */ && c !== 60 /* < */) continue;
    const f = FENCE_OPEN.exec(line);
    if (f?.[1] && !(f[1][0] === "`" && line.slice(line.indexOf(f[1]) + f[1].length).includes("`"))) {
      fence = f[1];
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      if (!line.includes("-->", line.indexOf("<!--") + 4)) htmlEnd = /-->/;
      continue;
    }
    const raw = HTML_RAW_OPEN.exec(line);
    if (raw?.[1]) {
      const close = new RegExp(`</${raw[1]}>`, "i");
      if (!close.test(line)) htmlEnd = close;
      continue;
    }
    if (i > 0 && ATX_IN_COLUMN_0.test(line)) starts.push(i);
  }
  return starts;
}

function inlineText(tokens: Token[], i: number): string {
  const t = tokens[i + 1];
  return t && t.type === "inline" ? t.content : "";
}

/** Parses a chunk, `lines[offset, end)` joined as `src`, into structure at document lines from `offset`. */
function parseChunk(src: string, lines: readonly string[], offset: number, end: number): ParsedChunk {
  const tokens = md.parse(src.includes("\0") ? src.replace(NUL, "\uFFFD") : src, {});
  const lineCount = Math.max(1, end - offset);
  // markdown-it ends an unclosed block at the last line it sees, which excludes trailing blank lines.
  let contentEnd = end - offset;
  while (contentEnd > 0 && !lines[offset + contentEnd - 1]!.trim()) contentEnd--;
  const headings: MdHeading[] = [];
  const blocks: MdBlock[] = [];
  const nonProse: Array<[number, number]> = [];
  const listStack: boolean[] = [];
  let openAtEnd = false;
  let rowCells: string[] | null = null;
  let rowLine = 0;
  let inHead = false;

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const map = tok.map;
    switch (tok.type) {
      case "heading_open":
        if (map && tok.level === 0) {
          const text = inlineText(tokens, i);
          headings.push({ line: map[0], endLine: map[1], level: Number(tok.tag.slice(1)), text, title: plainHeading(text), setext: tok.markup === "=" || tok.markup === "-" });
        }
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        listStack.push(tok.type === "ordered_list_open");
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        listStack.pop();
        break;
      case "list_item_open": {
        // The item's own text is its first paragraph; nested lists become their own items.
        let text = "";
        for (let j = i + 1; j < tokens.length && tokens[j]!.level > tok.level; j++) {
          if (tokens[j]!.type === "inline") {
            text = tokens[j]!.content;
            break;
          }
          if (tokens[j]!.type.endsWith("_list_open")) break;
        }
        if (map) blocks.push({ kind: "list-item", line: map[0], endLine: map[1], text, ordered: listStack[listStack.length - 1] ?? false, depth: listStack.length - 1 });
        break;
      }
      case "paragraph_open":
        if (map && listStack.length === 0) blocks.push({ kind: "paragraph", line: map[0], endLine: map[1], text: inlineText(tokens, i), depth: 0 });
        break;
      case "thead_open":
        inHead = true;
        break;
      case "thead_close":
        inHead = false;
        break;
      case "tr_open":
        rowCells = [];
        rowLine = map ? map[0] : rowLine;
        break;
      case "th_open":
      case "td_open":
        rowCells?.push(inlineText(tokens, i).trim());
        break;
      case "tr_close":
        if (rowCells) blocks.push({ kind: "table-row", line: rowLine, endLine: rowLine + 1, text: rowCells.join(" | "), cells: rowCells, header: inHead, depth: 0 });
        rowCells = null;
        break;
      case "fence":
      case "code_block":
        if (map) {
          nonProse.push([map[0], map[1]]);
          blocks.push({ kind: "code", line: map[0], endLine: map[1], text: tok.content, depth: 0 });
          if (map[1] >= contentEnd && tok.type === "fence") openAtEnd = true;
        }
        break;
      case "html_block":
        if (map) {
          if (/^\s*<!--/.test(tok.content)) nonProse.push([map[0], map[1]]);
          blocks.push({ kind: "html", line: map[0], endLine: map[1], text: tok.content, depth: 0 });
          if (map[1] >= contentEnd) openAtEnd = true;
        }
        break;
    }
  }
  // Built relative to the chunk, then moved to its place: these objects are the chunk's own.
  for (const h of headings) {
    h.line += offset;
    h.endLine += offset;
  }
  for (const b of blocks) {
    b.line += offset;
    b.endLine += offset;
  }
  for (const r of nonProse) {
    r[0] += offset;
    r[1] += offset;
  }
  return { placed: { offset, headings, blocks, nonProse }, lineCount, text: src, openAtEnd, memo: new Map(), id: nextChunkId++ };
}

export interface PlacedChunk {
  /** The document line the chunk starts at. */
  offset: number;
  headings: MdHeading[];
  blocks: MdBlock[];
  /** Line ranges [start, end) holding code or HTML comments: not prose. */
  nonProse: Array<[number, number]>;
}

/** The chunk's structure at document lines from `offset`: as placed last time, or a shifted copy. */
function placeChunk(chunk: ParsedChunk, offset: number): PlacedChunk {
  const at = chunk.placed;
  if (at.offset === offset) return at;
  const d = offset - at.offset;
  chunk.placed = {
    offset,
    headings: at.headings.map((h) => ({ ...h, line: h.line + d, endLine: h.endLine + d })),
    blocks: at.blocks.map((b) => ({ ...b, line: b.line + d, endLine: b.endLine + d })),
    nonProse: at.nonProse.map(([s, e]) => [s + d, e + d]),
  };
  return chunk.placed;
}

/**
 * The text of lines [start, end) with \n line endings: a slice of the document's text when it is
 * at hand, else the lines joined. It keys the chunk cache and is what markdown-it parses.
 */
function chunkText(lines: readonly string[], start: number, end: number, index?: LineIndex): string {
  if (end <= start) return "";
  if (!index?.hasText) return lines.slice(start, end).join("\n");
  const src = index.text.slice(index.starts[start], index.lineEnd(end - 1));
  return src.includes("\r") ? src.replace(/\r\n?/g, "\n") : src;
}

/** Chunks of a parse without a cache: at least this many characters each, where headings allow. */
const UNCACHED_CHUNK = 16384;

/** The chunk starts of a parse without a cache: consecutive chunks joined up to UNCACHED_CHUNK characters. */
function fewerStarts(starts: number[], lines: readonly string[], from: number): number[] {
  const kept = [0];
  let size = 0;
  for (let k = 1; k < starts.length; k++) {
    for (let l = starts[k - 1]!; l < starts[k]!; l++) size += lines[from + l]!.length + 1;
    if (size >= UNCACHED_CHUNK) {
      kept.push(starts[k]!);
      size = 0;
    }
  }
  return kept;
}

/**
 * Parses `lines[from..]` (the body after front matter) and returns structure with absolute line
 * numbers. `cache` is optional; the server passes one per document.
 */
export function parseMarkdown(lines: readonly string[], from: number, cache?: ChunkCache, index?: LineIndex): ParsedMarkdown {
  const bodyLength = lines.length - from;
  // Without a cache no chunk is parsed again: small ones would only add markdown-it's cost per call.
  const starts = cache ? chunkStarts(lines, from) : fewerStarts(chunkStarts(lines, from), lines, from);
  const out: ParsedMarkdown = { headings: [], blocks: [], nonProse: [], chunks: [] };
  let k = 0;
  while (k < starts.length) {
    const begin = starts[k]!;
    let next = k + 1;
    let chunk: ParsedChunk;
    for (;;) {
      const end = next < starts.length ? starts[next]! : bodyLength;
      const start = from + begin;
      const stop = from + end;
      let parsed = cache?.unchanged(lines, start, stop);
      if (!parsed) {
        const src = chunkText(lines, start, stop, index);
        parsed = cache?.get(src);
        if (!parsed) {
          parsed = parseChunk(src, lines, start, stop);
          cache?.set(src, parsed);
        }
      }
      chunk = parsed;
      if (!chunk.openAtEnd || next >= starts.length) break;
      next++;
    }
    const offset = from + begin;
    out.chunks.push({ start: offset, end: from + (next < starts.length ? starts[next]! : bodyLength), chunk });
    const placed = placeChunk(chunk, offset);
    for (const h of placed.headings) out.headings.push(h);
    for (const b of placed.blocks) out.blocks.push(b);
    for (const r of placed.nonProse) out.nonProse.push(r);
    k = next;
  }
  cache?.remember(lines, out.chunks);
  return out;
}
