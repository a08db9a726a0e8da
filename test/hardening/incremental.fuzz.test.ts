/**
 * Property tests of incremental editing: lines edited in place (as the server holds open
 * documents) must equal the edited text split afresh, and linting them with the document's chunk
 * cache must equal a fresh lint of that text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { lintText } from "../../src/core/lint";
import { ChunkCache } from "../../src/core/markdown";
import { LineIndex } from "../../src/core/text";
import type { Range } from "../../src/core/types";
import { memoryEnv } from "../helpers";
import { markdownDoc, runs } from "./markdown.arbitrary";

const env = memoryEnv({ config: '{ "templates": { "**/*.md": "ai-feature-prd" } }' });

/** Positions may fall outside the document or past a line's end, and ranges may be reversed, as clients send them. */
const position = fc.record({ line: fc.integer({ min: -1, max: 90 }), character: fc.integer({ min: -1, max: 60 }) });
const insertion = fc.oneof(
  fc.constantFrom("", "x", "\n", "\r", "\r\n", "\n\n", "## Failure criteria\n", "```\n", "<!--", "-->", "TBD", "- FR-001 x\n", "\r\n# T\r\n", "| a | b |\n"),
  fc.string({ maxLength: 12 }),
);
/** The offset LSP means by a position: lines end at \r\n, \n or \r; past a line's end is its end. */
function offsetOf(text: string, line: number, character: number): number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) starts.push(m.index + m[0].length);
  if (line < 0) return 0;
  if (line >= starts.length) return text.length;
  const lineEnd = line + 1 < starts.length ? text.slice(0, starts[line + 1]).replace(/(\r\n|\n|\r)$/, "").length : text.length;
  return Math.min(starts[line]! + Math.max(0, character), lineEnd);
}

/** The oracle: the edit applied to the text as one string. */
function applyToText(text: string, range: Range, newText: string): string {
  let start = offsetOf(text, range.start.line, range.start.character);
  let end = offsetOf(text, range.end.line, range.end.character);
  if (start > end) [start, end] = [end, start];
  return text.slice(0, start) + newText + text.slice(end);
}

const edits = fc.array(fc.record({ start: position, end: position, text: insertion }), { minLength: 1, maxLength: 12 });

test("lines edited in place equal the edited text split afresh", { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(markdownDoc, edits, (text, changes) => {
      let index = new LineIndex(text);
      let oracle = text;
      for (const c of changes) {
        const range: Range = { start: c.start, end: c.end };
        index = index.edit(range, c.text);
        oracle = applyToText(oracle, range, c.text);
        const fresh = new LineIndex(oracle);
        assert.deepEqual({ lines: index.lines, endings: index.endings }, { lines: fresh.lines, endings: fresh.endings });
        assert.equal(index.text, oracle);
      }
    }),
    { numRuns: runs(2000) },
  );
});

test("linting edited lines with the document's cache equals a fresh lint", { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(markdownDoc, edits, (text, changes) => {
      const cache = new ChunkCache();
      let index = new LineIndex(text);
      lintText("/ws/doc.md", index, env, cache);
      for (const c of changes) {
        index = index.edit({ start: c.start, end: c.end }, c.text);
        cache.nextGeneration();
        const incremental = lintText("/ws/doc.md", index, env, cache);
        const fresh = lintText("/ws/doc.md", index.text, env);
        assert.deepEqual(incremental.findings, fresh.findings);
        assert.deepEqual(
          incremental.sections.map((s) => [s.heading.line, s.end, s.title, s.id]),
          fresh.sections.map((s) => [s.heading.line, s.end, s.title, s.id]),
        );
      }
    }),
    { numRuns: runs(150) },
  );
});
