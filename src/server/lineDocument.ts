/**
 * An open document held as lines. The stock TextDocument keeps one string and rebuilds it on
 * every change (a 10,000-line spec means copying a megabyte per keystroke); here an incremental
 * change re-splits only the lines it touches and shares the rest, and the linter finds the
 * unchanged chunks by those shared lines.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from "vscode-languageserver/node";
import { LineIndex, stripBom } from "../core/text";

export class LineDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly index: LineIndex,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    return new LineDocument(uri, languageId, version, new LineIndex(content));
  }

  /** Applies changes in order, as LSP sends them: ranged ones edit lines, others replace the text. */
  static update(doc: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument {
    let index = doc.index;
    for (const change of changes) {
      if ("range" in change && change.range !== undefined) index = index.edit(change.range, change.text);
      else index = new LineIndex(change.text);
    }
    return new LineDocument(doc.uri, doc.languageId, version, index);
  }

  get lineCount(): number {
    return this.index.lineCount;
  }

  getText(range?: Range): string {
    const text = this.index.text;
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  offsetAt(position: Position): number {
    return this.index.offsetAt(position);
  }

  positionAt(offset: number): Position {
    return this.index.positionAt(offset);
  }

  /** What the engine lints: the lines, or the text without a byte-order mark if one leads it. */
  get source(): LineIndex | string {
    return this.index.line(0).startsWith("\uFEFF") ? stripBom(this.index.text).text : this.index;
  }
}
