/**
 * A real editor: headless Neovim (Debian's package, 0.7+), set up with the README's own lines
 * (test/e2e/setup/neovim-0.7.lua, `pmw` on PATH), drives the built server through its own LSP
 * client, applies the quick fix for a missing section and writes the file; then, in a tmux
 * terminal like a person, completes a heading after "## " with Ctrl-X Ctrl-O and saves.
 * Skipped only when nvim is absent outside CI; in CI (.ci/run installs neovim) it must run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers";
import { editorWorkspace, readmeHolds, SPEC_FIXTURE, tmuxSession } from "./editors";

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

const hasTmux = spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;

test("neovim in a terminal: Ctrl-X Ctrl-O after '## ' inserts a missing section's heading, nothing else", { skip: !(hasNvim && hasTmux) && !process.env["CI"] ? "nvim or tmux is not installed (CI installs them)" : false }, async () => {
  assert.ok(hasNvim && hasTmux, "nvim and tmux must be installed in CI (.ci/run installs them)");
  const ws = editorWorkspace("pmw-nvim-tmux-");
  const nvim = `env PATH='${ws.env["PATH"]!}' nvim -i NONE -n -u '${SETUP}' prd.md`;
  const { keys, screen, until, kill } = tmuxSession("nvim", ws.dir, nvim);
  try {
    // The virtual text of the first finding: the server is attached and has linted the buffer.
    await until("no diagnostics on screen", () => screen().includes("Missing required section"));
    keys("G", "o", "## ", "C-x", "C-o");
    // The pop-up menu lists the missing section first, with its catalog id.
    await until("no completion menu", () => /Failure criteria .*failure-criteria · required/.test(screen()));
    keys("Escape", ":w", "Enter");
    const before = readFileSync(SPEC_FIXTURE, "utf8");
    const text = await until("the file was not written", () => {
      const t = readFileSync(ws.file, "utf8");
      return t.length > before.length && t;
    });
    const added = text.slice(before.length).trimEnd();
    assert.deepEqual({ kept: text.startsWith(before), garbage: /\$0|\0|\\\$/.test(text), added }, { kept: true, garbage: false, added: "## Failure criteria" });
  } finally {
    keys("Escape", ":qa!", "Enter");
    kill();
  }
});
