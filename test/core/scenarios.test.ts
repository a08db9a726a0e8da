/**
 * Scenario tests in the markdownlint style. Each fixture under test/fixtures/scenarios/ marks
 * the findings it expects inline, `<!-- expect: rule-a rule-b -->` on the line they are on, or
 * `<!-- expect@N: rule -->` for line N (front matter lines cannot hold comments). The fixed text
 * is compared with a snapshot and linted again to prove the fixes are complete.
 * UPDATE_SNAPSHOTS=1 rewrites the snapshots.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lintText, type LintEnvironment } from "../../src/core/lint";
import { fixAll } from "../../src/core/fix";
import { Config } from "../../src/core/config";
import { TemplateRegistry } from "../../src/core/templates";
import { nodeHost } from "../../src/node/fsHost";
import { stripBom } from "../../src/core/text";
import { ROOT, builtInTemplates } from "../helpers";

const DIR = join(ROOT, "test", "fixtures", "scenarios");
const SNAPSHOTS = join(DIR, "__snapshots__");
const MARKER = /<!--\s*expect(?:@(\d+))?:\s*([^>]*?)\s*-->/g;

function expected(text: string): string[] {
  const out: string[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) {
      const at = m[1] ? Number(m[1]) : i + 1;
      for (const rule of m[2]!.split(/[\s,]+/).filter(Boolean)) out.push(`${rule}@${at}`);
    }
  });
  return out.sort();
}

function workspaceTemplates() {
  const dir = join(DIR, ".pm", "templates");
  return readdirSync(dir).map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
}

const env: LintEnvironment = {
  registry: TemplateRegistry.build(builtInTemplates(), workspaceTemplates()).registry,
  config: existsSync(join(DIR, ".pm", "config.jsonc")) ? Config.parse(join(DIR, ".pm", "config.jsonc"), readFileSync(join(DIR, ".pm", "config.jsonc"), "utf8")) : Config.defaults(),
  host: nodeHost,
  root: DIR,
  today: "2026-01-15",
  onRuleError: (rule, _f, e) => {
    throw new Error(`rule ${rule.name} threw: ${String(e)}`);
  },
};

for (const name of readdirSync(DIR).filter((f) => f.endsWith(".md")).sort()) {
  test(`scenario ${name}`, () => {
    const file = join(DIR, name);
    const { text } = stripBom(readFileSync(file, "utf8"));
    const result = lintText(file, text, env);
    const actual = result.findings.map((f) => `${f.rule}@${f.range.start.line + 1}`).sort();
    assert.deepEqual(actual, expected(text), `findings of ${name}`);

    const fixed = fixAll(text, (t) => lintText(file, t, env).findings).text;
    const snapshot = join(SNAPSHOTS, `${name}.fixed`);
    if (process.env["UPDATE_SNAPSHOTS"] === "1") {
      mkdirSync(SNAPSHOTS, { recursive: true });
      writeFileSync(snapshot, fixed);
    }
    assert.ok(existsSync(snapshot), `snapshot ${snapshot} is missing: run with UPDATE_SNAPSHOTS=1 and review it`);
    assert.equal(fixed, readFileSync(snapshot, "utf8"), `fixed text of ${name}`);
    const after = lintText(file, fixed, env).findings.filter((f) => f.fix?.length);
    assert.deepEqual(after.map((f) => `${f.rule}@${f.range.start.line + 1}`), [], `fixable findings left after fixing ${name}`);
  });
}
