import { test } from "node:test";
import assert from "node:assert/strict";
import { globMatcher } from "../../src/core/glob";

const cases: Array<[string, string, boolean]> = [
  ["*.md", "a.md", true],
  ["*.md", "dir/a.md", false],
  ["**/*.md", "a.md", true],
  ["**/*.md", "x/y/z.md", true],
  ["prd/**", "prd/a/b.md", true],
  ["prd/**", "other/prd/a.md", false],
  ["prd/**/legacy/*.md", "prd/legacy/a.md", true],
  ["prd/{a,b}/*.md", "prd/b/x.md", true],
  ["prd/{a,b}/*.md", "prd/c/x.md", false],
  ["glob-?.md", "glob-1.md", true],
  ["[a-c]*.md", "beta.md", true],
  ["[!a-c]*.md", "beta.md", false],
  ["./docs/*.md", "docs/x.md", true],
  ["(a+)+$", "(a+)+$", true],
  [".pm/*.md", ".pm/x.md", true],
];

for (const [glob, path, expected] of cases) {
  test(`${glob} ${expected ? "matches" : "does not match"} ${path}`, () => {
    assert.equal(globMatcher(glob)(path), expected);
  });
}

test("patterns that make regex engines backtrack are plain globs here", () => {
  const long = "a".repeat(5000) + "!";
  assert.deepEqual([globMatcher("(a+)+$")(long), globMatcher("*a*a*a*a*a*a*a*a*b")(long), globMatcher("**/**/**/**/**/x")("a/".repeat(300) + "y")], [false, false, false]);
});
