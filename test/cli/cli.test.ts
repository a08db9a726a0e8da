/** The built CLI as a user runs it: a process, real files, exit codes, stdout. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv04 from "ajv-draft-04";
import { spawnSync } from "node:child_process";
import { ROOT, runCli, tempWorkspace } from "../helpers";

const CLEAN = readFileSync(join(ROOT, "test", "fixtures", "scenarios", "clean.md"), "utf8");
const GAPPY = "---\ntitle: Gappy\nowner: Ann\nstatus: draft\nupdated: 2026-01-10\ntemplate: ai-feature-prd\n---\n\n# Gappy\n\n## Problem\n\nAgents retype answers.\n";

const workspace = (files: Record<string, string>): string => tempWorkspace("pmw-cli-", files);

test("a clean spec exits 0 and says so", () => {
  const r = runCli(["lint"], workspace({ "prd/clean.md": CLEAN }));
  assert.deepEqual([r.code, r.stdout.trim()], [0, "✔ 1 spec checked, no problems"]);
});

test("JSON output has the documented shape with 1-based positions", () => {
  const r = runCli(["lint", "--format", "json"], workspace({ "gappy.md": GAPPY, "notes.md": "# Not a spec\n" }));
  const out = JSON.parse(r.stdout) as Array<{ file: string; template: string; findings: Array<Record<string, unknown>> }>;
  assert.equal(r.code, 0);
  assert.deepEqual(out.map((f) => [f.file, f.template]), [["gappy.md", "ai-feature-prd"]]);
  assert.deepEqual(out[0]!.findings[0], {
    ruleId: "PM001",
    rule: "missing-section",
    severity: "warning",
    message: 'Missing required section "Failure criteria" (failure-criteria).',
    line: 9,
    column: 1,
    endLine: 9,
    endColumn: 8,
    section: "failure-criteria",
    fixable: true,
  });
});

test("errors exit 1; warnings exit 1 only with --strict or past --max-warnings", () => {
  const dir = workspace({ "gappy.md": GAPPY });
  const approved = workspace({ "gappy.md": GAPPY.replace("status: draft", "status: approved") });
  assert.deepEqual(
    [runCli(["lint"], dir).code, runCli(["lint", "--strict"], dir).code, runCli(["lint", "--max-warnings", "3"], dir).code, runCli(["lint", "--max-warnings", "99"], dir).code, runCli(["lint"], approved).code],
    [0, 1, 1, 0, 1],
  );
});

test("a broken config exits 2 naming file, line and column", () => {
  const r = runCli(["lint"], workspace({ ".pm/config.jsonc": '{\n  "rules": { "nope": "off" }\n}\n', "gappy.md": GAPPY }));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.pm\/config\.jsonc:2:14: "rules" names an unknown rule "nope"/);
});

test("usage errors exit 2", () => {
  const dir = workspace({ "gappy.md": GAPPY });
  assert.deepEqual([runCli(["lint", "--format", "xml"], dir).code, runCli(["lint", "--bogus"], dir).code, runCli(["lint", "missing/**/*.md"], dir).code, runCli(["frobnicate"], dir).code], [2, 2, 2, 2]);
});

test("--lang zh-CN gives Chinese messages", () => {
  const r = runCli(["lint", "--format", "json", "--lang", "zh-CN"], workspace({ "gappy.md": GAPPY }));
  assert.match(JSON.parse(r.stdout)[0].findings[0].message, /^缺少必需章节“失败标准”/);
});

test("folders honour .gitignore; globs select files", () => {
  const dir = workspace({ ".gitignore": "drafts/\n", "drafts/a.md": GAPPY, "prd/b.md": GAPPY, "prd/c.md": CLEAN });
  const files = (args: string[]) => (JSON.parse(runCli(["lint", "--format", "json", ...args], dir).stdout) as Array<{ file: string }>).map((f) => f.file);
  assert.deepEqual([files([]), files(["prd/c*.md"])], [["prd/b.md", "prd/c.md"], ["prd/c.md"]]);
});

