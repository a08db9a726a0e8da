import { dirname, resolve } from "node:path";
import type { Rule } from "../rule";
import { parseDocument } from "../document";
import { headingSlugs } from "../slug";

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** PM008: a relative link points to a file or heading anchor that does not exist. */
export const brokenLink: Rule = {
  id: "PM008",
  name: "broken-link",
  description: { en: "A relative link points to a file or heading that does not exist.", "zh-CN": "相对链接指向的文件或标题不存在。" },
  tags: ["links"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "warning" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    const { doc } = ctx;
    const seen = new Set<string>();
    let ownSlugs: Set<string> | null = null;
    for (const link of doc.md.links) {
      const href = link.href.trim();
      if (!href || EXTERNAL.test(href)) continue;
      const key = `${link.line}:${href}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const hash = href.indexOf("#");
      const rawPath = hash >= 0 ? href.slice(0, hash) : href;
      const anchor = hash >= 0 ? href.slice(hash + 1) : "";
      let path = rawPath.split("?")[0]!;
      try {
        path = decodeURIComponent(path);
      } catch {
        /* keep as written */
      }
      const lineText = doc.lines[link.line] ?? "";
      const col = Math.max(0, lineText.indexOf(href));
      const range = { start: { line: link.line, character: col }, end: { line: link.line, character: col + (lineText.includes(href) ? href.length : lineText.length) } };
      let slugs: Set<string> | null;
      if (path) {
        const target = path.startsWith("/") ? path : resolve(dirname(ctx.file), path);
        const kind = ctx.host.stat(target);
        if (!kind) {
          report({ range, message: { en: `Link target "${path}" does not exist.`, "zh-CN": `链接目标“${path}”不存在。` } });
          continue;
        }
        if (!anchor || kind !== "file" || !/\.(md|markdown)$/i.test(target)) continue;
        const text = ctx.host.readText(target);
        slugs = text === null ? null : headingSlugs(parseDocument(target, text));
      } else {
        ownSlugs ??= headingSlugs(doc);
        slugs = ownSlugs;
      }
      if (anchor && slugs) {
        let wanted = anchor;
        try {
          wanted = decodeURIComponent(anchor);
        } catch {
          /* keep */
        }
        if (!slugs.has(wanted.toLowerCase())) {
          report({ range, message: { en: `Link "${href}" points to heading "#${wanted}", which does not exist.`, "zh-CN": `链接“${href}”指向的标题“#${wanted}”不存在。` } });
        }
      }
    }
  },
};
