// Libraries against the hand-written language code, in one run: for each candidate (an NLP or
// numeral library swapped into a bundled copy of the engine, src/ untouched), the accuracy on the
// labelled sets, the `pmw lint` time on the bench corpus and the 100k-line file, and the size of
// dist/cli.js, server.js and mcp.js and so of the .vsix, each beside the current code.
// Offline and deterministic: the libraries are devDependencies, installed by `npm ci`.
// Usage: node scripts/bench/nlp.mjs [--runs 3] [--only id,id] [--timeout 60] [--keystroke]
// Exits 1 only when a build or a run failed, never on a figure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import { deflateRawSync } from "node:zlib";
import esbuild from "esbuild";
import { ensureCorpus, OUT, ROOT } from "./corpus.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(arg("--runs", 3)) || 3;
const ONLY = arg("--only", "").split(",").filter(Boolean);
const KEYSTROKE = args.includes("--keystroke");
// A candidate that makes one lint this slow has lost already; later runs of it are skipped.
const TIMEOUT_S = Number(arg("--timeout", 60)) || 60;
const SETS = ["corpus", "held-out", "held-out-2", "held-out-3"];
const VSIX = join(ROOT, "pm-workbench-0.1.0.vsix");
const VSIX_LIMIT = 1024 * 1024;
const version = (pkg) => JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;

/**
 * The candidates. `patch` is a module in scripts/bench/nlp/ imported before the engine (it
 * replaces a method or wraps a test); `transform` edits a source file in the bundled copy only.
 */
const CANDIDATES = [
  { id: "current", library: "current hand-written code", replaces: "" },
  {
    id: "compromise-negation",
    library: `compromise ${version("compromise")}`,
    packages: ["compromise"],
    replaces: "English negation scope of a decision verb (RedLineModel negatedAt/governs)",
    patch: "compromise-negation.mjs",
  },
  {
    id: "compromise-verbs",
    library: `compromise ${version("compromise")}`,
    packages: ["compromise"],
    replaces: "English decision verbs by prefix term: only words compromise tags as verbs count",
    patch: "compromise-verbs.mjs",
  },
  {
    id: "words-to-numbers",
    library: `words-to-numbers ${version("words-to-numbers")}`,
    packages: ["words-to-numbers", "clj-fuzzy", "its-set", "babel-runtime", "core-js"],
    replaces: "English number words (NUMBER_WORDS)",
    patch: "words-to-numbers.mjs",
    transform: { file: "src/core/data/quantities.ts", find: /export const NUMBER_WORDS[\s\S]*?\n\];/, replace: 'export const NUMBER_WORDS: readonly string[] = ["percent", "per cent"];' },
  },
  {
    id: "compromise-numbers",
    library: `compromise ${version("compromise")} .numbers()`,
    packages: ["compromise"],
    replaces: "English number words (NUMBER_WORDS)",
    patch: "compromise-numbers.mjs",
    transform: { file: "src/core/data/quantities.ts", find: /export const NUMBER_WORDS[\s\S]*?\n\];/, replace: 'export const NUMBER_WORDS: readonly string[] = ["percent", "per cent"];' },
  },
  {
    id: "nzh",
    library: `nzh ${version("nzh")}`,
    packages: ["nzh"],
    replaces: "Chinese numerals (ZH_DIGITS)",
    patch: "nzh.mjs",
    transform: { file: "src/core/data/quantities.ts", find: /export const ZH_DIGITS = "[^"]*";/, replace: 'export const ZH_DIGITS = "";' },
  },
  {
    id: "segmenter-zh-words",
    library: "Intl.Segmenter (zh, word; built in)",
    packages: [],
    replaces: "substring matching of Chinese red-line terms",
    patch: "segmenter-zh-words.mjs",
  },
].filter((c) => c.id === "current" || !ONLY.length || ONLY.includes(c.id));

let failed = false;
const fail = (msg) => {
  failed = true;
  console.log(`  !! ${msg}`);
};

/** Edits one source file of the bundled copy; a pattern that no longer matches is an error, not a silent no-op. */
const transformPlugin = (t) => ({
  name: "bench-transform",
  setup(build) {
    if (!t) return;
    const file = join(ROOT, t.file);
    build.onLoad({ filter: /\.ts$/ }, (a) => {
      if (a.path !== file) return undefined;
      const src = readFileSync(file, "utf8");
      if (!t.find.test(src)) return { errors: [{ text: `${t.file}: the bench's pattern ${t.find} no longer matches; update scripts/bench/nlp.mjs` }] };
      return { contents: src.replace(t.find, t.replace), loader: "ts" };
    });
  },
});

