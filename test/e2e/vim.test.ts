/**
 * A real editor driven like a person: Vim 9 with Debian's ALE in a tmux terminal, set up with the
 * README's own lines (test/e2e/setup/vim.vim). Keys go in through tmux; ALE's diagnostics come
 * out through a small reporting script (test/e2e/vim-report.vim). Skipped only when vim or tmux
 * is absent outside CI.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT } from "../helpers";
import { editorWorkspace, readmeHolds, SPEC_FIXTURE, tmuxSession } from "./editors";

const SETUP = join(ROOT, "test/e2e/setup/vim.vim");
const has = (bin: string, arg: string) => spawnSync(bin, [arg], { encoding: "utf8" }).status === 0;
const hasVim = has("vim", "--version") && has("tmux", "-V") && existsSync("/usr/share/vim-ale");

interface Report {
  seconds: number;
  changedtick: number;
  diagnostics: Array<{ code: string; lnum: number; text: string }>;
}

test("README's Vim set-up block is the file the Vim test loads", () => {
  assert.ok(readmeHolds(SETUP, "vim"), "README.md must hold test/e2e/setup/vim.vim verbatim in a ```vim block");
});

test("vim + ALE: diagnostics, missing-section quick fix from :ALECodeAction, omni completion after '## ', saved file", { skip: !hasVim && !process.env["CI"] ? "vim, tmux or vim-ale is not installed (CI installs them)" : false }, async () => {
  assert.ok(hasVim, "vim, tmux and vim-ale must be installed in CI (.ci/run installs them)");
  const ws = editorWorkspace("pmw-vim-");
  const report = (): Report | null => {
    try {
      return JSON.parse(readFileSync(ws.resultFile, "utf8")) as Report;
    } catch {
      return null;
    }
  };
  const vim = `env PATH='${ws.env["PATH"]!}' PMW_RESULT='${ws.resultFile}' vim -N -i NONE --cmd 'let g:pmw_start = reltime()' -u '${SETUP}' -S '${join(ROOT, "test/e2e/vim-report.vim")}' prd.md`;
  const { keys, screen, until, kill } = tmuxSession("vim", ws.dir, vim);
  try {
    const first = await until("no diagnostics", () => { const r = report(); return r && r.diagnostics.length > 0 ? r : null; });
    if (process.env["PMW_E2E_TIMES"]) console.log(`vim: first diagnostics ${(first.seconds * 1000).toFixed(0)} ms after starting on the spec`);
    const initial = first.diagnostics.map((d) => `${d.code}@${d.lnum}`);

    keys(":8", "Enter", ":ALECodeAction", "Enter");
    const menu = await until("no code action menu", () => {
      const shown = screen();
      return shown.includes("Type number and <Enter>") && shown;
    });
    const choice = /^(\d+)\) Insert missing section/m.exec(menu);
    assert.ok(choice, `no missing-section quick fix in ALE's menu:\n${menu}`);
    const tick = first.changedtick;
    keys(choice[1]!, "Enter");
    await until("the quick fix was not applied", () => readBuffer(report(), tick));

    keys("G", "o", "## ", "C-x", "C-o");
    await until("no completion", () => /-- Omni completion .*(match|Back at original)/.test(screen()));
    keys("Escape", ":w", "Enter");
    const text = await until("the file was not written", () => {
      const t = readFileSync(ws.file, "utf8");
      return t.includes("## Failure criteria") && /\n## \S/.test(t.slice(t.indexOf("## Open questions"))) && t;
    });
    await sleep(300);
    const after = await until("no diagnostics for the saved text", () => {
      const r = report();
      return r && !r.diagnostics.some((d) => d.code === "PM001") && r;
    });
    const before = readFileSync(SPEC_FIXTURE, "utf8");
    const completed = text.split("\n").filter((l) => l.startsWith("## ")).at(-1)!;
    assert.deepEqual(
      {
        initial,
        headings: text.split("\n").filter((l) => l.startsWith("## ")),
        garbage: /\$0|\0|\\\$/.test(text),
        untouched: text.startsWith(before.slice(0, before.indexOf("## Open questions"))),
        missingAfter: after.diagnostics.filter((d) => d.code === "PM001").length,
      },
      {
        initial: ["PM001@8"],
        headings: ["## Problem", "## Goals and non-goals", "## Success metrics", "## Failure criteria", "## Open questions", completed],
        garbage: false,
        untouched: true,
        missingAfter: 0,
      },
    );
    assert.match(completed, /^## [A-Z]/);
  } finally {
    keys("Escape", ":qa!", "Enter");
    await sleep(200);
    kill();
  }
});

/** The report ALE wrote after the buffer changed past `tick`, if any. */
function readBuffer(r: Report | null, tick: number): Report | null {
  return r && r.changedtick > tick ? r : null;
}
