// CLI benchmark: `pmw lint` against markdownlint-cli2 (default rules) on the same generated
// files, one after the other, timed from spawn to exit. Every run is validated (exit code,
// output, file count), because a benchmark that silently times a crash is worthless.
// Exits 1 only when a run crashed or linted the wrong files, never on a timing target.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import { ensureCorpus, ROOT } from "./corpus.mjs";

const PMW = join(ROOT, "dist", "cli.js");
const MDL_PKG = join(ROOT, "node_modules", "markdownlint-cli2");
const HUGE_RUNS = 3;
const FOLDER_RUNS = 3; // pmw is cheap to repeat; a median resists a noisy neighbour on a shared machine
const TIMEOUT_MS = 30 * 60 * 1000; // markdownlint-cli2 needs minutes on the folder; a hang must still end
const MAX_BUFFER = 1 << 30; // pmw's JSON for 2,000 files is tens of MB

const problems = [];
const fail = (msg) => {
  problems.push(msg);
  console.log(`  !! ${msg}`);
};

/**
 * CPU seconds (user + system) of the children this process has waited for, from /proc (Linux;
 * null elsewhere). On a shared machine wall time swings with other people's work; CPU time much
 * less, so printing both shows whether a slow run was slow code or a busy machine.
 */
function childCpuSeconds() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // f[0] is field 3 (state)
    return (Number(f[13]) + Number(f[14])) / 100; // cutime + cstime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

/** Runs `node script args` and times it from spawn to exit, as a user at a shell would see it. */
function timed(label, script, args, cwd) {
  process.stdout.write(`  ${label} ... `);
  const cpu0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: "utf8", maxBuffer: MAX_BUFFER, timeout: TIMEOUT_MS });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childCpuSeconds();
  const cpu = cpu0 == null || cpu1 == null ? null : cpu1 - cpu0;
  console.log(`${seconds.toFixed(2)} s wall${cpu == null ? "" : `, ${cpu.toFixed(2)} s CPU`} (exit ${r.status ?? r.signal})`);
  if (r.error) fail(`${label}: ${r.error.message}`);
  return { seconds, cpu, status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
}

/** pmw must exit 0 (clean) or 1 (findings), print JSON for every file, and really lint them. */
function checkPmw(label, run, expectedFiles) {
  if (run.error) return null;
  if (run.status !== 0 && run.status !== 1) {
    fail(`${label}: exit ${run.status ?? run.signal}, expected 0 or 1\n${run.stderr.slice(0, 2000)}`);
    return null;
  }
  let reports;
  try {
    reports = JSON.parse(run.stdout);
  } catch (e) {
    fail(`${label}: output is not JSON (${e.message}); stderr: ${run.stderr.slice(0, 500)}`);
    return null;
  }
  if (!Array.isArray(reports) || reports.length !== expectedFiles) {
    fail(`${label}: JSON lists ${Array.isArray(reports) ? reports.length : "no"} files, expected ${expectedFiles}`);
    return null;
  }
  const findings = reports.reduce((n, r) => n + r.findings.length, 0);
  // A skipped file (over maxFileSize) or a rule that threw would make the timing look better than it is.
  const tooLarge = reports.filter((r) => r.findings.some((f) => f.rule === "file-too-large")).length;
  if (tooLarge) fail(`${label}: ${tooLarge} file(s) were skipped as too large, so not linted`);
  const ruleErrors = run.stderr.split("\n").filter((l) => / failed on .* and was skipped/.test(l)).length;
  if (ruleErrors) fail(`${label}: ${ruleErrors} rule crash(es) reported on stderr, e.g. ${run.stderr.split("\n").find((l) => l.includes("failed on"))}`);
  return findings;
}

