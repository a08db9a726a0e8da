import { test } from "node:test";
import assert from "node:assert/strict";
import { Config } from "../../src/core/config";
import { PmError } from "../../src/core/errors";
import { RULES } from "../../src/core/rules";
import schema from "../../schemas/pm-config.schema.json";

function errorOf(text: string): string {
  try {
    Config.parse("/ws/.pm/config.jsonc", text);
  } catch (e) {
    assert.ok(e instanceof PmError);
    return `${e.line}:${e.column} ${e.detail}`;
  }
  assert.fail("expected a config error");
}

test("comments and trailing commas are allowed", () => {
  assert.deepEqual(Config.parse("c", '// c\n{ "rules": { "placeholder": "off", }, }').data.rules, { placeholder: "off" });
});

test("a syntax error names line and column", () => {
  assert.match(errorOf('{\n  "rules": {\n    "placeholder": "off"\n  \n'), /^5:1 invalid JSONC/);
});

test("an unknown rule is an error at its key", () => {
  assert.equal(errorOf('{\n  "rules": { "no-such-rule": "off" }\n}'), '2:14 "rules" names an unknown rule "no-such-rule"; run `pmw rules` for the list');
});

test("a wrong severity is an error at its value", () => {
  assert.match(errorOf('{ "rules": { "placeholder": "loud" } }'), /^1:29 "rules.placeholder" must be "error", "warning", "info", "hint" or "off"/);
});

test("an unknown top-level key is an error at the key", () => {
  assert.match(errorOf('{\n  "rulez": {}\n}'), /^2:3 the config has unknown key "rulez"/);
});

test("overrides and template globs resolve per file, later entries winning", () => {
  const c = Config.parse("c", '{ "rules": { "placeholder": "warning" }, "templates": { "prd/**": "ai-feature-prd" }, "overrides": [ { "files": "prd/legacy/**", "rules": { "placeholder": "off" }, "template": "one-pager" } ] }');
  assert.deepEqual(
    [c.forFile("prd/a.md").template, c.forFile("prd/legacy/b.md").template, c.forFile("prd/legacy/b.md").rules["placeholder"], c.forFile("x.md").template],
    ["ai-feature-prd", "one-pager", "off", null],
  );
});

test("the schema's rule list is the registered rules", () => {
  assert.deepEqual(schema.definitions.rules.propertyNames.enum, RULES.flatMap((r) => [r.id, r.name]));
});

test("files share one alias set when the config has none, so alias matchers are built once", () => {
  const config = Config.parse("/ws/.pm/config.jsonc", "{}");
  assert.equal(config.forFile("a.md").aliases, config.forFile("docs/b.md").aliases);
});
