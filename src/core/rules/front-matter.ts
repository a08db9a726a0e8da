import type { Rule, RuleContext, Report } from "../rule";
import { STATUSES } from "../types";
import type { Range, TextEdit } from "../types";
import type { Localized } from "../i18n";
import { basename, extname } from "node:path";
import { isRoadmapFileName } from "../roadmap";

const REQUIRED_KEYS = ["title", "owner", "status", "updated"] as const;
/** From review on, a spec says who signs it off; a draft may not know yet. */
const SIGN_OFF_STATUSES: readonly string[] = STATUSES.filter((s) => s !== "draft");

const NAME_AND_ROLE = /^[^()（）]*\S[^()（）]*[(（][^()（）]*\S[^()（）]*[)）]\s*$/;

/** An approver is `{name, role}` (the role they sign off for) or the shorthand "Name (role)". */
function approverProblem(entry: unknown): Localized | null {
  if (typeof entry === "string") {
    return NAME_AND_ROLE.test(entry) ? null : { en: `approver "${entry}" names no role: write "Name (role)" or {name: ..., role: ...}.`, "zh-CN": `审批人“${entry}”没有写明角色：写成“姓名 (角色)”或 {name: ..., role: ...}。` };
  }
  if (entry && typeof entry === "object" && !Array.isArray(entry)) {
    const e = entry as Record<string, unknown>;
    const filled = (k: string) => typeof e[k] === "string" && (e[k] as string).trim() !== "";
    if (!filled("name")) return { en: "an approver has no name.", "zh-CN": "有一位审批人没有填写姓名（name）。" };
    if (!filled("role")) return { en: `approver "${String(e["name"])}" has no role: say what they sign off for (product, engineering, legal ...).`, "zh-CN": `审批人“${String(e["name"])}”没有角色（role）：写明他为哪一方签字（产品、研发、法务……）。` };
    return null;
  }
  return { en: `approvers are {name, role} or "Name (role)", not ${JSON.stringify(entry)}.`, "zh-CN": `审批人应写成 {name, role} 或“姓名 (角色)”，而不是 ${JSON.stringify(entry)}。` };
}

/**
 * Sign-off: `approvers` lists the people who sign the spec and the role each signs for. Required
 * once a spec is in review or later; roadmaps plan work and are not signed off here.
 */
function checkApprovers(ctx: RuleContext, report: (r: Report) => void, fence: Range): void {
  if (!ctx.template || ctx.template.kind !== "spec") return;
  const fm = ctx.doc.frontMatter;
  const approvers = fm.data["approvers"];
  const where = fm.valueRange("approvers") ?? fence;
  const status = String(fm.data["status"] ?? "");
  if (approvers !== undefined && approvers !== null && !Array.isArray(approvers)) {
    report({ range: where, message: { en: 'Front matter "approvers" must be a list: one entry per person, {name: ..., role: ...}.', "zh-CN": "Front matter 的“approvers”应为列表：每人一项，写成 {name: ..., role: ...}。" } });
    return;
  }
  const list = (approvers ?? []) as unknown[];
  for (const entry of list) {
    const problem = approverProblem(entry);
    if (problem) report({ range: where, message: { en: `Front matter: ${problem.en}`, "zh-CN": `Front matter：${problem["zh-CN"]}` } });
  }
  if (list.length === 0 && SIGN_OFF_STATUSES.includes(status)) {
    report({
      range: approvers === undefined ? fence : where,
      message: {
        en: `Status is "${status}" but no approvers: list who signs off and the role each signs for (approvers: [{name: Maria Chen, role: product}]).`,
        "zh-CN": `状态为“${status}”，但没有审批人：列出谁签字、各自代表哪一方（approvers: [{name: 陈敏, role: 产品}]）。`,
      },
    });
  }
}

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
  description: { en: "Front matter is missing or invalid: title, owner, status and updated are required, approvers from review on, and the template must exist.", "zh-CN": "Front matter 缺失或无效：需要 title、owner、status、updated，进入评审后还需要 approvers，且模板必须存在。" },
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
    checkApprovers(ctx, report, fence);
    if (ctx.templateId && !ctx.template) {
      const known = ctx.registry.ids().join(", ");
      report({
        range: fm.valueRange("template") ?? fence,
        message: { en: `Unknown template "${ctx.templateId}"; known templates: ${known}.`, "zh-CN": `未知模板“${ctx.templateId}”；可用模板：${known}。` },
      });
    }
  },
};
