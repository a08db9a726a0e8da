// `npm run accuracy`: bundles the corpus report like the tests are bundled, then runs it.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import path from "node:path";

await esbuild.build({
  entryPoints: ["test/accuracy/report.ts"],
  outfile: "out/accuracy/report.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  mainFields: ["module", "main"],
  logLevel: "warning",
  define: { PMW_ROOT: JSON.stringify(path.resolve(".")), PMW_VERSION: '"accuracy"' },
});
const r = spawnSync(process.execPath, ["out/accuracy/report.js"], { stdio: "inherit" });
process.exit(r.status ?? 1);
