#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests (`vscodeExecutablePath`):
// it takes the Electron-style arguments runTests passes and runs the tests in code-server's
// extension host instead, opened in headless Chromium through VS Code web's `payload`
// parameter. The exit code is the one the test runner reports through codeAutomationExit.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { format } from "node:util";
import { createProfile, freePort, launchBrowser, startCodeServer } from "./codeServer.mjs";

const argv = process.argv.slice(2);
const values = (name) => argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const developmentPaths = values("extensionDevelopmentPath");
const testsPath = values("extensionTestsPath")[0];
const workspace = argv.find((a) => !a.startsWith("-"));
if (!testsPath) {
  console.error("code-shim: only extension test runs are supported (--extensionTestsPath=...)");
  process.exit(2);
}

const NOISE = /open-vsx|ENOTFOUND|AgentHost|authentication provider|connection token|Creating a socket|onWillSaveTextDocument|Service Worker|^\s+at /;
const timeoutMs = Number(process.env.PMW_HOST_TESTS_TIMEOUT_MS ?? 300_000);
const profile = createProfile({ "git.enabled": false });
const port = await freePort();
const server = await startCodeServer({ profile, workspace, port });
const browser = await launchBrowser();
let exitCode = 1;
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction("codeAutomationLog", (type, args) => {
    const text = format(...(args ?? []));
    // The workbench's own chatter on a machine without a marketplace: not the tests' output.
    if (NOISE.test(text)) return;
    (type === "error" ? console.error : console.log)(text);
  });
  await page.exposeFunction("codeAutomationExit", (code) => finish(code));
  const host = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [...developmentPaths.map((p) => ["extensionDevelopmentPath", remote(p)]), ["extensionTestsPath", remote(testsPath)], ["skipWelcome", "true"]];
  const opened = !workspace ? "ew=true&" : `${workspace.endsWith(".code-workspace") ? "workspace" : "folder"}=${encodeURIComponent(path.resolve(workspace))}&`;
  await page.goto(`${server.url}/?${opened}payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const timer = new Promise((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref());
  const result = await Promise.race([finished, timer]);
  if (result === "timeout") {
    const shots = path.resolve("test-results", "vscode");
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "host-tests-timeout.png") }).catch(() => undefined);
    console.error(`code-shim: the extension tests did not finish within ${timeoutMs / 1000} s\n${server.log()}`);
  } else exitCode = result;
} finally {
  await browser.close().catch(() => undefined);
  server.stop();
}
process.exit(exitCode);
