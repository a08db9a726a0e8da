/**
 * Property tests of the engine on hostile Markdown. `npm test` runs a bounded number of cases;
 * `npm run fuzz` runs many more (PMW_FUZZ_RUNS).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { lintText } from "../../src/core/lint";
import { applyEdits, fixAll } from "../../src/core/fix";
import { LineIndex } from "../../src/core/text";
import { memoryEnv } from "../helpers";
import { lfDoc, markdownDoc, runs } from "./markdown.arbitrary";

const env = memoryEnv({ config: '{ "templates": { "**/*.md": "ai-feature-prd" } }' });
const lint = (text: string) => lintText("/ws/doc.md", text, env);

test("lint never throws and every range lies inside the document", { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(markdownDoc, (text) => {
      const index = new LineIndex(text);
      for (const f of lint(text).findings) {
        for (const p of [f.range.start, f.range.end]) {
          assert.ok(p.line >= 0 && p.line < index.lineCount, `line ${p.line} outside 0..${index.lineCount - 1}`);
          assert.ok(p.character >= 0 && p.character <= index.line(p.line).length, `column ${p.character} outside line ${p.line}`);
        }
      }
    }),
    { numRuns: runs(300) },
  );
});

test("applying a fix changes nothing outside its edit", { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(markdownDoc, (text) => {
      const index = new LineIndex(text);
      for (const f of lint(text).findings) {
        for (const edit of f.fix ?? []) {
          const start = index.offsetAt(edit.range.start);
          const end = index.offsetAt(edit.range.end);
          const out = applyEdits(text, [edit]).text;
          assert.equal(out.slice(0, start), text.slice(0, start));
          assert.equal(out.slice(start + edit.newText.length), text.slice(end));
        }
      }
    }),
    { numRuns: runs(200) },
  );
});

test("after fixing everything, no fixable finding is left", { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(markdownDoc, (text) => {
      const fixed = fixAll(text, (t) => lint(t).findings).text;
      assert.deepEqual(lint(fixed).findings.filter((f) => f.fix?.length).map((f) => `${f.rule}@${f.range.start.line}`), []);
    }),
    { numRuns: runs(150) },
  );
});

test("LF and CRLF versions of a document give the same findings", { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(lfDoc, (text) => {
      const key = (t: string) => lint(t).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character} ${f.message}`);
      assert.deepEqual(key(text.replace(/\n/g, "\r\n")), key(text));
    }),
    { numRuns: runs(200) },
  );
});
