import type { Rule, RuleContext, Report } from "../rule";
import { STATUSES } from "../types";
import type { TextEdit } from "../types";
import { basename, extname } from "node:path";
import { isRoadmapFileName } from "../roadmap";

const REQUIRED_KEYS = ["title", "owner", "status", "updated"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** The value a fix writes for a missing key, or null when only the author knows it (owner). */
function defaultValue(ctx: RuleContext, key: string): string | null {
  switch (key) {
    case "title": {
      const h1 = ctx.sections.find((s) => s.level === 1);
      return JSON.stringify(h1?.title || basename(ctx.file, extname(ctx.file)));
    }
    case "status":
      return "draft";
    case "updated":
      return ctx.today;
    default:
      return null;
  }
}

/** PM007: front matter is missing, invalid, lacks title/owner/status/updated, or names an unknown template. */
export const frontMatter: Rule = {
  id: "PM007",
  name: "front-matter",
  description: { en: "Front matter is missing or invalid: title, owner, status and updated are required, and the template must exist.", "zh-CN": "Front matter 缺失或无效：需要 title、owner、status、updated，且模板必须存在。" },
  tags: ["front-matter"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "warning" },
  fixable: true,
  needsTemplate: false,
  check(ctx, report) {
    const fm = ctx.doc.frontMatter;
    const eol = ctx.doc.index.eol;
    if (fm.error) {
      report({ range: fm.error.range, message: { en: `Front matter: ${fm.error.message}.`, "zh-CN": `Front matter 有误：${fm.error.message}。` } });
      return;
    }
    const lineRange = ctx.doc.index.lineRange(0);
    if (!fm.lines) {
      // An existing ROADMAP.md is read as it is: front matter is optional there.
      if (isRoadmapFileName(ctx.file) && ctx.templateId === "roadmap") return;
      const lines = ["---", ...REQUIRED_KEYS.map((k) => `${k}:${defaultValue(ctx, k) === null ? "" : ` ${defaultValue(ctx, k)}`}`), ...(ctx.templateId ? [`template: ${ctx.templateId}`] : []), "---", ""];
      report({
        range: lineRange,
        message: { en: "No front matter: add title, owner, status and updated between --- lines at the top.", "zh-CN": "缺少 front matter：请在文件开头的 --- 之间填写 title、owner、status、updated。" },
        fix: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: lines.join(eol) }],
      });
      return;
    }
    const data = fm.data;
    const fence = ctx.doc.index.lineRange(0);
    for (const key of REQUIRED_KEYS) {
      const value = data[key];
      if (value === undefined) {
        const v = defaultValue(ctx, key);
        const fix: TextEdit[] | undefined = v !== null && fm.insertLine !== null ? [{ range: { start: { line: fm.insertLine, character: 0 }, end: { line: fm.insertLine, character: 0 } }, newText: `${key}: ${v}${eol}` }] : undefined;
        const r: Report = { range: fence, message: { en: `Front matter has no "${key}".`, "zh-CN": `Front matter 缺少“${key}”。` } };
        report(fix ? { ...r, fix } : r);
      } else if (value === null || (typeof value === "string" && !value.trim())) {
        report({ range: fm.valueRange(key) ?? fence, message: { en: `Front matter "${key}" is empty.`, "zh-CN": `Front matter 的“${key}”为空。` } });
      }
    }
    const status = data["status"];
    if (status !== undefined && status !== null && String(status).trim() && !(STATUSES as readonly string[]).includes(String(status))) {
      report({
        range: fm.valueRange("status") ?? fence,
        message: { en: `Status "${String(status)}" is not one of ${STATUSES.join(", ")}.`, "zh-CN": `状态“${String(status)}”无效，应为 ${STATUSES.join("、")} 之一。` },
      });
    }
    const updated = data["updated"];
    if (updated !== undefined && updated !== null && String(updated).trim() && !isValidDate(String(updated))) {
      report({ range: fm.valueRange("updated") ?? fence, message: { en: `"updated" must be a date as YYYY-MM-DD, not "${String(updated)}".`, "zh-CN": `“updated”应为 YYYY-MM-DD 格式的日期，而不是“${String(updated)}”。` } });
    }
    if (ctx.templateId && !ctx.template) {
      const known = ctx.registry.ids().join(", ");
      report({
        range: fm.valueRange("template") ?? fence,
        message: { en: `Unknown template "${ctx.templateId}"; known templates: ${known}.`, "zh-CN": `未知模板“${ctx.templateId}”；可用模板：${known}。` },
      });
    }
  },
};
