/**
 * Every spec template in both languages, as a user meets it: `pmw new` scaffolds it (the CLI as
 * a process), and a realistic spec written from it (test/fixtures/filled/<template>.<lang>.md)
 * keeps the scaffold's front matter keys and its headings in order, and lints clean: no finding
 * of any severity. A template change that a filled spec no longer satisfies fails here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { ROOT, runCli } from "../helpers";

const FILLED = join(ROOT, "test", "fixtures", "filled");
const SPEC_TEMPLATES = ["ai-feature-prd", "agent-prd", "one-pager", "experiment-brief"];
const LANGS = ["en", "zh-CN"];

function headings(text: string): string[] {
  return text.split("\n").filter((l) => /^##\s/.test(l)).map((l) => l.replace(/^##\s+/, "").trim());
}

function frontMatterKeys(text: string): string[] {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return m ? Object.keys(parseYaml(m[1]!) as Record<string, unknown>).sort() : [];
}

test("there is one filled spec per template and language, and nothing else", () => {
  const expected = SPEC_TEMPLATES.flatMap((t) => LANGS.map((l) => `${t}.${l}.md`)).sort();
  assert.deepEqual(readdirSync(FILLED).sort(), expected);
});

for (const template of SPEC_TEMPLATES) {
  for (const lang of LANGS) {
    test(`${template} (${lang}): scaffolded by pmw new, filled in, lints clean`, () => {
      const dir = mkdtempSync(join(tmpdir(), "pmw-filled-"));
      const made = runCli(["new", template, "--title", "Scaffold", "--owner", "pm", "--lang", lang, "--out", "."], dir);
      assert.equal(made.code, 0, made.stderr);
      const scaffold = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".md"))!), "utf8");
      const filledFile = join(FILLED, `${template}.${lang}.md`);
      const filled = readFileSync(filledFile, "utf8");

      assert.deepEqual(headings(filled), headings(scaffold), "the filled spec keeps the template's sections, in order");
      assert.deepEqual(frontMatterKeys(filled), frontMatterKeys(scaffold), "the filled spec keeps the template's front matter keys");

      const lint = runCli(["lint", "--format", "json", filledFile], FILLED);
      const report = JSON.parse(lint.stdout) as Array<{ template: string; findings: Array<{ rule: string; message: string; line: number }> }>;
      assert.deepEqual(
        report.map((r) => [r.template, r.findings.map((f) => `${f.rule}@${f.line}: ${f.message}`)]),
        [[template, []]],
      );
      assert.equal(lint.code, 0);
    });
  }
}

test("the check is real: a scaffold, unfilled, does not lint clean once it is up for review", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmw-filled-"));
  runCli(["new", "agent-prd", "--title", "Scaffold", "--owner", "pm", "--lang", "zh-CN", "--out", "."], dir);
  const file = readdirSync(dir).find((f) => f.endsWith(".md"))!;
  writeFileSync(join(dir, file), readFileSync(join(dir, file), "utf8").replace("status: draft", "status: review"));
  const lint = runCli(["lint", "--format", "json", file], dir);
  const rules = new Set((JSON.parse(lint.stdout) as Array<{ findings: Array<{ rule: string }> }>).flatMap((r) => r.findings.map((f) => f.rule)));
  // No approvers yet, and every section still holds the template's guidance.
  assert.deepEqual([...rules].sort(), ["front-matter", "placeholder"]);
});
