// The real-VS Code harness: the packaged .vsix installed into code-server (the launcher of
// `npm start`), a copy of examples/ as the workspace, and Debian's Chromium driving it. Every
// wait is on something the user would see; a failing step leaves a screenshot behind.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createProfile, ensureCodeServer, freePort, installExtension, launchBrowser, startCodeServer } from "../../scripts/vscode/codeServer.mjs";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SHOTS = path.join(ROOT, "test-results", "vscode");
const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
export const VSIX = path.join(ROOT, `pm-workbench-${version}.vsix`);

export async function openWorkbench() {
  ensureCodeServer();
  mkdirSync(SHOTS, { recursive: true });
  const workspace = mkdtempSync(path.join(tmpdir(), "pmw-ws-"));
  cpSync(path.join(ROOT, "examples"), workspace, { recursive: true });
  const profile = createProfile({ "git.enabled": false, "editor.quickSuggestions": { other: false, comments: false, strings: false }, "files.autoSave": "off" });
  installExtension(profile, VSIX);
  const server = await startCodeServer({ profile, workspace, port: await freePort() });
  const browser = await launchBrowser();
  const page = browser.pages()[0] ?? (await browser.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "ROADMAP.md" }).first().waitFor({ timeout: 60_000 });
  const close = async () => {
    await browser.close().catch(() => undefined);
    server.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(profile.dir, { recursive: true, force: true });
  };
  return { page, workspace, server, errors, close };
}

/** Runs a step; on failure saves `test-results/vscode/<name>.png` and rethrows. */
export async function step(page, name, fn) {
  try {
    return await fn();
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) }).catch(() => undefined);
    throw e;
  }
}

/**
 * Runs a command from the palette. Contributed commands register a few seconds after the
 * workbench shows, and the palette lists what is known when it opens: reopen until it is there.
 */
export async function runCommand(page, title, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  const input = page.locator(".quick-input-widget input");
  for (;;) {
    await page.keyboard.press("Escape");
    await page.keyboard.press("F1");
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 2_000 });
      await page.keyboard.press("Enter");
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}

/** Opens a workspace file by path with Quick Open and waits for its tab. */
export async function openFile(page, relative) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(relative);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: path.basename(relative) }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: path.basename(relative) }).waitFor();
  await page.locator(".monaco-editor.focused").first().waitFor();
}

/** Moves the cursor to a 1-based line with Quick Open's `:LINE`. */
export async function goToLine(page, line) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`:${line}`);
  await page.keyboard.press("Enter");
  await page.locator(".statusbar-item", { hasText: new RegExp(`Ln ${line}, Col`) }).first().waitFor();
}

/** The text of the PM Workbench status bar entry, once it shows `expected`. */
export async function specStatusText(page, expected) {
  const item = page.locator(".statusbar-item", { hasText: expected }).first();
  await item.waitFor({ timeout: 30_000 });
  return (await item.innerText()).replace(/\s+/g, " ").trim();
}
