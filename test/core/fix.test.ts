import { test } from "node:test";
import assert from "node:assert/strict";
import { applyEdits } from "../../src/core/fix";
import { range } from "../../src/core/types";
import { keepLineBreaks, LineIndex } from "../../src/core/text";

test("edits apply back to front with positions from the original text", () => {
  assert.equal(applyEdits("abc\ndef\n", [{ range: range(0, 1, 0, 2), newText: "X" }, { range: range(1, 0, 1, 0), newText: ">" }]).text, "aXc\n>def\n");
});

test("identical edits apply once", () => {
  const e = { range: range(0, 0, 0, 0), newText: "## A\n" };
  assert.equal(applyEdits("x\n", [e, { ...e }]).text, "## A\nx\n");
});

test("inserts at one position keep their order", () => {
  assert.equal(applyEdits("x", [{ range: range(0, 1, 0, 1), newText: "1" }, { range: range(0, 1, 0, 1), newText: "2" }]).text, "x12");
});

test("an edit overlapping an earlier one is skipped, never half-applied", () => {
  const r = applyEdits("abcdef", [{ range: range(0, 1, 0, 4), newText: "X" }, { range: range(0, 3, 0, 5), newText: "Y" }]);
  assert.deepEqual([r.text, r.skipped.length], ["aXef", 1]);
});

test("an insertion never fuses with a lone CR or LF beside it into one line break", () => {
  const index = new LineIndex("a\rb\n");
  assert.deepEqual(
    [keepLineBreaks(index, { range: range(1, 0, 1, 0), newText: "\n## H\n" }).newText, keepLineBreaks(index, { range: range(1, 1, 1, 1), newText: " x\r" }).newText, keepLineBreaks(index, { range: range(2, 0, 2, 0), newText: "\n## H\n" }).newText],
    ["\r\n## H\n", " x\r\n", "\n## H\n"],
  );
});
