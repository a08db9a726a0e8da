/**
 * A real editor: headless Neovim (Debian's package, 0.7+) drives the built server through its own
 * LSP client, applies the quick fix for a missing section and writes the file.
 * Skipped only when nvim is absent outside CI; in CI (.ci/run installs neovim) it must run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, SERVER } from "../helpers";

const hasNvim = spawnSync("nvim", ["--version"], { encoding: "utf8" }).status === 0;

test("neovim: diagnostics, quick fix for a missing section, file written, diagnostic gone", { skip: !hasNvim && !process.env["CI"] ? "nvim is not installed (CI installs it)" : false }, () => {
  assert.ok(hasNvim, "nvim must be installed in CI (.ci/run installs it)");
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "pmw-nvim-")));
  const file = join(dir, "prd.md");
  copyFileSync(join(ROOT, "test/fixtures/server/e2e/prd.md"), file);
  const resultFile = join(dir, "result.json");
  const r = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(ROOT, "test/e2e/nvim-quickfix.lua")}`], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60000,
    env: { ...process.env, PMW_SERVER: SERVER, PMW_FILE: file, PMW_ROOT_DIR: dir, PMW_RESULT: resultFile },
  });
  let result: { ok: boolean; error?: string; initial: Array<{ line: number; code: string; source: string }>; applied: string; after: Array<{ code: string }>; steps: string[] };
  try {
    result = JSON.parse(readFileSync(resultFile, "utf8"));
  } catch {
    assert.fail(`nvim wrote no result (status ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
  }
  assert.equal(result.error ?? null, null);
  const text = readFileSync(file, "utf8");
  assert.deepEqual(
    {
      initial: result.initial.map((d) => `${d.source} ${d.code}@${d.line}`),
      applied: result.applied,
      heading: text.split("\n").filter((l) => l.startsWith("## ")),
      after: result.after.filter((d) => d.code === "PM001").length,
    },
    {
      initial: ["pm-workbench PM001@8"],
      applied: 'Insert missing section "Failure criteria"',
      heading: ["## Problem", "## Goals and non-goals", "## Success metrics", "## Failure criteria", "## Open questions"],
      after: 0,
    },
  );
});
