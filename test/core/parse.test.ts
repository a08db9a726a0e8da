import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument } from "../../src/core/document";
import { parseMarkdown, ChunkCache } from "../../src/core/markdown";
import { LineIndex } from "../../src/core/text";
import MarkdownIt from "markdown-it";

const titles = (text: string) => parseDocument("/ws/a.md", text).sections.map((s) => `${s.level}:${s.title}@${s.heading.line}`);

test("ATX and setext headings are sections with exact lines", () => {
  assert.deepEqual(titles("# One\n\nTwo\n===\n\nThree\n---\n\n## Four ##\n"), ["1:One@0", "1:Two@2", "2:Three@5", "2:Four@8"]);
});

test("headings in fences, indented code, comments and HTML blocks are not sections", () => {
  const text = "```\n# fenced\n```\n\n    # indented\n\n<!--\n# commented\n-->\n\n<div>\n# in html\n</div>\n\n~~~~\n# tilde\n~~~~\n\n# real\n";
  assert.deepEqual(titles(text), ["1:real@18"]);
});

test("a heading in a blockquote or list item is not a section", () => {
  assert.deepEqual(titles("> # quoted\n\n- # listed\n\n# top\n"), ["1:top@4"]);
});

test("CRLF and lone CR line endings give the same lines as LF", () => {
  const lf = "---\ntitle: x\n---\n# A\n\n## B\ntext\n";
  assert.deepEqual(titles(lf.replace(/\n/g, "\r\n")), titles(lf));
  assert.deepEqual(titles(lf.replace(/\n/g, "\r")), titles(lf));
});

test("front matter is read with a YAML library and located precisely", () => {
  const doc = parseDocument("/ws/a.md", "---\ntitle: \"Hi: there\"\nstatus: draft\n---\n# T\n");
  assert.deepEqual(doc.frontMatter.data, { title: "Hi: there", status: "draft" });
  assert.deepEqual(doc.frontMatter.valueRange("status"), { start: { line: 2, character: 8 }, end: { line: 2, character: 13 } });
  assert.equal(doc.frontMatter.bodyStart, 4);
});

test("unterminated front matter is an error on line 1, not a crash", () => {
  const doc = parseDocument("/ws/a.md", "---\ntitle: x\n# T\n");
  assert.match(doc.frontMatter.error?.message ?? "", /never closed/);
  assert.equal(doc.frontMatter.error?.range.start.line, 0);
});

test("invalid YAML in front matter reports its line", () => {
  const doc = parseDocument("/ws/a.md", "---\ntitle: x\nowner: [a, b\n---\n");
  assert.equal(doc.frontMatter.error?.range.start.line, 2);
});

test("an unterminated fence swallows the rest of the document", () => {
  assert.deepEqual(titles("# A\n\n```\n## B\n## C\n"), ["1:A@0"]);
});

test("an empty document has no sections and one line", () => {
  const doc = parseDocument("/ws/a.md", "");
  assert.deepEqual([doc.sections.length, doc.lines.length], [0, 1]);
});

test("chunked parsing finds the same headings as parsing the whole text", () => {
  const md = new MarkdownIt({ html: true });
  const text = ["# A", "", "- item", "  ```", "# B", "  ```", "# C", "", "<div>", "# D", "", "# E", "```", "# F", "```", "# G"].join("\n");
  const whole = md
    .parse(text, {})
    .filter((t) => t.type === "heading_open" && t.level === 0)
    .map((t) => t.map![0]);
  const chunked = parseMarkdown(text.split("\n"), 0).headings.map((h) => h.line);
  assert.deepEqual(chunked, whole);
});

test("the chunk cache returns the same structure as a fresh parse after an edit", () => {
  const cache = new ChunkCache();
  const lines = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? `## H${i}` : `text ${i}`));
  parseMarkdown(lines, 0, cache);
  lines[12] = "edited [link](x.md)";
  const structure = ({ headings, blocks, nonProse }: ReturnType<typeof parseMarkdown>) => ({ headings, blocks, nonProse });
  assert.deepEqual(structure(parseMarkdown(lines, 0, cache)), structure(parseMarkdown(lines, 0)));
});

test("a 100,000-line document parses with every heading found", () => {
  const parts: string[] = [];
  for (let i = 0; i < 10000; i++) parts.push(`## Section ${i}`, "", "Some text with a [link](#x).", "", "| a | b |", "| - | - |", "| 1 | 2 |", "", "- item", "");
  const doc = parseDocument("/ws/huge.md", parts.join("\n"));
  assert.equal(doc.lines.length, 100000);
  assert.equal(doc.sections.length, 10000);
});

test("LineIndex maps offsets and positions both ways across CRLF", () => {
  const idx = new LineIndex("ab\r\ncd\ne");
  assert.deepEqual([idx.positionAt(4), idx.offsetAt({ line: 2, character: 0 }), idx.eol], [{ line: 1, character: 0 }, 7, "\r\n"]);
});

test("a document's language is read from the first 8 KB of its body, front matter aside", () => {
  const english = "The assistant drafts a reply for every ticket.\n".repeat(200); // 9,400 characters
  const chinese = "系统为每个工单起草回复，客服确认后发送。\n".repeat(400);
  const lang = (text: string) => parseDocument("/ws/a.md", text).lang;
  assert.deepEqual(
    [lang(`# T\n${english}${chinese}`), lang(`# T\n${chinese}${english}`), lang(`---\ntitle: An English title for a Chinese spec\n---\n${chinese}`), lang(`---\nlang: zh-CN\n---\n${english}`)],
    ["en", "zh-CN", "zh-CN", "zh-CN"],
  );
});

test("the language found with cached chunks after an edit equals a fresh parse", () => {
  const cache = new ChunkCache();
  const english = "The assistant drafts a reply for every ticket.\n".repeat(170);
  const chinese = "系统为每个工单起草回复，客服确认后发送。\n".repeat(100);
  const before = new LineIndex(`# T\n\n## A\n${english}\n## B\n${chinese}`);
  parseDocument("/ws/a.md", before, cache);
  // Shortening the English part lets more Chinese into the sample, from a chunk that did not change.
  const after = before.edit({ start: { line: 4, character: 0 }, end: { line: 120, character: 0 } }, "");
  cache.nextGeneration();
  assert.equal(parseDocument("/ws/a.md", after, cache).lang, parseDocument("/ws/a.md", after.text).lang);
});

test("an edit that leaves a lone CR against an LF reads them as one CRLF, as the text does (found by fuzzing)", () => {
  const edited = new LineIndex("a\r\r\nb\nc").edit({ start: { line: 1, character: 0 }, end: { line: 2, character: 1 } }, "");
  assert.deepEqual([edited.lines, edited.endings], [new LineIndex("a\r\nc").lines, new LineIndex("a\r\nc").endings]);
});