const importPatch = (c) => (c.patch ? `import ${JSON.stringify(join(ROOT, "scripts", "bench", "nlp", c.patch))};\n` : "");

/** The entry points as esbuild.mjs builds them, with the candidate's patch imported first. */
const entryPlugin = (c) => ({
  name: "bench-entries",
  setup(build) {
    build.onResolve({ filter: /^entry:/ }, (a) => ({ path: a.path.slice(6), namespace: "entry" }));
    build.onLoad({ filter: /.*/, namespace: "entry" }, (a) => ({ contents: `${importPatch(c)}import ${JSON.stringify(join(ROOT, a.path))};\n`, resolveDir: ROOT, loader: "js" }));
  },
});

async function build(c) {
  const dir = join(OUT, "nlp", c.id);
  mkdirSync(dir, { recursive: true });
  const common = { bundle: true, platform: "node", target: "node20", format: "cjs", mainFields: ["module", "main"], logLevel: "error" };
  // As `npm run package` builds dist/ for the .vsix (esbuild.mjs --minify), without the source maps it leaves out.
  const dist = await esbuild.build({
    ...common,
    entryPoints: { cli: "entry:src/cli/main.ts", server: "entry:src/server/main.ts", mcp: "entry:src/mcp/main.ts" },
    outdir: dir,
    minify: true,
    metafile: true,
    define: { PMW_VERSION: JSON.stringify(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version) },
    banner: { js: "#!/usr/bin/env node" },
    plugins: [entryPlugin(c), transformPlugin(c.transform)],
  });
  const report = `${importPatch(c)}import { join } from "node:path";
import { loadCorpus, runCorpus } from ${JSON.stringify(join(ROOT, "test", "accuracy", "harness.ts"))};
const out = {};
for (const set of ${JSON.stringify(SETS)}) out[set] = runCorpus(loadCorpus(join(PMW_ROOT, "test", "accuracy", set))).map((o) => ({ id: o.c.id, key: o.key, lang: o.c.lang, expect: o.c.expect, actual: o.actual }));
process.stdout.write(JSON.stringify(out));
`;
  await esbuild.build({
    ...common,
    stdin: { contents: report, resolveDir: ROOT, loader: "js" },
    outfile: join(dir, "accuracy.cjs"),
    define: { PMW_ROOT: JSON.stringify(ROOT), PMW_VERSION: '"bench"' },
    plugins: [transformPlugin(c.transform)],
  });
  const files = {};
  for (const name of ["cli.js", "server.js", "mcp.js"]) {
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const inputs = dist.metafile.outputs[relative(ROOT, path)]?.inputs ?? {};
    const library = Object.entries(inputs)
      .filter(([p]) => (c.packages ?? []).some((pkg) => p.includes(`node_modules/${pkg}/`)))
      .reduce((n, [, v]) => n + v.bytesInOutput, 0);
    files[name] = { bytes: bytes.length, deflated: deflateRawSync(bytes).length, library };
  }
  return { dir, files };
}

function accuracy(c, dir) {
  const r = spawnSync(process.execPath, [join(dir, "accuracy.cjs")], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    fail(`${c.id}: the accuracy run exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 500)}`);
    return null;
  }
  return JSON.parse(r.stdout);
}

function score(outcomes, key) {
  const s = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const o of outcomes) if (!key || o.key === key) s[o.expect === "finding" ? (o.actual === "finding" ? "tp" : "fn") : o.actual === "finding" ? "fp" : "tn"]++;
  return s;
}
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : "n/a");
const pr = (s) => `${pct(s.tp, s.tp + s.fp)} / ${pct(s.tp, s.tp + s.fn)}`;

/**
 * CPU seconds (user + system) of the children this process has waited for, from /proc (Linux;
 * null elsewhere): on a shared machine wall time swings with other people's work, CPU time less.
 */
function childCpuSeconds() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return null;
  }
}

