/** The write helpers every caller uses: atomic, never over an existing file, never through a link. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFileExclusive, isInside, replaceFileAtomic, UnsafeWriteError } from "../../src/node/files";
import { scaffold } from "../../src/node/scaffold";
import { TemplateRegistry } from "../../src/core/templates";
import { builtInTemplates } from "../helpers";

const dir = () => mkdtempSync(join(tmpdir(), "pmw-files-"));

test("createFileExclusive refuses an existing name and leaves no temporary file", () => {
  const d = dir();
  writeFileSync(join(d, "a.md"), "mine");
  assert.throws(() => createFileExclusive(join(d, "a.md"), "theirs"), /EEXIST/);
  assert.deepEqual([readFileSync(join(d, "a.md"), "utf8"), readdirSync(d)], ["mine", ["a.md"]]);
});

test("replaceFileAtomic leaves the file unchanged when it changed since it was read", () => {
  const d = dir();
  writeFileSync(join(d, "a.md"), "edited meanwhile");
  assert.throws(() => replaceFileAtomic(join(d, "a.md"), "fixed", "as read"), UnsafeWriteError);
  assert.deepEqual([readFileSync(join(d, "a.md"), "utf8"), readdirSync(d)], ["edited meanwhile", ["a.md"]]);
});

test("replaceFileAtomic does not write through a symbolic link", () => {
  const d = dir();
  writeFileSync(join(d, "real.md"), "x");
  symlinkSync(join(d, "real.md"), join(d, "link.md"));
  assert.throws(() => replaceFileAtomic(join(d, "link.md"), "y", "x"), /symbolic link/);
  assert.equal(readFileSync(join(d, "real.md"), "utf8"), "x");
});

test("isInside sees through symbolic links", () => {
  const d = dir();
  const outside = dir();
  symlinkSync(outside, join(d, "escape"));
  assert.deepEqual([isInside(d, join(d, "a", "b.md")), isInside(d, join(d, "escape", "x.md")), isInside(d, join(d, "..", "x.md"))], [true, false, false]);
});

test("scaffold keeps a hostile title inside the chosen folder", () => {
  const { registry } = TemplateRegistry.build(builtInTemplates());
  const d = dir();
  const { file } = scaffold(registry, { templateId: "one-pager", title: "../../../etc/x", lang: "en", outDir: d });
  assert.equal(file, join(d, "etc-x.md"));
});
