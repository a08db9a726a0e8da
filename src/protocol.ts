/**
 * Protocol types shared by the language server and the VS Code client: custom requests, the
 * shape of `data` on diagnostics and code actions, editor settings and initialization options.
 * Only `vscode-languageserver-protocol` types may be imported here (the client uses them too).
 */
import { RequestType, type TextDocumentIdentifier } from "vscode-languageserver-protocol";

/** `source` of every diagnostic. */
export const DIAGNOSTIC_SOURCE = "pm-workbench";

/** Code action kind of the "fix everything fixable" action (source action, fix on save). */
export const FIX_ALL_KIND = "source.fixAll.pm-workbench";

/** Section of `workspace/configuration` the server asks for. */
export const SETTINGS_SECTION = "pmWorkbench";

/** Editor settings (`pmWorkbench.*`). Every field is optional. */
export interface PmSettings {
  /** Language of messages; default: each document's own language (as `pmw lint`). */
  lang?: "en" | "zh-CN";
  /** Files larger than this (bytes) get one informational diagnostic instead of a lint. The workspace config's `maxFileSize` wins when it sets one. Default 5 MB. */
  maxFileSize?: number;
}

/** `initializationOptions` the client may send. */
export interface PmInitializationOptions {
  /**
   * How diagnostics reach the client. `auto` (default): pulled when the client supports
   * `textDocument/diagnostic`, pushed otherwise (never both, so nothing shows twice).
   */
  diagnosticMode?: "auto" | "push" | "pull" | "both";
  /** Settings to use when the client does not support `workspace/configuration`. */
  settings?: PmSettings;
}

/** `data` of every diagnostic: which rule, which catalog section. */
export interface PmDiagnosticData {
  /** Rule name, e.g. `missing-section` (the `code` is its id, e.g. `PM001`). */
  rule: string;
  /** Catalog id of the section the finding is about, or null. */
  section: string | null;
}

/** `data` of every code action: the document version the edit was computed for. */
export interface PmCodeActionData {
  uri: string;
  version: number;
}

export interface SpecStatusParams {
  textDocument: TextDocumentIdentifier;
}

export interface RequiredSectionStatus {
  /** Catalog id, e.g. `failure-criteria`. */
  id: string;
  /** The template's heading in the document's language. */
  heading: string;
  present: boolean;
  /** Present but empty or failing its content check (an empty-section or weak-section finding). */
  weak: boolean;
}

export interface SpecStatus {
  uri: string;
  /** False for Markdown files that name no template (not linted). */
  isSpec: boolean;
  /** Template id named by front matter or config, or null. */
  template: string | null;
  /** Whether that template exists. */
  templateKnown: boolean;
  /** Front matter status when valid (draft, review, approved, shipped, deprecated), else null. */
  status: string | null;
  /** Language of the document. */
  lang: "en" | "zh-CN";
  /** Required sections of the template, in the template's order. */
  required: RequiredSectionStatus[];
  /** Ids of required sections present / missing. */
  present: string[];
  missing: string[];
  /**
   * 0-100: each required section counts 1 when present and sound, 0.5 when present but empty
   * or weak, 0 when missing. 100 for a template without required sections; 0 when not a spec.
   */
  completeness: number;
  /** Findings by severity, as in the diagnostics. */
  counts: { error: number; warning: number; info: number; hint: number };
}

/** `pm/specStatus`: the completeness of one document (open or on disk). */
export const SpecStatusRequest = new RequestType<SpecStatusParams, SpecStatus | null, void>("pm/specStatus");
