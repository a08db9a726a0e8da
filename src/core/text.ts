import type { Position, Range } from "./types";

const BOM = "\uFEFF";
const EOL = /\r\n|\n|\r/g;

/** Splits text into lines the way LSP does (\r\n, \n and \r all end a line) and maps offsets. */
export class LineIndex {
  readonly text: string;
  /** Offset of the first character of each line. */
  readonly starts: number[];
  /** Offset just past the content of each line (before its line ending). */
  readonly ends: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    const ends: number[] = [];
    // Native searches, not charCodeAt in a loop (editors build text by concatenation, and
    // indexing such a string character by character is several times slower), and no regex
    // match objects: this runs on every keystroke.
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
        ends.push(i);
        starts.push(i + 1);
      }
    } else {
      EOL.lastIndex = 0;
      for (let m = EOL.exec(text); m; m = EOL.exec(text)) {
        ends.push(m.index);
        starts.push(m.index + m[0].length);
      }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  line(n: number): string {
    return this.text.slice(this.starts[n], this.ends[n]);
  }

  /** The line ending used most in the document, so inserted text matches it. */
  get eol(): string {
    const firstEnd = this.ends[0] ?? 0;
    if (this.lineCount < 2) return "\n";
    return this.text.startsWith("\r\n", firstEnd) ? "\r\n" : this.text[firstEnd] === "\r" ? "\r" : "\n";
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineCount) return this.text.length;
    const start = this.starts[pos.line] ?? 0;
    const end = this.ends[pos.line] ?? this.text.length;
    return Math.min(start + Math.max(0, pos.character), end);
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const character = Math.min(offset, this.ends[lo] ?? offset) - (this.starts[lo] ?? 0);
    return { line: lo, character };
  }

  /** Range covering the whole of line n without its line ending. */
  lineRange(n: number): Range {
    const len = (this.ends[n] ?? 0) - (this.starts[n] ?? 0);
    return { start: { line: n, character: 0 }, end: { line: n, character: len } };
  }

  /** Range of line n's text without leading and trailing white space. */
  trimmedLineRange(n: number): Range {
    const text = this.line(n);
    const start = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    return { start: { line: n, character: start }, end: { line: n, character: Math.max(start, end) } };
  }
}

/** Text as stored on disk may start with a BOM; editors hide it, so the engine sees text without it. */
export function stripBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

export function restoreBom(text: string, bom: boolean): string {
  return bom ? BOM + text : text;
}
