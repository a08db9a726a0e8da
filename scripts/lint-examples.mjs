// `npm run lint:examples`: lint the sample workspace and show the report. Findings are the point of the
// demo, so exit 1 (findings) is success here; a crash or usage error (2) is not.
import { spawnSync } from "node:child_process";

const r = spawnSync(process.execPath, ["dist/cli.js", "lint", "examples"], { stdio: "inherit" });
process.exitCode = r.status === 0 || r.status === 1 ? 0 : (r.status ?? 1);
