/** Shared by the real-editor tests: a temp copy of the e2e spec and `pmw` on PATH, as the README's set-up lines expect. */
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
