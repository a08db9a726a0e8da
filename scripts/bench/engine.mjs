// What the roadmap and timeline benches share: the engine bundled for in-process timing, and the
// language server started over stdio with the handlers a quiet client needs.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import esbuild from "esbuild";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { ROOT } from "./corpus.mjs";

/** Bundles `contents` (exports from src/, resolved from the repository root) into `dir` and imports it. */
export async function bundleEngine(dir, contents) {
  const entry = join(dir, "engine.cjs");
  await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // As in esbuild.mjs: jsonc-parser's UMD build hides its requires from the bundler.
    mainFields: ["module", "main"],
    define: { PMW_VERSION: '"bench"' },
    outfile: entry,
    logLevel: "warning",
  });
  return (await import(pathToFileURL(entry).href)).default;
}

/** dist/server.js on `dir`, initialized with `capabilities`; `stop()` shuts it down. */
export async function startServer(dir, capabilities) {
  const proc = spawn(process.execPath, [join(ROOT, "dist", "server.js"), "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onRequest("workspace/configuration", (p) => p.items.map(() => ({})));
  conn.onRequest("client/registerCapability", () => null);
  conn.onNotification("textDocument/publishDiagnostics", () => undefined);
  conn.onNotification("pm/roadmapChanged", () => undefined);
  conn.listen();
  const rootUri = pathToFileURL(dir).href;
  await conn.sendRequest("initialize", { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: "bench" }], capabilities });
  await conn.sendNotification("initialized", {});
  const stop = async () => {
    await conn.sendRequest("shutdown");
    await conn.sendNotification("exit");
    conn.dispose();
  };
  return { proc, conn, stop };
}