/** `pmw lint` with the candidate's cli.js: exit 0 or 1, JSON for every file, no rule crash. */
function lint(c, dir, target, files) {
  const cpu0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(dir, "cli.js"), "lint", target, "--format", "json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30, timeout: TIMEOUT_S * 1000 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childCpuSeconds();
  if (r.error?.code === "ETIMEDOUT") return { timedOut: true };
  if (r.status !== 0 && r.status !== 1) return fail(`${c.id}: pmw lint ${target} exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 300)}`);
  const reports = JSON.parse(r.stdout);
  if (reports.length !== files) return fail(`${c.id}: pmw lint ${target} reported ${reports.length} files, expected ${files}`);
  if (/ failed on .* and was skipped/.test(r.stderr)) return fail(`${c.id}: a rule crashed: ${r.stderr.split("\n").find((l) => l.includes("failed on"))}`);
  return { seconds, cpu: cpu0 == null || cpu1 == null ? null : cpu1 - cpu0, findings: reports.reduce((n, x) => n + x.findings.length, 0) };
}

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const signedKb = (n) => `${n >= 0 ? "+" : "-"}${(Math.abs(n) / 1024).toFixed(1)} KB`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((x, i) => String(x).padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** Compressed sizes of the .vsix entries, from its central directory (vsce writes a plain zip). */
function vsixEntries(path) {
  const zip = readFileSync(path);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out = new Map();
  for (let p = zip.readUInt32LE(eocd + 16), n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLen = zip.readUInt16LE(p + 28);
    out.set(zip.toString("utf8", p + 46, p + 46 + nameLen), zip.readUInt32LE(p + 20));
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

function keystroke(c, dir) {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "bench", "lsp.mjs"), "--json"], { encoding: "utf8", env: { ...process.env, PMW_BENCH_SERVER: join(dir, "server.js") }, maxBuffer: 1 << 26 });
  if (r.status !== 0) return fail(`${c.id}: lsp.mjs exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 300)}`);
  return JSON.parse(r.stdout).results;
}

