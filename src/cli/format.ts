import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Severity } from "../core/types";
import { RULES } from "../core/rules";
import { localize } from "../core/i18n";
import type { Lang } from "../core/types";
import { ruleDocsUrl } from "../node/workspace";

export interface FileReport {
  file: string;
  template: string | null;
  findings: Finding[];
}

export interface JsonFinding {
  ruleId: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  section: string | null;
  fixable: boolean;
  /** Other places of the same problem (1-based), when it has several. */
  related?: Array<{ line: number; column: number; endLine: number; endColumn: number; message: string }>;
}

/** The public JSON shape: 1-based lines and columns. */
export function toJson(reports: FileReport[], cwd: string): Array<{ file: string; template: string | null; findings: JsonFinding[] }> {
  return reports.map((r) => ({
    file: relative(cwd, r.file).split(sep).join("/") || r.file,
    template: r.template,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      section: f.section,
      fixable: (f.fix?.length ?? 0) > 0,
      ...(f.related ? { related: f.related.map((x) => ({ line: x.range.start.line + 1, column: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1, message: x.message })) } : {}),
    })),
  }));
}

const useColor = () => process.stdout.isTTY === true && !process.env["NO_COLOR"];
const paint = (code: string, s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);
const SEVERITY_COLOR: Record<Severity, string> = { error: "31", warning: "33", info: "36", hint: "2" };

export function formatStylish(reports: FileReport[], cwd: string, skipped: number): string {
  const out: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const r of reports) {
    if (r.findings.length === 0) continue;
    out.push(paint("4", relative(cwd, r.file) || r.file) + paint("2", r.template ? `  (${r.template})` : ""));
    const width = r.findings.reduce((w, f) => Math.max(w, `${f.range.start.line + 1}:${f.range.start.character + 1}`.length), 0);
    for (const f of r.findings) {
      totals[f.severity]++;
      if (f.fix?.length) fixable++;
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(width);
      out.push(`  ${paint("2", pos)}  ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7))}  ${f.message}  ${paint("2", `${f.rule} ${f.ruleId}`)}`);
    }
    out.push("");
  }
  const problems = totals.error + totals.warning + totals.info + totals.hint;
  const specs = reports.length;
  if (problems === 0) {
    out.push(paint("32", `✔ ${specs} spec${specs === 1 ? "" : "s"} checked, no problems`) + (skipped ? paint("2", ` (${skipped} Markdown file${skipped === 1 ? "" : "s"} without a template skipped)`) : ""));
  } else {
    out.push(
      `✖ ${problems} problem${problems === 1 ? "" : "s"} (${totals.error} error${totals.error === 1 ? "" : "s"}, ${totals.warning} warning${totals.warning === 1 ? "" : "s"}, ${totals.info} info, ${totals.hint} hint${totals.hint === 1 ? "" : "s"}) in ${specs} spec${specs === 1 ? "" : "s"}` +
        (skipped ? paint("2", `; ${skipped} Markdown file${skipped === 1 ? "" : "s"} without a template skipped`) : ""),
    );
    if (fixable) out.push(paint("2", `  ${fixable} fixable with --fix`));
  }
  return out.join("\n") + "\n";
}

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note", hint: "note" };

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function toSarif(reports: FileReport[], cwd: string, version: string, lang: Lang): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pm-workbench",
            semanticVersion: version,
            informationUri: "https://www.npmjs.com/package/pm-workbench",
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: localize(r.description, lang) },
              helpUri: ruleDocsUrl(r.name),
              defaultConfiguration: { level: SARIF_LEVEL[(r.severity.review === "off" ? "hint" : r.severity.review) as Severity] },
              properties: { tags: [...r.tags] },
            })),
          },
        },
        originalUriBaseIds: { ROOT: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        results: reports.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId) ?? 0,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relative(cwd, r.file).split(sep).map(encodeURIComponent).join("/"), uriBaseId: "ROOT" },
                  region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
                },
              },
            ],
            ...(f.related
              ? {
                  relatedLocations: f.related.map((x, id) => ({
                    id,
                    message: { text: x.message },
                    physicalLocation: {
                      artifactLocation: { uri: relative(cwd, r.file).split(sep).map(encodeURIComponent).join("/"), uriBaseId: "ROOT" },
                      region: { startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1 },
                    },
                  })),
                }
              : {}),
            properties: { rule: f.rule, section: f.section, fixable: (f.fix?.length ?? 0) > 0 },
          })),
        ),
      },
    ],
  };
}
