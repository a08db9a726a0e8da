/**
 * `pmw mcp`: the MCP server over stdio. Bundled apart from the CLI (dist/mcp.js) so the SDK is
 * loaded only when this command runs. stdout carries only the protocol; logs go to stderr.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { RootsListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { Engine } from "./engine";
import { Roots } from "./roots";
import { createPmServer } from "./server";

export const MCP_USAGE = `Usage: pmw mcp [--root DIR] [--allow-writes]
  --root DIR       Workspace root (default: the client's roots, else the current folder)
  --allow-writes   Enable new_spec and apply_fixes`;

const log = (line: string) => process.stderr.write(`${line}\n`);

function folderOrThrow(dir: string, what: string): string {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new Error(`${what} ${dir} is not a folder; pass an existing folder`);
  return dir;
}

/** Parses the arguments (throwing on bad ones) and starts serving on stdin/stdout. */
export function runMcp(args: string[], cwd: string): void {
  const { values, positionals } = parseArgs({ args, options: { root: { type: "string" }, "allow-writes": { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new Error(`pmw mcp takes no operands, not "${positionals.join(" ")}"\n\n${MCP_USAGE}`);
  const fixedRoot = values.root !== undefined ? folderOrThrow(resolve(cwd, values.root), "--root") : null;

  let roots: Promise<Roots> | null = fixedRoot ? Promise.resolve(new Roots([fixedRoot])) : null;
  let rootsReady: (r: Roots) => void = () => {};
  const firstRoots = new Promise<Roots>((res) => (rootsReady = res));

  const engine = new Engine(() => roots ?? firstRoots, log);
  const server = createPmServer({ engine, allowWrites: values["allow-writes"] }, log);

  // Without --root the client's file:// roots decide; a client that offers none gets the current folder.
  const askClient = async (): Promise<Roots> => {
    const fallback = new Roots([cwd]);
    if (!server.server.getClientCapabilities()?.roots) {
      log(`pmw mcp: the client offers no roots; using ${cwd} as the workspace root`);
      return fallback;
    }
    try {
      const { roots: listed } = await server.server.listRoots(undefined, { timeout: 10_000 });
      const folders = listed.filter((r) => r.uri.startsWith("file://")).map((r) => fileURLToPath(r.uri));
      if (folders.length === 0) {
        log(`pmw mcp: the client lists no file roots; using ${cwd}`);
        return fallback;
      }
      return new Roots(folders);
    } catch (e) {
      log(`pmw mcp: roots/list failed (${(e as Error).message}); using ${cwd}`);
      return fallback;
    }
  };
  if (!fixedRoot) {
    server.server.oninitialized = () => {
      void askClient().then((r) => {
        roots = Promise.resolve(r);
        rootsReady(r);
      });
    };
    server.server.setNotificationHandler(RootsListChangedNotificationSchema, () => {
      roots = askClient();
    });
  }

  const transport = new StdioServerTransport();
  transport.onclose = () => process.exit(0);
  process.stdin.on("end", () => process.exit(0));
  server.connect(transport).then(
    () => log(`pmw mcp: serving over stdio${fixedRoot ? ` for ${fixedRoot}` : ""}${values["allow-writes"] ? " (writes allowed)" : " (read-only)"}`),
    (e: unknown) => {
      log(`pmw mcp: cannot start: ${(e as Error).message}`);
      process.exit(2);
    },
  );
}
