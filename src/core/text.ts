import type { Position, Range, TextEdit } from "./types";
import { firstNotBefore } from "./search";

const BOM = "\uFEFF";
const EOL = /\r\n|\n|\r/g;

/** A document's lines as separate strings: what an edit builds without joining the whole text. */
export interface LineParts {
  /** Each line's text, without its line ending. */
  lines: string[];
  /** Each line's ending: "\n", "\r\n" or "\r"; "" for the last line. */
  endings: string[];
}

/** Splits text into lines the way LSP does: \r\n, \n and \r all end a line. */
function splitLines(text: string): LineParts & { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  const endings: string[] = [];
  // Native searches, not charCodeAt in a loop (editors build text by concatenation, and
  // indexing such a string character by character is several times slower), and no regex
  // match objects for the common case.
  if (!text.includes("\r")) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
      ends.push(i);
      starts.push(i + 1);
      endings.push("\n");
    }
  } else {
    EOL.lastIndex = 0;
    for (let m = EOL.exec(text); m; m = EOL.exec(text)) {
      ends.push(m.index);
      starts.push(m.index + m[0].length);
      endings.push(m[0] === "\n" ? "\n" : m[0] === "\r\n" ? "\r\n" : "\r");
    }
  }
  ends.push(text.length);
  endings.push("");
  const lines: string[] = new Array(starts.length);
  if (BEYOND_LATIN1.test(text)) narrowLines(text, starts, ends, lines);
  else for (let i = 0; i < starts.length; i++) lines[i] = text.slice(starts[i], ends[i]);
  return { lines, endings, starts, ends };
}

/** A character V8 cannot store in one byte: a text holding one is stored two bytes a character, and so is every slice of it. */
const BEYOND_LATIN1 = /[^\x00-\xff]/;
const WIDE_CHAR = /[^\x00-\xff]/g;
/** Latin-1 lines are copied this many characters at a time, through one reused buffer. */
const RUN = 65536;
let scratch = Buffer.alloc(0);

/**
 * The lines of a two-byte text, each Latin-1 line as a one-byte string (the same characters).
 * The English lines of a document with one Chinese character in it would otherwise be two-byte
 * slices, and V8 runs the rules' regexes over those several times slower: a pattern's
 * non-Latin-1 alternatives (the Chinese terms) can never match a one-byte string, so V8 drops
 * them. Runs of Latin-1 lines are copied together and sliced, not line by line.
 */
function narrowLines(text: string, starts: readonly number[], ends: readonly number[], lines: string[]): void {
  let run = 0; // first line of the run not copied yet
  const flush = (to: number) => {
    if (to <= run) return;
    const from = starts[run]!;
    const slice = text.slice(from, ends[to - 1]);
    let narrow: string;
    if (slice.length > RUN) narrow = Buffer.from(slice, "latin1").toString("latin1");
    else {
      if (scratch.length === 0) scratch = Buffer.allocUnsafe(RUN);
      narrow = scratch.toString("latin1", 0, scratch.write(slice, 0, "latin1"));
    }
    for (let i = run; i < to; i++) lines[i] = narrow.slice(starts[i]! - from, ends[i]! - from);
    run = to;
  };
  WIDE_CHAR.lastIndex = 0;
  let wide = WIDE_CHAR.exec(text)?.index ?? Infinity;
  for (let i = 0; i < starts.length; i++) {
    if (wide < ends[i]!) {
      flush(i);
      lines[i] = text.slice(starts[i], ends[i]);
      run = i + 1;
      WIDE_CHAR.lastIndex = ends[i]!;
      wide = WIDE_CHAR.exec(text)?.index ?? Infinity;
    } else if (ends[i]! - starts[run]! >= RUN) flush(i + 1);
  }
  flush(starts.length);
}

/**
 * A document as lines, with offsets and positions mapped both ways (UTF-16 columns, as in LSP).
 * `edit` makes the next version from this one, sharing every line the edit does not touch: an
 * editor keystroke then costs a copy of two pointer arrays, not a copy and re-split of the text.
 */
export class LineIndex {
  readonly lines: readonly string[];
  readonly endings: readonly string[];
  private textMemo: string | undefined;
  private startsMemo: number[] | undefined;
  private lengthMemo: number | undefined;

  constructor(source: string | LineParts) {
    if (typeof source === "string") {
      const split = splitLines(source);
      this.textMemo = source;
      this.startsMemo = split.starts;
      this.lines = split.lines;
      this.endings = split.endings;
    } else {
      this.lines = source.lines;
      this.endings = source.endings;
    }
  }

  /** The whole text; joined on first use for an edited index. */
  get text(): string {
    if (this.textMemo === undefined) {
      const parts: string[] = new Array(this.lines.length * 2);
      for (let i = 0; i < this.lines.length; i++) {
        parts[2 * i] = this.lines[i]!;
        parts[2 * i + 1] = this.endings[i]!;
      }
      this.textMemo = parts.join("");
    }
    return this.textMemo;
  }

  /** Whether the whole text is already at hand (no join needed to slice it). */
  get hasText(): boolean {
    return this.textMemo !== undefined;
  }

