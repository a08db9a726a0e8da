// `npm start`: the packaged extension in a real VS Code on examples/. With a desktop `code` on
// the PATH it opens there (--extensionDevelopmentPath); otherwise code-server, installed on
// first use, serves it at the printed URL until stopped with Ctrl+C.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createProfile, ensureCodeServer, freePort, installExtension, startCodeServer } from "./codeServer.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const examples = path.join(root, "examples");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const vsix = path.join(root, `pm-workbench-${version}.vsix`);

const desktop = spawnSync("code", ["--version"], { encoding: "utf8" });
if (desktop.status === 0 && !process.env.PMW_CODE_SERVER) {
  console.log(`Opening ${examples} in VS Code ${desktop.stdout.split("\n")[0]} with the extension from ${root}`);
  spawnSync("code", ["--extensionDevelopmentPath", root, examples], { stdio: "inherit" });
} else {
  ensureCodeServer();
  const profile = createProfile();
  installExtension(profile, vsix);
  const port = Number(process.env.PMW_PORT ?? (await freePort()));
  const server = await startCodeServer({ profile, workspace: examples, port, stdio: "inherit" });
  console.log(`\nPM Workbench is running in VS Code (code-server) at ${server.url}/?folder=${encodeURIComponent(examples)}\nOpen it in a browser; press Ctrl+C to stop.\n`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise(() => undefined);
}
