/**
 * Workspace configuration: `.pm/config.jsonc`, validated against the shipped JSON Schema.
 * Config is data only. A broken config is a PmError with file, line and column.
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, type ParseError, type Node } from "jsonc-parser";
import Ajv, { type ErrorObject } from "ajv";
import { globMatcher } from "./glob";
import schema from "../../schemas/pm-config.schema.json";
import { PmError, lineColumnAt } from "./errors";
import type { Lang, SeveritySetting, Status } from "./types";
import type { RedLineExtension } from "./redLines";

export type RuleSetting = SeveritySetting | Partial<Record<Status | "default", SeveritySetting>>;

export interface ConfigData {
  lang?: Lang;
  rules?: Record<string, RuleSetting>;
  aliases?: Record<string, string[]>;
  templates?: Record<string, string>;
  ignore?: string[];
  maxFileSize?: number;
  /** More red-line areas, cues, verbs or system actors for red-line-review. */
  redLines?: RedLineExtension;
  overrides?: Array<{ files: string | string[]; rules?: Record<string, RuleSetting>; template?: string; lang?: Lang }>;
}

/** Settings that apply to one file after globs and overrides are resolved. */
export interface FileSettings {
  lang: Lang | null;
  /** Keyed by rule name or id as written; the linter resolves both. */
  rules: Record<string, RuleSetting>;
  aliases: Record<string, string[]>;
  /** Template for documents whose front matter names none. */
  template: string | null;
  maxFileSize: number;
}

/** One shared empty alias set: matchers are cached per alias object, so a fresh `{}` per file would build one per lint. */
const NO_ALIASES: FileSettings["aliases"] = Object.freeze({});
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const CONFIG_PATH = ".pm/config.jsonc";

let validator: ReturnType<Ajv["compile"]> | null = null;
function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(schema);
  return validator(data) ? [] : (validator.errors ?? []);
}

const RULE_VALUE = /^(?:\/overrides\/\d+)?\/rules\/[^/]+(?:\/[^/]+)?$/;

function describe(err: ErrorObject): string {
  const where = err.instancePath ? `"${err.instancePath.slice(1).split("/").join(".")}"` : "the config";
  const p = err.params as Record<string, unknown>;
  if (err.propertyName !== undefined) return `${where} names an unknown rule "${err.propertyName}"; run \`pmw rules\` for the list`;
  if (RULE_VALUE.test(err.instancePath)) {
    return `${where} must be "error", "warning", "info", "hint" or "off", or severities by status such as {"draft": "info", "default": "error"}`;
  }
  switch (err.keyword) {
    case "additionalProperty":
    case "additionalProperties":
      return `${where} has unknown key "${String(p["additionalProperty"])}"; remove it or check its spelling`;
    case "enum":
      return `${where} must be one of ${(p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `${where} must be ${String(p["type"])}`;
    case "oneOf":
      return `${where} must be a severity ("error", "warning", "info", "hint", "off") or an object of severities by status`;
    default:
      return `${where} ${err.message ?? "is invalid"}`;
  }
}

export class Config {
  private readonly overrideMatchers: Array<{ match: (p: string) => boolean; o: NonNullable<ConfigData["overrides"]>[number] }>;
  private readonly templateMatchers: Array<{ match: (p: string) => boolean; id: string }>;
  private readonly ignoreMatcher: ((p: string) => boolean) | null;

  constructor(
    readonly data: ConfigData,
    /** The config file, or null for defaults. */
    readonly file: string | null,
  ) {
    this.overrideMatchers = (data.overrides ?? []).map((o) => ({ match: globMatcher(o.files), o }));
    this.templateMatchers = Object.entries(data.templates ?? {}).map(([glob, id]) => ({ match: globMatcher(glob), id }));
    this.ignoreMatcher = data.ignore?.length ? globMatcher(data.ignore) : null;
  }

  static defaults(): Config {
    return new Config({}, null);
  }

  /**
   * Parses config text. Throws PmError naming the file, line and column on a syntax error, a
   * schema violation or an unknown rule.
   */
  static parse(file: string, text: string): Config {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) {
      const e = errors[0]!;
      const { line, column } = lineColumnAt(text, e.offset);
      throw new PmError(file, line, column, `invalid JSONC: ${printParseErrorCode(e.error)}; fix the syntax at this position`);
    }
    if (!root) throw new PmError(file, 1, 1, "the config is empty; write {} for defaults");
    const data: unknown = nodeValue(root);
    const problems = validate(data);
    if (problems.length > 0) {
      const err = problems[0]!;
      const path = err.instancePath.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));
      const p = err.params as Record<string, unknown>;
      const key = (p["additionalProperty"] ?? err.propertyName) as string | undefined;
      let node = findNodeAtLocation(root, path) ?? root;
      if (key !== undefined) node = findNodeAtLocation(root, [...path, key])?.parent?.children?.[0] ?? node;
      const { line, column } = lineColumnAt(text, node.offset);
      throw new PmError(file, line, column, describe(err));
    }
    return new Config(data as ConfigData, file);
  }

  isIgnored(relPath: string): boolean {
    return this.ignoreMatcher?.(relPath) ?? false;
  }

  forFile(relPath: string): FileSettings {
    const rules: Record<string, RuleSetting> = { ...(this.data.rules ?? {}) };
    let template: string | null = null;
    for (const t of this.templateMatchers) if (t.match(relPath)) template = t.id;
    let lang: Lang | null = this.data.lang ?? null;
    for (const { match, o } of this.overrideMatchers) {
      if (!match(relPath)) continue;
      Object.assign(rules, o.rules ?? {});
      if (o.template) template = o.template;
      if (o.lang) lang = o.lang;
    }
    return { lang, rules, aliases: this.data.aliases ?? NO_ALIASES, template, maxFileSize: this.data.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  }
}

/** Plain value of a JSON node; unlike JSON.parse it keeps going after comments. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return { ...out };
    }
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