test("SARIF output validates against the SARIF 2.1.0 schema", () => {
  const r = runCli(["lint", "--format", "sarif"], workspace({ "gappy.md": GAPPY }));
  const schema = JSON.parse(readFileSync(join(ROOT, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json"), "utf8"));
  const validate = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);
  const log = JSON.parse(r.stdout);
  assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(log.runs[0].results.length > 0, true);
});

test("--fix inserts the missing sections, keeps BOM and CRLF, and leaves nothing fixable", () => {
  const dir = workspace({});
  writeFileSync(join(dir, "gappy.md"), "\uFEFF" + GAPPY.replace(/\n/g, "\r\n"));
  const r = runCli(["lint", "--fix", "--format", "json"], dir);
  const text = readFileSync(join(dir, "gappy.md"), "utf8");
  const after = JSON.parse(r.stdout)[0].findings as Array<{ rule: string; fixable: boolean }>;
  assert.deepEqual(
    [text.startsWith("\uFEFF---\r\n"), /[^\r]\n/.test(text), text.includes("## Failure criteria\r\n"), after.filter((f) => f.fixable).length, after.some((f) => f.rule === "missing-section")],
    [true, false, true, 0, false],
  );
});

test("--fix does not write through a symbolic link", () => {
  const outside = workspace({ "target.md": GAPPY });
  const dir = workspace({});
  symlinkSync(join(outside, "target.md"), join(dir, "link.md"));
  const r = runCli(["lint", "--fix", "link.md"], dir);
  assert.deepEqual([r.code, readFileSync(join(outside, "target.md"), "utf8") === GAPPY, /symbolic link/.test(r.stderr)], [2, true, true]);
});

test("pmw new scaffolds from the template and never overwrites", () => {
  const dir = workspace({});
  const first = runCli(["new", "one-pager", "--title", "Smart Replies!", "--owner", "Ann"], dir);
  const second = runCli(["new", "one-pager", "--title", "Smart Replies!"], dir);
  assert.deepEqual([first.code, second.code, readdirSync(dir).sort()], [0, 0, ["smart-replies-2.md", "smart-replies.md"]]);
  const text = readFileSync(join(dir, "smart-replies.md"), "utf8");
  assert.match(text, /^---\ntitle: "Smart Replies!"\nowner: "Ann"\nstatus: draft\nupdated: "\d{4}-\d\d-\d\d"\napprovers: \[\]\ntemplate: one-pager\n---\n\n# Smart Replies!\n/);
  assert.equal(runCli(["lint", "--format", "json"], dir).stdout.includes('"missing-section"'), false);
});

test("pmw new keeps hostile titles inside the target folder", () => {
  const dir = workspace({});
  const titles = ["../../escape", "/etc/passwd", "CON", "a".repeat(300), "智能 客服 Agent"];
  const outputs = titles.map((t) => runCli(["new", "one-pager", "--title", t, "--out", "specs"], dir));
  assert.deepEqual(outputs.map((o) => o.code), [0, 0, 0, 0, 0]);
  assert.deepEqual(readdirSync(join(dir, "specs")).sort(), ["a".repeat(80) + ".md", "con-doc.md", "escape.md", "etc-passwd.md", "智能-客服-agent.md"].sort());
  assert.equal(existsSync(join(dir, "..", "escape.md")), false);
});

test("pmw new in Chinese uses the Chinese template", () => {
  const dir = workspace({});
  runCli(["new", "agent-prd", "--title", "理赔助手", "--lang", "zh-CN"], dir);
  assert.match(readFileSync(join(dir, "理赔助手.md"), "utf8"), /## 失败标准/);
});

test("pmw new with an unknown template exits 2 and writes nothing", () => {
  const dir = workspace({});
  const r = runCli(["new", "nope", "--title", "X"], dir);
  assert.deepEqual([r.code, readdirSync(dir)], [2, []]);
});

test("pmw templates lists every built-in template in both languages", () => {
  const r = runCli(["templates"], workspace({}));
  assert.deepEqual(
    r.stdout.trim().split("\n").map((l) => `${l.split(/\s+/)[0]} ${/\[en, zh-CN\]/.test(l)}`),
    ["agent-prd true", "ai-feature-prd true", "experiment-brief true", "one-pager true", "roadmap true", "roadmap-12-month true"],
  );
});

test("a workspace template overrides the built-in one of the same id", () => {
  const tpl = "---\npm-template:\n  id: one-pager\n  lang: en\n  sections:\n    problem:\n      required: true\ntemplate: one-pager\n---\n\n# {{title}}\n\n## Problem\n\nTBD\n";
  const dir = workspace({ ".pm/templates/one-pager.md": tpl, ".pm/config.jsonc": "{}", "x.md": "---\ntitle: X\nowner: a\nstatus: draft\nupdated: 2026-01-01\ntemplate: one-pager\n---\n# X\n" });
  const findings = JSON.parse(runCli(["lint", "--format", "json"], dir).stdout)[0].findings as Array<{ section: string }>;
  assert.deepEqual(findings.map((f) => f.section), ["problem"]);
});

test("a broken workspace template is reported with its position and the rest still lints", () => {
  const dir = workspace({ ".pm/templates/bad.md": "---\npm-template:\n  id: Bad Id\n---\n", ".pm/config.jsonc": "{}", "gappy.md": GAPPY });
  const r = runCli(["lint", "--format", "json"], dir);
  assert.deepEqual([r.code, /bad\.md:3:7: pm-template\.id must be a lower-case id/.test(r.stderr), JSON.parse(r.stdout).length], [2, true, 1]);
});

test("each file is linted with the config of the workspace it belongs to", () => {
  const dir = workspace({ "team/.pm/config.jsonc": '{ "templates": { "specs/*.md": "one-pager" } }', "team/specs/a.md": "# Mapped\n", "other.md": "# Not a spec\n" });
  const out = JSON.parse(runCli(["lint", "--format", "json"], dir).stdout) as Array<{ file: string; template: string }>;
  assert.deepEqual(out.map((f) => [f.file, f.template]), [["team/specs/a.md", "one-pager"]]);
});

test("a closed output pipe ends quietly", () => {
  const r = spawnSync("sh", ["-c", `node ${JSON.stringify(join(ROOT, "dist", "cli.js"))} rules | head -1`], { encoding: "utf8" });
  assert.deepEqual([r.status, r.stderr], [0, ""]);
});
