/** `pmw roadmap` as a user runs it: a process, real files, stdout. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, runCli, tempWorkspace } from "../helpers";

const workspace = (files: Record<string, string>): string => tempWorkspace("pmw-roadmap-", files);

const SPEC = "---\ntitle: Smart replies\nowner: ana\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n# Smart replies\n";

interface Json {
  file: string;
  title: string;
  phases: Array<{ title: string; line: number; start: string | null; end: string | null; kpis: unknown[]; progress: { done: number; total: number }; items: Array<Record<string, unknown>> }>;
  orphans: string[];
}
/** The outcome fields of an item that names none of them. */
const NO_OUTCOMES = { kpi: null, confidence: null, after: [], size: null, must: false };
const json = (args: string[], cwd: string) => {
  const r = runCli(["roadmap", "--format", "json", ...args], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Json[];
};

test("an existing ROADMAP.md with no front matter gives the documented JSON, lines 1-based", () => {
  const dir = workspace({
    "roadmap.md": "# Plan\n\n## Now (Q1 2027)\n\n- [/] Smart replies [PRD](prd/smart.md) @ana @王磊 due:2099-01-31 #support — waiting on legal\n- [-] Old idea\n",
    "prd/smart.md": SPEC,
    "prd/other.md": SPEC,
  });
  const [r] = json([], dir);
  const lintJson = JSON.parse(runCli(["lint", "--format", "json", "prd/smart.md"], dir).stdout) as Array<{ findings: Array<{ severity: string }> }>;
  const count = (sev: string) => lintJson[0]!.findings.filter((f) => f.severity === sev).length;
  assert.deepEqual(r, {
    file: "roadmap.md",
    title: "Plan",
    phases: [
      {
        title: "Now (Q1 2027)",
        line: 3,
        start: "2027-01-01",
        end: "2027-03-31",
        kpis: [],
        progress: { done: 0, total: 1 },
        items: [
          { title: "Smart replies PRD", line: 5, status: "in-progress", owners: ["ana", "王磊"], due: "2099-01-31", tags: ["support"], note: "waiting on legal", overdue: false, groups: [], spec: { path: "prd/smart.md", exists: true, template: "ai-feature-prd", status: "draft", errors: count("error"), warnings: count("warning") }, ...NO_OUTCOMES },
          { title: "Old idea", line: 6, status: "dropped", owners: [], due: null, tags: [], note: null, overdue: false, groups: [], spec: null, ...NO_OUTCOMES },
        ],
        capacity: null,
        health: null,
      },
    ],
    orphans: ["prd/other.md"],
  });
});

test("pmw roadmap on examples/ reads the product roadmap", () => {
  const [r] = json(["ROADMAP.md"], join(ROOT, "examples"));
  assert.deepEqual(
    [r!.title, r!.phases.map((p) => `${p.title} ${p.progress.done}/${p.progress.total} ${p.kpis.length} KPIs`), r!.phases[0]!.items[4]!["note"]],
    ["Customer service AI roadmap", ["Now (Nov-Dec 2026) 1/5 3 KPIs", "Next (Q1 2027) 0/3 2 KPIs", "Later (H2 2027) 0/0 0 KPIs"], "Blocked on the data processing agreement for ticket text; legal expects to sign by 2026-11-28."],
  );
});

test("the text format shows progress, overdue and missing specs", () => {
  const dir = workspace({ "ROADMAP.md": "## Now\r\n\r\n- [ ] Late thing due:2020-01-01 spec:[X](prd/gone.md)\r\n- [x] Done thing\r\n" });
  const r = runCli(["roadmap"], dir);
  assert.deepEqual([r.code, r.stdout], [0, "ROADMAP.md  ROADMAP\n  Now  1/2 done  (line 1)\n    3: [ ] Late thing  due 2020-01-01 OVERDUE  spec prd/gone.md MISSING\n    4: [x] Done thing  no spec\n"]);
});

test("pmw lint reports roadmap rules on a ROADMAP.md with no front matter, and nothing about front matter", () => {
  const dir = workspace({ "ROADMAP.md": "## Now\n- [ ] a spec:[A](prd/none.md)\n- [ ] b due:2020-01-01\n- [ ] c due:2026-02-30\n- [ ] d status:later\n" });
  const out = JSON.parse(runCli(["lint", "--format", "json"], dir).stdout) as Array<{ findings: Array<{ rule: string; line: number }> }>;
  assert.deepEqual(out[0]!.findings.filter((f) => f.rule !== "roadmap-incomplete-item").map((f) => `${f.rule}@${f.line}`), ["roadmap-missing-spec@2", "roadmap-overdue@3", "roadmap-bad-date@4", "roadmap-unknown-status@5"]);
});

test("a folder with no roadmap says so and exits 0; a bad --format is a usage error", () => {
  const dir = workspace({ "notes.md": "# Notes\n" });
  assert.deepEqual([runCli(["roadmap"], dir).stdout, runCli(["roadmap", "--format", "json"], dir).stdout, runCli(["roadmap", "--format", "xml"], dir).code], ["No roadmap found under the current folder (a ROADMAP.md, or a file with template: roadmap).\n", "[]\n", 2]);
});

const HOSTILE_ROADMAP = "# Plan\n\n## Now (Q1 2027)\n\n- [!] <img src=x onerror=alert(1)> — @ana due:2027-01-10 #claims\n- [ ] Pilot [PRD](prd/smart.md)\n\n## Later\n\n- [-] Old idea\n";

test("--format html writes one self-contained page: phases, cards, escaped text, no script, nothing fetched", () => {
  const dir = workspace({ "ROADMAP.md": HOSTILE_ROADMAP, "prd/smart.md": SPEC });
  const r = runCli(["roadmap", "ROADMAP.md", "--format", "html", "--today", "2027-02-01"], dir);
  assert.equal(r.code, 0, r.stderr);
  const facts = [r.stdout.startsWith("<!DOCTYPE html>"), r.stdout.includes("<h2>Now (Q1 2027)</h2>"), r.stdout.includes("<h2>Later</h2>"), r.stdout.includes("<h3>&lt;img src=x onerror=alert(1)&gt;</h3>"), r.stdout.includes("<img"), /<script|\bsrc="|https?:\/\/(?!www\.w3\.org)/.test(r.stdout), r.stdout.includes("Overdue")];
  assert.deepEqual(facts, [true, true, true, true, false, false, true]);
});

test("the page is the same bytes on every run for the same day", () => {
  const dir = workspace({ "ROADMAP.md": HOSTILE_ROADMAP, "prd/smart.md": SPEC });
  const run = () => runCli(["roadmap", "ROADMAP.md", "--format", "html", "--today", "2027-02-01"], dir).stdout;
  assert.equal(run(), run());
});

test("--format svg writes an image; --lang zh-CN gives Chinese labels", () => {
  const dir = workspace({ "ROADMAP.md": HOSTILE_ROADMAP, "prd/smart.md": SPEC });
  const r = runCli(["roadmap", "ROADMAP.md", "--format", "svg", "--lang", "zh-CN", "--today", "2027-02-01"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual([r.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), r.stdout.trimEnd().endsWith("</svg>"), r.stdout.includes("受阻"), r.stdout.includes("已逾期"), r.stdout.includes("<img")], [true, true, true, true, false]);
});

test("a bad --format, --lang or --today is a usage error naming the accepted values", () => {
  const dir = workspace({ "ROADMAP.md": HOSTILE_ROADMAP });
  const errors = [["--format", "pdf"], ["--lang", "fr"], ["--today", "2027-02-30"]].map((args) => {
    const r = runCli(["roadmap", "ROADMAP.md", ...args], dir);
    return `${r.code} ${r.stderr.split("\n")[0]}`;
  });
  assert.deepEqual(errors, ['2 pmw: --format must be text, json, html or svg, not "pdf"', '2 pmw: --lang must be one of en, zh-CN, not "fr"', '2 pmw: --today must be a date as YYYY-MM-DD, not "2027-02-30"']);
});
