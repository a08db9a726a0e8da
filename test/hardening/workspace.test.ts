/** Hostile config and templates: a clear error with file and position, in bounded time; nothing runs. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Config } from "../../src/core/config";
import { PmError } from "../../src/core/errors";
import { TemplateRegistry } from "../../src/core/templates";
import { lint, runCli, builtInTemplates } from "../helpers";

function configError(text: string): string {
  try {
    Config.parse("cfg.jsonc", text);
    return "no error";
  } catch (e) {
    assert.ok(e instanceof PmError, String(e));
    return `${e.line}:${e.column}`;
  }
}

test("malformed and mistyped config values are errors at their position", () => {
  assert.deepEqual(
    [configError("{"), configError('{"rules": []}'), configError('{"maxFileSize": "big"}'), configError('{"overrides": [{"rules": {}}]}'), configError('{"templates": {"**": 3}}'), configError("[]"), configError("")],
    ["1:2", "1:11", "1:17", "1:16", "1:22", "1:1", "1:1"],
  );
});

test("a huge alias list is refused by the schema, not slowly accepted", () => {
  const aliases = JSON.stringify(Array.from({ length: 100000 }, (_, i) => `alias ${i}`));
  assert.match(configError(`{"aliases": {"metrics": ${aliases}}}`), /^1:25$/);
});

test("config holds no regular expressions or code: a pattern-looking value is only a glob", () => {
  const c = Config.parse("c", '{ "templates": { "(a+)+$": "one-pager" } }');
  assert.equal(c.forFile("a".repeat(50000) + "!").template, null);
});

test("a template with thousands of sections loads and lints", () => {
  const n = 3000;
  const sections = Array.from({ length: n }, (_, i) => `    s${i}:\n      required: true\n      aliases: ["Part ${i}"]`).join("\n");
  const body = Array.from({ length: n }, (_, i) => `## Part ${i}\n\nText ${i}.`).join("\n\n");
  const tpl = { file: "/ws/.pm/templates/big.md", text: `---\npm-template:\n  id: big\n  lang: en\n  sections:\n${sections}\n---\n\n# {{title}}\n\n${body}\n` };
  const { registry, errors } = TemplateRegistry.build(builtInTemplates(), [tpl]);
  assert.deepEqual([errors.length, registry.get("big")?.sections.length], [0, n]);
  const doc = "---\ntitle: T\nowner: o\nstatus: draft\nupdated: 2026-01-10\ntemplate: big\n---\n# T\n\n" + body.split("\n\n## Part 1000")[0];
  const r = lint(doc, { workspaceTemplates: [tpl] });
  assert.equal(r.findings.filter((f) => f.rule === "missing-section").length, n - 1000);
});

test("broken templates report file and position and do not stop the others", () => {
  const bad = [
    { file: "a.md", text: "no front matter" },
    { file: "b.md", text: "---\npm-template:\n  id: b\n  sections:\n    problem:\n      required: maybe\n---\n## Problem\n" },
    { file: "c.md", text: "---\npm-template:\n  id: c\n  sections:\n    problem: {}\n---\n## Something else\n" },
    { file: "d.md", text: "---\npm-template: [unclosed\n---\n" },
  ];
  const { registry, errors } = TemplateRegistry.build(builtInTemplates(), bad);
  assert.deepEqual(errors.map((e) => `${e.file}:${e.line}:${e.column}`), ["a.md:1:1", "b.md:6:17", "c.md:7:1", "d.md:2:23"]);
  assert.ok(registry.get("ai-feature-prd"));
});

test("an untrusted workspace runs nothing: no config code, no template code, no YAML tags", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmw-hostile-"));
  const marker = join(dir, "PWNED");
  const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  mkdirSync(join(dir, ".pm", "templates"), { recursive: true });
  writeFileSync(join(dir, ".pm", "config.js"), payload);
  writeFileSync(join(dir, ".pmwrc.js"), payload);
  writeFileSync(join(dir, ".pm", "config.jsonc"), JSON.stringify({ $schema: `javascript:${payload}`, templates: { "**/*.md": "evil" } }));
  writeFileSync(
    join(dir, ".pm", "templates", "evil.md"),
    `---\npm-template:\n  id: evil\n  lang: en\n  sections:\n    problem:\n      required: true\ntitle: '{{title}} {{constructor.constructor("")()}} ${payload.replace(/'/g, "''")}'\ntemplate: evil\n---\n\n# {{title}} \${${payload}}\n\n## Problem\n\n<script>${payload}</script>\n`,
  );
  writeFileSync(join(dir, ".pm", "templates", "tagged.md"), `---\npm-template:\n  id: tagged\nhook: !!js/function |\n  function () { ${payload} }\n---\n`);
  writeFileSync(join(dir, "spec.md"), `---\ntitle: x\nowner: o\nstatus: draft\nupdated: 2026-01-01\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n---\n# x\n\n<script>${payload}</script>\n`);
  const lintRun = runCli(["lint", "--fix", "--format", "json"], dir);
  const newRun = runCli(["new", "evil", "--title", "${process.exit(9)}"], dir);
  assert.equal(existsSync(marker), false, "workspace code ran");
  assert.deepEqual([lintRun.code === 2 || lintRun.code === 0 || lintRun.code === 1, newRun.code], [true, 0]);
  assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
  const created = readFileSync(newRun.stdout.trim(), "utf8");
  assert.match(created, /# \$\{process\.exit\(9\)\}/);
});
