/** Engine data -> LSP data. Positions in findings are already 0-based UTF-16 LSP positions. */
import { pathToFileURL, fileURLToPath } from "node:url";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver/node";
import type { PmError } from "../core/errors";
import type { Finding, Severity } from "../core/types";
import { ruleDocsUrl } from "../node/workspace";
import { DIAGNOSTIC_SOURCE, type PmDiagnosticData } from "../protocol";

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `uri`: the document's, for the related places of a finding that has several. */
export function toDiagnostic(f: Finding, uri?: string): Diagnostic {
  const data: PmDiagnosticData = { rule: f.rule, section: f.section };
  return {
    ...(f.related && uri ? { relatedInformation: f.related.map((x) => ({ location: { uri, range: x.range }, message: x.message })) } : {}),
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data,
  };
}

/** A config or template problem (1-based line/column) as a diagnostic on that file. */
export function errorDiagnostic(e: PmError): Diagnostic {
  const line = Math.max(0, e.line - 1);
  const character = Math.max(0, e.column - 1);
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity: DiagnosticSeverity.Error,
    code: "config",
    source: DIAGNOSTIC_SOURCE,
    message: e.detail,
  };
}

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
