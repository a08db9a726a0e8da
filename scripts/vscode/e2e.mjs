// `npm run test:e2e`: the packaged extension in a real VS Code (code-server), driven through
// Chromium like a user (test/vscode/*.ui.test.mjs), then mocha in the real extension host through
// @vscode/test-electron's runTests (test/vscode/host/), pointed at code-server by a stand-in
// executable. `npm run package` has built the .vsix first.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runTests } from "@vscode/test-electron";
import { ensureCodeServer } from "./codeServer.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
ensureCodeServer();

const uiDir = path.join(root, "test", "vscode");
// PMW_E2E_ONLY=<text> runs only the test files whose names contain it, in both parts.
const only = process.env.PMW_E2E_ONLY ?? "";
const uiTests = readdirSync(uiDir).filter((f) => f.endsWith(".ui.test.mjs") && f.includes(only)).sort().map((f) => path.join(uiDir, f));
const ui = uiTests.length === 0 ? { status: 0 } : spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...uiTests], { stdio: "inherit" });

/** Runs the host tests of one pass in code-server opened on `open` (a folder or a .code-workspace file). */
async function hostTests(open, pass) {
  const files = readdirSync(path.join(root, "test", "vscode", "host")).filter((f) => f.endsWith(".test.cjs") && f.endsWith(".multi-root.test.cjs") === (pass === "multi-root") && f.includes(only));
  if (files.length === 0) return 0;
  try {
    return await runTests({
      vscodeExecutablePath: path.join(root, "scripts", "vscode", "code-shim.mjs"),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, "test", "vscode", "host", "index.cjs"),
      extensionTestsEnv: { PMW_HOST_WORKSPACE: pass },
      launchArgs: [open],
    });
  } catch (e) {
    console.error(`extension host tests (${pass}) failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

// One folder (the examples), then a workspace of two folders: the examples and a second root
// holding a copy of the roadmap, for what must follow the file's own folder.
const workspace = mkdtempSync(path.join(tmpdir(), "pmw-host-ws-"));
const multi = mkdtempSync(path.join(tmpdir(), "pmw-host-multi-"));
let host = 1;
try {
  cpSync(path.join(root, "examples"), workspace, { recursive: true });
  const first = path.join(multi, "examples");
  const second = path.join(multi, "second-root");
  cpSync(path.join(root, "examples"), first, { recursive: true });
  mkdirSync(second);
  cpSync(path.join(root, "examples", "ROADMAP.md"), path.join(second, "ROADMAP.md"));
  const file = path.join(multi, "multi-root.code-workspace");
  writeFileSync(file, JSON.stringify({ folders: [{ path: first }, { path: second }] }));
  const single = await hostTests(workspace, "single-folder");
  host = single === 0 ? await hostTests(file, "multi-root") : single;
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(multi, { recursive: true, force: true });
}
console.log(`\nreal VS Code: UI tests ${ui.status === 0 ? "passed" : "FAILED"}, extension host tests ${host === 0 ? "passed" : "FAILED"}`);
process.exit(ui.status === 0 && host === 0 ? 0 : 1);
