// `npm run bench`: the CLI benchmark, then the language-server, MCP, roadmap and VS Code benchmarks when they exist
// (scripts/bench/lsp.mjs is written separately). Output passes straight through.
// Exits non-zero only when a benchmark crashed or failed its own validation, never on timing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
let failed = false;
for (const name of ["cli.mjs", "lsp.mjs", "mcp.mjs", "roadmap.mjs", "timeline.mjs", "vscode.mjs", "nlp.mjs"]) {
  const script = join(here, name);
  if (!existsSync(script)) {
    console.log(`\n(scripts/bench/${name} not found; skipped)`);
    continue;
  }
  console.log(`\n=== scripts/bench/${name} ===\n`);
  const r = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (r.status !== 0) {
    failed = true;
    console.error(`bench: scripts/bench/${name} ${r.error ? `could not run: ${r.error.message}` : `exited with ${r.status ?? r.signal}`}`);
  }
}
process.exitCode = failed ? 1 : 0;
