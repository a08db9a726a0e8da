/**
 * A real editor: headless Neovim (Debian's package, 0.7+), set up with the README's own lines
 * (test/e2e/setup/neovim-0.7.lua, `pmw` on PATH), drives the built server through its own LSP
 * client, applies the quick fix for a missing section and writes the file.
 * Skipped only when nvim is absent outside CI; in CI (.ci/run installs neovim) it must run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers";
import { editorWorkspace, readmeHolds } from "./editors";

const SETUP = join(ROOT, "test/e2e/setup/neovim-0.7.lua");

test("README's Neovim 0.7 set-up block is the file this test loads", () => {
  assert.ok(readmeHolds(SETUP, "lua"), "README.md must hold test/e2e/setup/neovim-0.7.lua verbatim in a ```lua block");
});

const hasNvim = spawnSync("nvim", ["--version"], { encoding: "utf8" }).status === 0;

test("neovim: diagnostics, quick fix for a missing section, file written, diagnostic gone", { skip: !hasNvim && !process.env["CI"] ? "nvim is not installed (CI installs it)" : false }, () => {
  assert.ok(hasNvim, "nvim must be installed in CI (.ci/run installs it)");
  const ws = editorWorkspace("pmw-nvim-");
  const r = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${SETUP}`, "-c", `luafile ${join(ROOT, "test/e2e/nvim-quickfix.lua")}`], { cwd: ws.dir, encoding: "utf8", timeout: 60000, env: ws.env });
  let result: { ok: boolean; error?: string; first_diagnostics_ms: number; initial: Array<{ line: number; code: string; source: string }>; applied: string; after: Array<{ code: string }>; steps: string[] };
  try {
    result = JSON.parse(readFileSync(ws.resultFile, "utf8"));
  } catch {
    assert.fail(`nvim wrote no result (status ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
  }
  assert.equal(result.error ?? null, null);
  if (process.env["PMW_E2E_TIMES"]) console.log(`neovim: first diagnostics ${result.first_diagnostics_ms.toFixed(0)} ms after opening`);
  const text = readFileSync(ws.file, "utf8");
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
