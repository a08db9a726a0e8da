import { dirname, resolve } from "node:path";
import type { Rule } from "../rule";
import { parseDocument } from "../document";
import { headingSlugs } from "../slug";
import { findLinks, LINK_CANDIDATES, type LinkRef } from "../links";
import { scanProse } from "../prose";
import { isRoadmapContext, roadmapItems, roadmapOf } from "../roadmap";

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Links a file system can answer for; external ones are dropped in the cached scan, not on every lint. */
function relativeLinks(text: string): LinkRef[] {
  return findLinks(text).filter((l) => {
    const href = l.href.trim();
    return href !== "" && !EXTERNAL.test(href);
  });
}

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
    // A roadmap item's missing spec is reported by roadmap-missing-spec, with the item named.
    const specLinks = new Set<string>();
    if (isRoadmapContext(ctx)) for (const i of roadmapItems(roadmapOf(ctx))) if (i.spec) specLinks.add(`${i.line}:${i.spec.start}`);
    let ownSlugs: Set<string> | null = null;
    const otherSlugs = new Map<string, Set<string> | null>();
    // Blanking inline code cannot make a "](", so only lines with one in their text are read.
    for (const { line, section, value: link } of scanProse(ctx, "broken-link", relativeLinks, false, LINK_CANDIDATES)) {
      const href = link.href.trim();
      const range = { start: { line, character: link.start }, end: { line, character: link.end } };
      const hash = href.indexOf("#");
      const path = decode((hash >= 0 ? href.slice(0, hash) : href).split("?")[0]!);
      const anchor = hash >= 0 ? decode(href.slice(hash + 1)) : "";
      let slugs: Set<string> | null = null;
      if (path) {
        // "/docs/a.md" is relative to the repository, as on GitHub.
        const target = path.startsWith("/") ? resolve(ctx.root, `.${path}`) : resolve(dirname(ctx.file), path);
        const kind = ctx.host.stat(target);
        if (!kind) {
          if (specLinks.has(`${line}:${link.start}`)) continue;
          report({ range, section, message: { en: `Link target "${path}" does not exist.`, "zh-CN": `链接目标“${path}”不存在。` } });
          continue;
        }
        if (!anchor || kind !== "file" || !/\.(md|markdown)$/i.test(target)) continue;
        if (!otherSlugs.has(target)) {
          const text = ctx.host.readText(target);
          otherSlugs.set(target, text === null ? null : headingSlugs(parseDocument(target, text)));
        }
        slugs = otherSlugs.get(target) ?? null;
      } else {
        ownSlugs ??= headingSlugs(ctx.doc);
        slugs = ownSlugs;
      }
      if (anchor && slugs && !slugs.has(anchor.toLowerCase())) {
        report({ range, section, message: { en: `Link "${href}" points to heading "#${anchor}", which does not exist.`, "zh-CN": `链接“${href}”指向的标题“#${anchor}”不存在。` } });
      }
    }
  },
};
