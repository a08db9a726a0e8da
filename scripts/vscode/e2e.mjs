// `npm run test:e2e`: the packaged extension in a real VS Code (code-server), driven through
// Chromium like a user (test/vscode/*.ui.test.mjs), then mocha in the real extension host through
// @vscode/test-electron's runTests (test/vscode/host/), pointed at code-server by a stand-in
// executable. `npm run package` has built the .vsix first.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
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

const workspace = mkdtempSync(path.join(tmpdir(), "pmw-host-ws-"));
cpSync(path.join(root, "examples"), workspace, { recursive: true });
let host = 1;
try {
  host = await runTests({
    vscodeExecutablePath: path.join(root, "scripts", "vscode", "code-shim.mjs"),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, "test", "vscode", "host", "index.cjs"),
    launchArgs: [workspace],
  });
} catch (e) {
  console.error(`extension host tests failed: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`\nreal VS Code: UI tests ${ui.status === 0 ? "passed" : "FAILED"}, extension host tests ${host === 0 ? "passed" : "FAILED"}`);
process.exit(ui.status === 0 && host === 0 ? 0 : 1);