async function main() {
  const cpus = os.cpus();
  console.log("Libraries against the hand-written language code (scripts/bench/nlp.mjs)");
  console.log(`machine: ${cpus[0]?.model ?? "unknown CPU"} x ${cpus.length}; node ${process.version}; load average (1 min) ${os.loadavg()[0].toFixed(2)}`);
  const corpus = ensureCorpus({ log: (m) => console.log(m) });
  const built = [];
  for (const c of CANDIDATES) {
    try {
      built.push({ c, ...(await build(c)) });
    } catch (e) {
      fail(`${c.id}: build failed: ${e.message.split("\n")[0]}`);
    }
  }
  const current = built.find((b) => b.c.id === "current");
  if (!current) return 1;

  console.log("\n## Accuracy (precision / recall; per rule or check the candidate changes, and all cases)\n");
  for (const b of built) b.acc = accuracy(b.c, b.dir);
  for (const b of built) {
    if (b === current || !b.acc || !current.acc) continue;
    console.log(`### ${b.c.id}: ${b.c.library} for ${b.c.replaces}\n`);
    const rows = [];
    const changed = [];
    for (const set of SETS) {
      const now = current.acc[set];
      const cand = new Map(b.acc[set].map((o) => [o.id, o]));
      const diff = now.filter((o) => cand.get(o.id)?.actual !== o.actual);
      for (const o of diff) changed.push(`${set} ${o.id} [${o.key}, ${o.lang}] expects ${o.expect}: current ${o.actual === o.expect ? "right" : "wrong"}, candidate ${cand.get(o.id).actual === o.expect ? "right" : "wrong"}`);
      const keys = [...new Set(["red-line-review", ...diff.map((o) => o.key)])].filter((k) => now.some((o) => o.key === k)).sort();
      for (const key of keys) rows.push([set, key, pr(score(now, key)), pr(score(b.acc[set], key)), diff.filter((o) => o.key === key && cand.get(o.id).actual === o.expect).length, diff.filter((o) => o.key === key && o.actual === o.expect).length]);
      const wrong = (xs) => xs.filter((o) => o.actual !== o.expect).length;
      rows.push([set, "all cases: mismatches", wrong(now), wrong(b.acc[set]), "", ""]);
    }
    console.log(table(["set", "rule / check", "current", "candidate", "fixed", "broken"], rows));
    console.log(changed.length ? `\n${changed.length} case(s) change:\n  ${changed.join("\n  ")}\n` : "\nno case changes\n");
  }

  console.log(`## Lint time (pmw lint with each candidate's cli.js, runs interleaved, median of ${RUNS})\n`);
  const folderRel = relative(ROOT, corpus.corpusDir);
  const hugeRel = relative(ROOT, corpus.hugeFile);
  for (const b of built) b.times = { folder: [], huge: [], folderCpu: [], hugeCpu: [], folderFindings: null, hugeFindings: null, folderTimedOut: false, hugeTimedOut: false };
  const load0 = os.loadavg()[0];
  for (let i = 0; i < RUNS; i++) {
    for (const b of built) {
      for (const [what, target, files] of [["folder", folderRel, corpus.files], ["huge", hugeRel, 1]]) {
        if (b.times[`${what}TimedOut`]) continue;
        const r = lint(b.c, b.dir, target, files);
        if (r?.timedOut) b.times[`${what}TimedOut`] = true;
        else if (r) {
          b.times[what].push(r.seconds);
          b.times[`${what}Cpu`].push(r.cpu);
          b.times[`${what}Findings`] = r.findings;
        }
        console.log(`  ${b.c.id} ${what} #${i + 1}: ${r?.timedOut ? `stopped after ${TIMEOUT_S} s wall` : r ? `${r.seconds.toFixed(2)} s wall${r.cpu == null ? "" : `, ${r.cpu.toFixed(2)} s CPU`}` : "failed"}`);
      }
    }
  }
  console.log("");
  for (const b of built) {
    for (const what of ["folder", "huge"]) {
      if (!b.times[`${what}TimedOut`]) continue;
      b.times[what] = [Infinity];
      b.times[`${what}Cpu`] = [Infinity];
    }
  }
  const cpuOf = (b, what) => (b.times[`${what}Cpu`].every((x) => x != null) ? median(b.times[`${what}Cpu`]) : null);
  const base = { folder: median(current.times.folder), huge: median(current.times.huge), folderCpu: cpuOf(current, "folder"), hugeCpu: cpuOf(current, "huge") };
  const rel = (x, y) => (x === Infinity ? "stopped" : x && y ? `${(x / y).toFixed(2)}x` : "n/a");
  const secs = (x) => (x == null ? "n/a" : x === Infinity ? `> ${TIMEOUT_S} s` : `${x.toFixed(2)} s`);
  console.log(
    table(
      ["candidate", `folder (${corpus.files} files) wall`, "CPU", "CPU vs current", "findings", `huge.md (${corpus.hugeLines} lines) wall`, "CPU", "CPU vs current", "findings"],
      built.map((b) => {
        const [f, fc, h, hc] = [median(b.times.folder), cpuOf(b, "folder"), median(b.times.huge), cpuOf(b, "huge")];
        return [b.c.id, secs(f), secs(fc), rel(fc, base.folderCpu), b.times.folderFindings ?? "n/a", secs(h), secs(hc), rel(hc, base.hugeCpu), b.times.hugeFindings ?? "n/a"];
      }),
    ),
  );
  console.log(`\nload average (1 min) before: ${load0.toFixed(2)}, after: ${os.loadavg()[0].toFixed(2)}. The folder target is 10x markdownlint-cli2 (scripts/bench/cli.mjs); a candidate's "CPU vs current" divides that speed-up. A stopped run counts as more than the timeout.`);

  console.log("\n## Bundle size (minified as `npm run package` builds dist/; the library's own bytes from the metafile)\n");
  const entries = existsSync(VSIX) ? vsixEntries(VSIX) : null;
  const vsixBytes = entries ? statSync(VSIX).size : null;
  const rows = built.map((b) => {
    const cells = ["cli.js", "server.js", "mcp.js"].map((n) => `${kb(b.files[n].bytes)}${b.files[n].library ? ` (lib ${kb(b.files[n].library)})` : ""}`);
    // The .vsix holds these three files deflated: the candidate's change in deflated bytes, added to the packaged size.
    const delta = ["cli.js", "server.js", "mcp.js"].reduce((n, name) => n + b.files[name].deflated - current.files[name].deflated, 0);
    b.vsix = vsixBytes == null ? null : vsixBytes + delta;
    return [b.c.id, ...cells, signedKb(delta), b.vsix == null ? "n/a" : `${kb(b.vsix)}${b.vsix < VSIX_LIMIT ? "" : " OVER 1 MB"}`];
  });
  console.log(table(["candidate", "cli.js", "server.js", "mcp.js", "deflated change", ".vsix"], rows));
  console.log(entries ? `\n.vsix: ${relative(ROOT, VSIX)} as packaged (${kb(vsixBytes)}, limit ${kb(VSIX_LIMIT)}); a candidate's is that plus its deflated change.` : `\n.vsix: ${relative(ROOT, VSIX)} not found; run \`npm run package\` first for the .vsix column.`);

  if (KEYSTROKE) {
    console.log("\n## Keystroke latency (scripts/bench/lsp.mjs on each candidate's server.js)\n");
    const krows = [];
    for (const b of built) for (const r of keystroke(b.c, b.dir) ?? []) krows.push([b.c.id, `${r.lines}-line PRD`, `${r.p50.toFixed(1)} ms`, `${r.p95.toFixed(1)} ms`, `${r.coldP95.toFixed(1)} ms`]);
    console.log(table(["candidate", "document", "p50", "p95", "cold p95"], krows));
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