/** markdownlint-cli2 exits 1 for findings (expected) and 2 for a failure; it logs what it linted. */
function checkMdl(label, run, expectedFiles) {
  if (run.error) return null;
  if (run.status !== 0 && run.status !== 1) {
    fail(`${label}: exit ${run.status ?? run.signal}, expected 0 or 1\n${run.stderr.slice(0, 2000)}`);
    return null;
  }
  const out = run.stdout + run.stderr;
  const linted = Number(/Linting: (\d+) file/.exec(out)?.[1] ?? NaN);
  if (linted !== expectedFiles) {
    fail(`${label}: linted ${Number.isNaN(linted) ? "an unknown number of" : linted} file(s), expected ${expectedFiles}`);
    return null;
  }
  return Number(/Summary: (\d+) error/.exec(out)?.[1] ?? NaN);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtInt = (n) => (n == null || Number.isNaN(n) ? "n/a" : n.toLocaleString("en-US"));
const fmtS = (s) => (s == null ? "n/a" : `${s.toFixed(2)} s`);
const fmtMBs = (bytes, s) => (s ? (bytes / 1e6 / s).toFixed(2) : "n/a");

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function main() {
  if (!existsSync(PMW)) {
    console.error(`bench: ${relative(ROOT, PMW)} is missing; run \`npm run build\` first (npm run bench does)`);
    return 1;
  }
  const mdlPkg = JSON.parse(readFileSync(join(MDL_PKG, "package.json"), "utf8"));
  const mdlBin = join(MDL_PKG, typeof mdlPkg.bin === "string" ? mdlPkg.bin : Object.values(mdlPkg.bin)[0]);

  const cpus = os.cpus();
  console.log("PM Workbench CLI benchmark");
  console.log(`machine: ${cpus[0]?.model ?? "unknown CPU"} x ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.arch()}; node ${process.version}; markdownlint-cli2 ${mdlPkg.version}`);
  const c = ensureCorpus({ log: (m) => console.log(m) });
  console.log(`folder: ${fmtInt(c.files)} files, ${fmtInt(c.corpusLines)} lines, ${(c.corpusBytes / 1e6).toFixed(1)} MB (bench-out/corpus)`);
  console.log(`huge:   1 file, ${fmtInt(c.hugeLines)} lines, ${(c.hugeBytes / 1e6).toFixed(1)} MB (bench-out/huge/huge.md)`);

  // markdownlint-cli2 reads config from its cwd and below; running it in bench-out/ with only
  // `default: true` keeps any repository config (or a future one) out of the measurement.
  writeFileSync(join(c.outDir, ".markdownlint-cli2.jsonc"), '// Written by scripts/bench/cli.mjs: markdownlint default rules, nothing else.\n{ "config": { "default": true } }\n');
  const hugeRel = relative(c.outDir, c.hugeFile).split("\\").join("/");

  const load0 = os.loadavg()[0];
  console.log("\nruns (sequential):");
  const pmwFolder = [];
  const pmwFolderCpu = [];
  let pmwFolderFindings = null;
  let pmwFolderExit = null;
  for (let i = 1; i <= FOLDER_RUNS; i++) {
    const run = timed(`pmw lint folder #${i}`, PMW, ["lint", relative(ROOT, c.corpusDir), "--format", "json"], ROOT);
    const f = checkPmw(`pmw lint folder #${i}`, run, c.files);
    pmwFolderExit = run.status ?? run.signal;
    if (f != null) {
      pmwFolder.push(run.seconds);
      pmwFolderCpu.push(run.cpu);
      pmwFolderFindings = f;
    }
  }
  const mdlFolder = timed("markdownlint-cli2 folder (takes minutes)", mdlBin, [`${relative(c.outDir, c.corpusDir)}/**/*.md`], c.outDir);
  const mdlFolderFindings = checkMdl("markdownlint-cli2 folder", mdlFolder, c.files);
  const pmwHuge = [];
  const pmwHugeCpu = [];
  let pmwHugeFindings = null;
  let pmwHugeExit = null;
  for (let i = 1; i <= HUGE_RUNS; i++) {
    const run = timed(`pmw lint huge.md #${i}`, PMW, ["lint", relative(ROOT, c.hugeFile), "--format", "json"], ROOT);
    const f = checkPmw(`pmw lint huge.md #${i}`, run, 1);
    pmwHugeExit = run.status ?? run.signal;
    if (f != null) {
      pmwHuge.push(run.seconds);
      pmwHugeCpu.push(run.cpu);
      pmwHugeFindings = f;
    }
  }
  const mdlHuge = timed("markdownlint-cli2 huge.md", mdlBin, [hugeRel], c.outDir);
  const mdlHugeFindings = checkMdl("markdownlint-cli2 huge.md", mdlHuge, 1);

  // A timing only counts when its run was valid.
  const ok = (run, findings) => (findings == null ? null : run.seconds);
  const okCpu = (run, findings) => (findings == null ? null : run.cpu);
  const medianOrNull = (xs) => (xs.length && xs.every((x) => x != null) ? median(xs) : null);
  const pF = medianOrNull(pmwFolder);
  const pFc = medianOrNull(pmwFolderCpu);
  const mF = ok(mdlFolder, mdlFolderFindings);
  const mFc = okCpu(mdlFolder, mdlFolderFindings);
  const pHmed = medianOrNull(pmwHuge);
  const pHc = medianOrNull(pmwHugeCpu);
  const pHbest = pmwHuge.length ? Math.min(...pmwHuge) : null;
  const pHbestCpu = pmwHugeCpu.length && pmwHugeCpu.every((x) => x != null) ? Math.min(...pmwHugeCpu) : null;
  const mH = ok(mdlHuge, mdlHugeFindings);
  const mHc = okCpu(mdlHuge, mdlHugeFindings);
  const ratio = (slow, fast) => (slow && fast ? `${(slow / fast).toFixed(1)}x` : "n/a");
  const folder = `folder (${fmtInt(c.files)} files)`;
  const huge = `huge.md (${fmtInt(c.hugeLines)} lines)`;

  console.log("\nresults (MB/s from wall time; the speed-up is markdownlint-cli2's time / pmw's):\n");
  console.log(
    table(
      ["case", "tool", "wall time", "CPU time", "MB/s", "findings", "exit", "speed-up wall", "speed-up CPU"],
      [
        [folder, `pmw lint, median of ${FOLDER_RUNS}`, fmtS(pF), fmtS(pFc), fmtMBs(c.corpusBytes, pF), fmtInt(pmwFolderFindings), pmwFolderExit, ratio(mF, pF), ratio(mFc, pFc)],
        [folder, "markdownlint-cli2", fmtS(mF), fmtS(mFc), fmtMBs(c.corpusBytes, mF), fmtInt(mdlFolderFindings), mdlFolder.status ?? mdlFolder.signal, "", ""],
        [huge, `pmw lint, median of ${HUGE_RUNS}`, fmtS(pHmed), fmtS(pHc), fmtMBs(c.hugeBytes, pHmed), fmtInt(pmwHugeFindings), pmwHugeExit, ratio(mH, pHmed), ratio(mHc, pHc)],
        [huge, `pmw lint, best of ${HUGE_RUNS}`, fmtS(pHbest), fmtS(pHbestCpu), fmtMBs(c.hugeBytes, pHbest), "", "", ratio(mH, pHbest), ratio(mHc, pHbestCpu)],
        [huge, "markdownlint-cli2", fmtS(mH), fmtS(mHc), fmtMBs(c.hugeBytes, mH), fmtInt(mdlHugeFindings), mdlHuge.status ?? mdlHuge.signal, "", ""],
      ],
    ),
  );
  const list = (xs) => (xs.length ? xs.map((s) => `${s.toFixed(2)} s`).join(", ") : "none valid");
  console.log(`\npmw folder runs: ${list(pmwFolder)}; pmw huge.md runs: ${list(pmwHuge)}`);
  console.log(`load average (1 min) before: ${load0.toFixed(2)}, after: ${os.loadavg()[0].toFixed(2)} on ${cpus.length} CPUs; wall time well above CPU time means other work competed for the CPUs`);
  console.log("findings differ by design: pmw checks spec content, markdownlint-cli2 checks Markdown style.");

  // Targets are reported, not enforced: timings vary by machine and load, crashes do not.
  const verdict = (pass) => (pass == null ? "n/a" : pass ? "met" : "MISSED");
  const folderPass = pF && mF ? mF / pF >= 10 : null;
  const hugePass = pHmed != null ? pHmed < 1 : null;
  console.log(`targets: folder >= 10x faster than markdownlint-cli2: ${verdict(folderPass)} (${ratio(mF, pF)}); 100k-line file < 1 s: ${verdict(hugePass)} (median ${fmtS(pHmed)}, best ${fmtS(pHbest)})`);

  if (problems.length) {
    console.log(`\n${problems.length} run(s) failed validation; their timings are left out:`);
    for (const p of problems) console.log(`  - ${p.split("\n")[0]}`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
