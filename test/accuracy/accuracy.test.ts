/** The labelled corpus through the real engine: any mismatch not listed as a known miss fails. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../helpers";
import { describe, loadCorpus, mismatches, runCorpus } from "./harness";

const cases = loadCorpus(join(ROOT, "test", "accuracy", "corpus"));

test("the corpus has at least 300 cases, about half in each language and half positive", () => {
  const zh = cases.filter((c) => c.lang === "zh-CN").length;
  const pos = cases.filter((c) => c.expect === "finding").length;
  assert.ok(cases.length >= 300, `${cases.length} cases`);
  assert.ok(Math.abs(zh / cases.length - 0.5) < 0.1, `${zh} of ${cases.length} are Chinese`);
  assert.ok(Math.abs(pos / cases.length - 0.5) < 0.1, `${pos} of ${cases.length} are positive`);
});

test("every corpus case gets the verdict it is labelled with, or is a listed known miss", () => {
  const unexpected = mismatches(runCorpus(cases)).filter((o) => !o.c.knownMiss);
  assert.equal(unexpected.map(describe).join("\n\n"), "");
});

// Written from the docs alone: known misses are listed with their reason, so a new miss fails.
for (const set of ["held-out", "held-out-2", "held-out-3"]) {
  test(`every ${set} case gets its labelled verdict, or is a listed known miss`, () => {
    const unexpected = mismatches(runCorpus(loadCorpus(join(ROOT, "test", "accuracy", set)))).filter((o) => !o.c.knownMiss);
    assert.equal(unexpected.map(describe).join("\n\n"), "");
  });
}
