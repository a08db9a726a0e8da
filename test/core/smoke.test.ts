import { test } from "node:test";
import assert from "node:assert/strict";
import { lint, brief } from "../helpers";

test("a document naming no template is not a spec", () => {
  assert.equal(lint("# Notes\n\nTBD\n").isSpec, false);
});

test("a one-pager with only a title reports each missing section at the title", () => {
  const r = lint("---\ntitle: X\nowner: a\nstatus: draft\nupdated: 2026-01-01\ntemplate: ai-feature-prd\n---\n# X\n");
  assert.ok(brief(r).includes("missing-section@8"));
});
