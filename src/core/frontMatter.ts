import { parseDocument, isMap, isScalar, type Document } from "yaml";
import type { Range } from "./types";
import { BoundedMemo } from "./memo";
import { range } from "./types";

export interface FrontMatter {
  /** Parsed mapping, or {} when absent or invalid. */
  data: Record<string, unknown>;
  /** Lines [startLine, endLine) including both `---` fences; null when the document has none. */
  lines: [number, number] | null;
  /** First line of the Markdown body. */
  bodyStart: number;
  /** A syntax problem: unterminated block, YAML error, not a mapping. */
  error: { message: string; range: Range } | null;
  /** Range of a key's value (or of the key when the value is empty), for precise findings. */
  valueRange(key: string): Range | null;
  /** Line on which a new key can be inserted (the closing fence). */
  insertLine: number | null;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * The line of the closing fence of the front matter; `lines.length` when it is opened but never
 * closed (as while typing a new document); null when the document has none.
 */
export function frontMatterEnd(lines: readonly string[]): number | null {
  if (lines.length === 0 || !OPEN.test(lines[0] ?? "")) return null;
  let close = 1;
  while (close < lines.length && !CLOSE.test(lines[close] ?? "")) close++;
  return close;
}

/** Front matter always starts on line 0, so equal text parses to an equal result: kept while typing below it. */
const parsed = new BoundedMemo<string, FrontMatter>(256);

export function parseFrontMatter(lines: readonly string[]): FrontMatter {
  const close = frontMatterEnd(lines);
  if (close === null || close >= lines.length) return parseUncached(lines);
  const key = lines.slice(0, close + 1).join("\n");
  return parsed.get(key, () => parseUncached(lines.slice(0, close + 1)));
}

function parseUncached(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { data: {}, lines: null, bodyStart: 0, error: null, valueRange: () => null, insertLine: null };
  if (lines.length === 0 || !OPEN.test(lines[0] ?? "")) return none;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i] ?? "")) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return {
      ...none,
      error: { message: "front matter opened with --- on line 1 is never closed: add a line with --- after the last key", range: range(0, 0, 0, 3) },
    };
  }
  const yamlText = lines.slice(1, close).join("\n");
  const lineStarts = [0];
  for (let i = 0; i < yamlText.length; i++) if (yamlText.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const toRange = (from: number, to: number): Range => {
    const pos = (off: number) => {
      let l = 0;
      while (l + 1 < lineStarts.length && lineStarts[l + 1]! <= off) l++;
      return { line: l + 1, character: off - lineStarts[l]! };
    };
    const a = pos(from);
    const b = pos(Math.max(from, to));
    return { start: a, end: b };
  };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    return { ...none, lines: [0, close + 1], bodyStart: close + 1, insertLine: close, error: { message: `front matter is not valid YAML: ${(e as Error).message}`, range: range(0, 0, 0, 3) } };
  }
  const base = { lines: [0, close + 1] as [number, number], bodyStart: close + 1, insertLine: close };
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const [from, to] = err.pos;
    return { ...none, ...base, error: { message: `front matter is not valid YAML: ${err.message.split("\n")[0]}`, range: toRange(from, to) } };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { ...none, ...base, error: { message: "front matter must be a mapping of keys to values (key: value)", range: range(1, 0, Math.max(1, close - 1), 0) } };
  }
  let data: Record<string, unknown> = {};
  try {
    const js: unknown = doc.toJS({ maxAliasCount: 100 });
    if (js && typeof js === "object" && !Array.isArray(js)) data = js as Record<string, unknown>;
  } catch (e) {
    return { ...none, ...base, error: { message: `front matter could not be read: ${(e as Error).message}`, range: range(0, 0, 0, 3) } };
  }
  const map = doc.contents;
  return {
    data,
    ...base,
    error: null,
    valueRange(key: string): Range | null {
      if (!isMap(map)) return null;
      for (const pair of map.items) {
        if (!isScalar(pair.key) || String(pair.key.value) !== key) continue;
        const node = pair.value as { range?: [number, number, number] } | null;
        if (node?.range && node.range[1] > node.range[0]) return toRange(node.range[0], node.range[1]);
        const k = pair.key.range;
        return k ? toRange(k[0], k[1]) : null;
      }
      return null;
    },
  };
}
