import type { ParsedDocument } from "./document";

/** Inline switches: <!-- pm-disable RULE -->, <!-- pm-enable RULE -->, <!-- pm-disable-next-line RULE -->. */
interface Directive {
  kind: "disable" | "enable" | "disable-next-line" | "disable-line";
  line: number;
  /** Rule names; empty means every rule. */
  rules: string[];
}

const DIRECTIVE = /<!--\s*pm-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export class Directives {
  private constructor(private readonly list: Directive[]) {}

  /** `resolve` maps an id or name as written to the rule's name (or null if unknown). */
  static parse(doc: ParsedDocument, resolve: (idOrName: string) => string | null): Directives {
    const list: Directive[] = [];
    const directiveLines = new Set<number>();
    const bodyStart = doc.frontMatter.bodyStart;
    // Whether prose comes before a line: read lazily, since most documents have no directives
    // and in the rest the title settles it within a few lines.
    let contentSeen = false;
    let seenUpTo = bodyStart;
    const contentBefore = (line: number): boolean => {
      for (; !contentSeen && seenUpTo < line; seenUpTo++) {
        const text = doc.lines[seenUpTo]!;
        if (!directiveLines.has(seenUpTo) && text.trim() && !doc.isNonProse(seenUpTo)) contentSeen = true;
      }
      return contentSeen;
    };
    for (let l = bodyStart; l < doc.lines.length; l++) {
      const line = doc.lines[l]!;
      if (!line.includes("pm-")) continue;
      if (doc.md.blocks.some((b) => b.kind === "code" && l >= b.line && l < b.endLine)) continue;
      for (const m of line.matchAll(DIRECTIVE)) {
        directiveLines.add(l);
        const rules = (m[2] ?? "").split(/[\s,]+/).filter(Boolean).map(resolve).filter((r): r is string => r !== null);
        // A disable before any content covers the whole file, front matter and title included.
        list.push({ kind: m[1] as Directive["kind"], line: m[1] === "disable" && !contentBefore(l) ? -1 : l, rules });
      }
    }
    return new Directives(list);
  }

  isDisabled(rule: string, line: number): boolean {
    let disabled = false;
    for (const d of this.list) {
      const applies = d.rules.length === 0 || d.rules.includes(rule);
      if (!applies) continue;
      if (d.kind === "disable-next-line" && d.line + 1 === line) return true;
      if (d.kind === "disable-line" && d.line === line) return true;
      if (d.line <= line) {
        if (d.kind === "disable") disabled = true;
        else if (d.kind === "enable") disabled = false;
      }
    }
    return disabled;
  }
}
