/** Shared data shapes of the engine. Positions are 0-based lines and UTF-16 columns, as in LSP. */

export type Severity = "error" | "warning" | "info" | "hint";
export type SeveritySetting = Severity | "off";

export const STATUSES = ["draft", "review", "approved", "shipped", "deprecated"] as const;
export type Status = (typeof STATUSES)[number];

export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A fix is plain data: replace `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Finding {
  ruleId: string;
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Catalog id of the section the finding is about, or null. */
  section: string | null;
  fix?: TextEdit[];
  /** The other places of the same problem (e.g. each placeholder of a section), when it has several. */
  related?: Array<{ range: Range; message: string }>;
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
