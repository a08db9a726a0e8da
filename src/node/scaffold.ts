/**
 * Creates a new document from a template: the one scaffolding function every caller uses.
 * Never overwrites (a taken name gets -2, -3 ...), never writes outside the target folder,
 * writes atomically.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { renderTemplate, type TemplateRegistry } from "../core/templates";
import { numberedFileName, safeFileName } from "../core/fileName";
import type { Lang } from "../core/types";
import { createFileExclusive, isInside, UnsafeWriteError } from "./files";

export interface ScaffoldRequest {
  templateId: string;
  title: string;
  owner?: string;
  lang: Lang;
  /** Folder to create the file in (created if missing). */
  outDir: string;
  today?: string;
}

export class ScaffoldError extends Error {}

export function scaffold(registry: TemplateRegistry, req: ScaffoldRequest): { file: string; text: string } {
  const template = registry.get(req.templateId);
  if (!template) throw new ScaffoldError(`unknown template "${req.templateId}"; run \`pmw templates\` to list them`);
  const variant = template.variants.get(req.lang) ?? [...template.variants.values()][0];
  if (!variant) throw new ScaffoldError(`template "${req.templateId}" has no variants`);
  const title = req.title.replace(/[\r\n]+/g, " ").trim();
  if (!title) throw new ScaffoldError("a title is required (--title \"...\")");
  const text = renderTemplate(variant, { title, owner: req.owner ?? "", date: req.today ?? new Date().toISOString().slice(0, 10) });
  mkdirSync(req.outDir, { recursive: true });
  const name = safeFileName(title);
  for (let n = 1; n < 1000; n++) {
    const candidate = join(req.outDir, numberedFileName(name, n));
    if (!isInside(req.outDir, candidate)) throw new UnsafeWriteError(`${candidate}: outside ${req.outDir}; refusing to write`);
    try {
      createFileExclusive(candidate, text);
      return { file: candidate, text };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  throw new ScaffoldError(`${join(req.outDir, name)} and 998 numbered variants exist; choose another title`);
}
