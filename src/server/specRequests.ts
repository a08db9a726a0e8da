/**
 * Requests behind the editor's commands (New Spec, Set Status, Insert Missing Section): the
 * engine answers, the client only applies. Nothing here writes a file; the client creates files
 * through its own workspace API so they are undoable and never overwrite (it tries the names
 * in order and takes the first that does not exist).
 */
import { hasPlaceholder } from "../core/placeholders";
import { LSPErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
import { numberedFileName, safeFileName } from "../core/fileName";
import { setFrontMatterValues } from "../core/frontMatterEdit";
import { applyEdits } from "../core/fix";
import { localize } from "../core/i18n";
import type { LintResult } from "../core/lint";
import { renderTemplate } from "../core/templates";
import { LANGS, STATUSES, type Lang } from "../core/types";
import { MissingSectionsRequest, NewSpecRequest, SetSpecStatusRequest, SpecStatusValuesRequest, TemplatesRequest, type NewSpec, type TemplateInfo } from "../protocol";
import { uriToPath } from "./convert";
import type { LineDocument } from "./lineDocument";
import type { LoadedWorkspace } from "./workspaces";

/** How many numbered names a new spec may take before the title must change. */
const NAME_ATTEMPTS = 50;

export interface SpecRequestHost {
  /** The open document at `uri`, or undefined. */
  document(uri: string): LineDocument | undefined;
  lint(doc: LineDocument): { loaded: LoadedWorkspace; result: LintResult } | null;
  /** The workspace a folder belongs to. */
  workspaceFor(folder: string): LoadedWorkspace;
  /** Today as YYYY-MM-DD (injected so tests can pin it). */
  today(): string;
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** The first line to fill in a rendered spec: the first line of its first `##` section's body. */
/** The first line of the first section that still has something to fill (a section such as the revision history comes filled in). */
function firstSectionCursor(text: string): { line: number; character: number } {
  const lines = text.split("\n");
  const headings = lines.flatMap((l, i) => (/^##\s/.test(l) ? [i] : []));
  const toFill = headings.find((h, k) => lines.slice(h + 1, headings[k + 1] ?? lines.length).some((l) => hasPlaceholder(l)));
  const heading = toFill ?? headings[0] ?? -1;
  if (heading < 0) return { line: lines.length - 1, character: 0 };
  let line = heading + 1;
  while (line < lines.length - 1 && lines[line]!.trim() === "") line++;
  return { line, character: 0 };
}

export function registerSpecRequests(connection: Connection, host: SpecRequestHost): void {
  const openDocument = (uri: string, version: number): LineDocument => {
    const doc = host.document(uri);
    if (!doc) throw invalid(`${uri} is not open in the editor; open it and try again`);
    if (doc.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, `${uri} changed while the edit was computed; try again`);
    return doc;
  };

  connection.onRequest(SpecStatusValuesRequest, () => [...STATUSES]);

  connection.onRequest(TemplatesRequest, (params): TemplateInfo[] => {
    const path = params.uri ? uriToPath(params.uri) : null;
    const loaded = host.workspaceFor(path ?? process.cwd());
    const lang: Lang = params.lang && (LANGS as readonly string[]).includes(params.lang) ? params.lang : "en";
    return loaded.ws.registry.all().map((t) => {
      const variant = t.variants.get(lang) ?? [...t.variants.values()][0];
      return { id: t.id, kind: t.kind, origin: t.origin, name: variant?.name ?? t.id, description: variant?.description ?? "", langs: [...t.variants.keys()] };
    });
  });

  connection.onRequest(NewSpecRequest, (params): NewSpec => {
    const folder = uriToPath(params.folderUri);
    if (!folder) throw invalid(`${params.folderUri}: new specs can only be created in a folder on disk`);
    const registry = host.workspaceFor(folder).ws.registry;
    const template = registry.get(params.template);
    if (!template) throw invalid(`unknown template "${params.template}"; pick one from the list`);
    const variant = template.variants.get(params.lang) ?? [...template.variants.values()][0];
    if (!variant) throw invalid(`template "${params.template}" has no language variants`);
    const title = params.title.replace(/[\r\n]+/g, " ").trim();
    if (!title) throw invalid("a title is required");
    const text = renderTemplate(variant, { title, owner: params.owner.replace(/[\r\n]+/g, " ").trim(), date: host.today() });
    const name = safeFileName(title);
    const fileNames = Array.from({ length: NAME_ATTEMPTS }, (_, i) => numberedFileName(name, i + 1));
    return { text, fileNames, cursor: firstSectionCursor(text) };
  });

  connection.onRequest(SetSpecStatusRequest, (params) => {
    if (!(STATUSES as readonly string[]).includes(params.status)) throw invalid(`unknown status "${params.status}"; use one of ${STATUSES.join(", ")}`);
    const doc = openDocument(params.textDocument.uri, params.textDocument.version);
    const index = doc.index;
    const edits = setFrontMatterValues(index.lines, index.eol, [
      ["status", params.status],
      ["updated", host.today()],
    ]);
    if (!edits) throw invalid(`${params.textDocument.uri}: the front matter is not valid YAML or its status spans several lines; fix it by hand (see the front-matter finding on line 1)`);
    return edits;
  });

  connection.onRequest(MissingSectionsRequest, (params) => {
    const doc = openDocument(params.textDocument.uri, params.textDocument.version);
    const linted = host.lint(doc);
    if (!linted || !linted.result.isSpec) throw invalid(`${params.textDocument.uri} is not a spec: its front matter names no template`);
    const wanted = params.sections ? new Set(params.sections) : null;
    const fixes = linted.result.findings.filter((f) => f.rule === "missing-section" && f.fix?.length && (!wanted || (f.section !== null && wanted.has(f.section))));
    if (fixes.length === 0) {
      throw invalid(localize({ en: "No missing section to insert", "zh-CN": "没有需要插入的章节" }, linted.result.lang));
    }
    // Overlapping inserts at one place are merged the way the quick fix merges them.
    return applyEdits(doc.getText(), fixes.flatMap((f) => f.fix ?? [])).applied;
  });
}