  /** Offset of the first character of each line. */
  get starts(): readonly number[] {
    if (!this.startsMemo) {
      const starts: number[] = new Array(this.lines.length);
      let offset = 0;
      for (let i = 0; i < this.lines.length; i++) {
        starts[i] = offset;
        offset += this.lines[i]!.length + this.endings[i]!.length;
      }
      this.startsMemo = starts;
    }
    return this.startsMemo;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Length of the whole text, without joining it or building the offsets. */
  get length(): number {
    if (this.textMemo !== undefined) return this.textMemo.length;
    if (this.lengthMemo === undefined) {
      let n = 0;
      for (let i = 0; i < this.lines.length; i++) n += this.lines[i]!.length + this.endings[i]!.length;
      this.lengthMemo = n;
    }
    return this.lengthMemo;
  }

  line(n: number): string {
    return this.lines[n] ?? "";
  }

  /** Offset just past the content of line n (before its line ending). */
  lineEnd(n: number): number {
    return (this.starts[n] ?? this.length) + (this.lines[n]?.length ?? 0);
  }

  /** The line ending used in the document, taken from its first line, so inserted text matches it. */
  get eol(): string {
    return this.lines.length < 2 ? "\n" : this.endings[0]!;
  }

  /** The nearest position inside the document: LSP clamps a character past the line end to the end. */
  clamp(pos: Position): Position {
    if (pos.line < 0) return { line: 0, character: 0 };
    if (pos.line >= this.lines.length) {
      const last = this.lines.length - 1;
      return { line: last, character: this.lines[last]!.length };
    }
    return { line: pos.line, character: Math.min(Math.max(0, pos.character), this.lines[pos.line]!.length) };
  }

  offsetAt(pos: Position): number {
    const p = this.clamp(pos);
    return this.starts[p.line]! + p.character;
  }

  positionAt(offset: number): Position {
    const starts = this.starts;
    offset = Math.max(0, Math.min(offset, this.length));
    // The last line starting at or before the offset (line 0 starts at 0, so there is one).
    const lo = firstNotBefore(starts.length, (i) => starts[i]! <= offset) - 1;
    return { line: lo, character: Math.min(offset - starts[lo]!, this.lines[lo]!.length) };
  }

  /** Range covering the whole of line n without its line ending. */
  lineRange(n: number): Range {
    return { start: { line: n, character: 0 }, end: { line: n, character: this.line(n).length } };
  }

  /** Range of line n's text without leading and trailing white space. */
  trimmedLineRange(n: number): Range {
    const text = this.line(n);
    const start = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    return { start: { line: n, character: start }, end: { line: n, character: Math.max(start, end) } };
  }

  /**
   * The document after replacing `range` with `newText` (ranges as LSP sends them: clamped, and
   * swapped when reversed). Lines outside the range are the same string objects as in this one.
   */
  edit(range: Range, newText: string): LineIndex {
    let start = this.clamp(range.start);
    let end = this.clamp(range.end);
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
    const first = this.lines[start.line]!;
    const last = this.lines[end.line]!;
    const joined = first.slice(0, start.character) + newText + last.slice(end.character);
    const trailing = this.endings[end.line]!;
    // A lone \r next to a \n would join them into one line ending: re-split the whole text then.
    // (What follows the line before is `joined`, or the trailing ending when nothing is left.)
    if ((joined.endsWith("\r") && trailing === "\n") || (start.line > 0 && this.endings[start.line - 1] === "\r" && (joined || trailing).startsWith("\n"))) {
      const text = this.text;
      return new LineIndex(text.slice(0, this.offsetAt(start)) + newText + text.slice(this.offsetAt(end)));
    }
    const middle = joined.includes("\n") || joined.includes("\r") ? splitLines(joined) : { lines: [joined], endings: [""] };
    middle.endings[middle.endings.length - 1] = trailing;
    const count = this.lines.length - (end.line - start.line + 1) + middle.lines.length;
    const lines: string[] = new Array(count);
    const endings: string[] = new Array(count);
    for (let i = 0; i < start.line; i++) {
      lines[i] = this.lines[i]!;
      endings[i] = this.endings[i]!;
    }
    for (let i = 0; i < middle.lines.length; i++) {
      lines[start.line + i] = middle.lines[i]!;
      endings[start.line + i] = middle.endings[i]!;
    }
    for (let i = end.line + 1, j = start.line + middle.lines.length; i < this.lines.length; i++, j++) {
      lines[j] = this.lines[i]!;
      endings[j] = this.endings[i]!;
    }
    return new LineIndex({ lines, endings });
  }
}

/**
 * The edit, adjusted so that its text cannot fuse with a line break beside it: a \n inserted
 * right after a lone \r, or a \r right before a \n, would make one \r\n of two line breaks,
 * and the blank line or the break before an inserted heading would vanish.
 */
export function keepLineBreaks(index: LineIndex, edit: TextEdit): TextEdit {
  let text = edit.newText;
  if (!text) return edit;
  const { start, end } = edit.range;
  const before = start.character === 0 && start.line > 0 ? (index.endings[start.line - 1] ?? "") : "";
  const after = end.line < index.lineCount && end.character >= index.line(end.line).length ? (index.endings[end.line] ?? "") : "";
  if (before === "\r" && text.startsWith("\n")) text = `\r${text}`;
  if (after === "\n" && text.endsWith("\r")) text = `${text}\n`;
  return text === edit.newText ? edit : { range: edit.range, newText: text };
}

/** Text as stored on disk may start with a BOM; editors hide it, so the engine sees text without it. */
export function stripBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

export function restoreBom(text: string, bom: boolean): string {
  return bom ? BOM + text : text;
}
