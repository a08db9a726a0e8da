import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { sentencesOf } from "../../src/core/passages";
import { sentenceEnds } from "../../src/core/sentences";
import { runs } from "../hardening/markdown.arbitrary";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
/** What Intl.Segmenter says, as sentencesOf reports it. */
const reference = (text: string) => [...segmenter.segment(text)].filter((s) => s.segment.trim()).map((s) => ({ text: s.segment, index: s.index }));

test("sentences split as Intl.Segmenter splits them: abbreviations, decimals, initials, quotes, Chinese", () => {
  for (const text of [
    "Latency drops to 3.5 s. Then we ship.",
    "The U.S. team reviews it. e.g. this stays one sentence.",
    'He said "stop." Then he left!',
    "Is it done? Yes; mostly. (Not quite.) Next.",
    "模型拒绝申请。人工复核！结果如何？好，下一步。",
    "Mixed 中文. And English。Again",
  ]) {
    assert.ok(sentenceEnds(text), text);
    assert.deepEqual(sentencesOf(text), reference(text), text);
  }
});

test("text with a character outside the listed repertoire is left to Intl.Segmenter", () => {
  assert.equal(sentenceEnds("Café prices rise. Then\u00a0they fall."), null);
  assert.deepEqual(sentencesOf("Café prices rise. Then\u00a0they fall."), reference("Café prices rise. Then\u00a0they fall."));
});

// Every class of the repertoire, weighted towards the characters that end or continue sentences,
// and three characters outside it (é, a no-break space, a paragraph separator).
const CHARS = [..."aZm1.!?\"'()[], -:;\t#%x.. ?!", ..."中文。！？，、：；—–“”‘’（）《》【】「」→…·×¥", "é", "\u00a0", "\u2029"];
const segmentEnds = (text: string) => [...segmenter.segment(text)].map((s) => s.index + s.segment.length);

test("on any text in the repertoire, sentences end where Intl.Segmenter ends them; outside it, it is not asked", () => {
  const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 40 }).map((cs) => cs.join(""));
  fc.assert(
    fc.property(text, (t) => {
      const ends = sentenceEnds(t);
      if (/[é\u00a0\u2029]/.test(t)) assert.equal(ends, null);
      else assert.deepEqual(ends, segmentEnds(t));
    }),
    { numRuns: runs(20_000) },
  );
});
