/**
 * A real editor: Emacs 28 in batch mode with Debian's eglot and markdown-mode, set up with the
 * README's own lines (test/e2e/setup/emacs.el). Skipped only when emacs is absent outside CI.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers";
import { editorWorkspace, readmeHolds, SPEC_FIXTURE } from "./editors";

const SETUP = join(ROOT, "test/e2e/setup/emacs.el");
const hasEmacs = spawnSync("emacs", ["--version"], { encoding: "utf8" }).status === 0;

test("README's Emacs set-up block is the file the Emacs test loads", () => {
  assert.ok(readmeHolds(SETUP, "elisp"), "README.md must hold test/e2e/setup/emacs.el verbatim in an ```elisp block");
});

test("emacs + eglot: diagnostics, missing-section quick fix, completion after '## ', saved file", { skip: !hasEmacs && !process.env["CI"] ? "emacs is not installed (CI installs emacs-nox, elpa-eglot, elpa-markdown-mode)" : false }, () => {
  assert.ok(hasEmacs, "emacs must be installed in CI (.ci/run installs it)");
  const ws = editorWorkspace("pmw-emacs-");
  const r = spawnSync("emacs", ["--batch", "-q", "-l", SETUP, "-l", join(ROOT, "test/e2e/emacs-roundtrip.el")], { cwd: ws.dir, encoding: "utf8", timeout: 90000, env: ws.env });
  let result: { ok?: boolean; error?: string; first_diagnostics_ms: number; initial: string[]; actions: string[]; completion: string; after: string[] };
  try {
    result = JSON.parse(readFileSync(ws.resultFile, "utf8"));
  } catch {
    assert.fail(`emacs wrote no result (status ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
  }
  assert.equal(result.error ?? null, null, r.stderr);
  if (process.env["PMW_E2E_TIMES"]) console.log(`emacs: first diagnostics ${result.first_diagnostics_ms.toFixed(0)} ms after opening`);
  const text = readFileSync(ws.file, "utf8");
  const before = readFileSync(SPEC_FIXTURE, "utf8");
  assert.deepEqual(
    {
      initial: result.initial,
      headings: text.split("\n").filter((l) => l.startsWith("## ")),
      garbage: /\$0|\0|\\\$/.test(text),
      untouched: text.startsWith(before.slice(0, before.indexOf("## Open questions"))),
      after: result.after.filter((c) => c.startsWith("PM001")),
    },
    {
      initial: ["PM001@8"],
      headings: ["## Problem", "## Goals and non-goals", "## Success metrics", "## Failure criteria", "## Open questions", `## ${result.completion}`],
      garbage: false,
      untouched: true,
      after: [],
    },
  );
});
