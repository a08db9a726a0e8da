/** Shared by the real-editor tests: a temp copy of the e2e spec and `pmw` on PATH, as the README's set-up lines expect. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, ROOT } from "../helpers";

export const SPEC_FIXTURE = join(ROOT, "test/fixtures/server/e2e/prd.md");

export function editorWorkspace(prefix: string): { dir: string; file: string; resultFile: string; env: NodeJS.ProcessEnv } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const file = join(dir, "prd.md");
  copyFileSync(SPEC_FIXTURE, file);
  const bin = join(dir, ".bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "pmw"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, "pmw"), 0o755);
  const resultFile = join(dir, "result.json");
  return { dir, file, resultFile, env: { ...process.env, PATH: `${bin}:${process.env["PATH"] ?? ""}`, PMW_FILE: file, PMW_RESULT: resultFile } };
}

/** True when README.md holds `file` verbatim inside a fenced block of `lang`. */
export function readmeHolds(file: string, lang: string): boolean {
  return readFileSync(join(ROOT, "README.md"), "utf8").includes("```" + lang + "\n" + readFileSync(file, "utf8") + "```\n");
}

/** A terminal editor in a private tmux server, typed at like a person and read off its screen. */
export function tmuxSession(name: string, dir: string, command: string) {
  const socket = `pmw-e2e-${name}-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const started = tmux("new-session", "-d", "-s", "pmw", "-x", "160", "-y", "50", "-c", dir, command);
  assert.equal(started.status, 0, started.stderr);
  const screen = () => tmux("capture-pane", "-p", "-t", "pmw").stdout;
  return {
    keys: (...k: string[]) => tmux("send-keys", "-t", "pmw", ...k),
    screen,
    /** Polls `probe` until it gives a value; fails with the screen as the editor shows it. */
    async until<T>(what: string, probe: () => T | null | undefined | false, ms = 20000): Promise<T> {
      const end = Date.now() + ms;
      for (;;) {
        const v = probe();
        if (v) return v;
        if (Date.now() > end) assert.fail(`${name}: ${what} within ${ms} ms; screen:\n${screen()}`);
        await sleep(20);
      }
    },
    kill: () => tmux("kill-server"),
  };
}
