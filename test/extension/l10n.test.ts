/** Every string the extension shows is translated: contributed strings and runtime strings. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers";

const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), "utf8")) as Record<string, string>;

test("package.nls.zh-cn.json translates every key of package.nls.json, and the manifest uses only known keys", () => {
  const en = json("package.nls.json");
  const zh = json("package.nls.zh-cn.json");
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const used = [...readFileSync(join(ROOT, "package.json"), "utf8").matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
  assert.deepEqual(used.filter((k) => !(k in en)), []);
});

test("l10n/bundle.l10n.zh-cn.json translates every vscode.l10n.t string in src/extension", () => {
  const dir = join(ROOT, "src", "extension");
  const strings = new Set<string>();
  for (const f of readdirSync(dir)) for (const m of readFileSync(join(dir, f), "utf8").matchAll(/l10n\.t\("((?:[^"\\]|\\.)*)"/g)) strings.add(JSON.parse(`"${m[1]}"`) as string);
  const bundle = json("l10n/bundle.l10n.zh-cn.json");
  assert.deepEqual([...strings].filter((s) => !(s in bundle)), []);
  assert.deepEqual(Object.keys(bundle).filter((s) => !strings.has(s)), []);
});
