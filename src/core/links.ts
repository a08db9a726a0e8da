/**
 * Link destinations in a line of prose: inline links and images `[text](dest)` and reference
 * definitions `[label]: dest`. A small linear scanner, not markdown-it's inline parser, which is
 * quadratic on some inputs. The line is expected with inline code already blanked out.
 */
export interface LinkRef {
  /** Column range of the destination. */
  start: number;
  end: number;
  href: string;
}

// Link text may hold one level of nested brackets: [a [b] c](dest).
const INLINE = /!?\[(?:[^[\]\\]|\\.|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)/g;
const DEFINITION = /^ {0,3}\[(?:[^[\]\\]|\\.)+\]:[ \t]*(<[^>\n]*>|\S+)/;

function ref(dest: string, matchEnd: number): LinkRef {
  const end = matchEnd;
  const start = end - dest.length;
  const angled = dest.startsWith("<") && dest.endsWith(">");
  return angled ? { start: start + 1, end: end - 1, href: dest.slice(1, -1) } : { start, end, href: dest };
}

/** Whether the text can hold a link at all. */
function mayHoldLinks(text: string): boolean {
  return text.includes("](") || text.includes("]:");
}

/** For a prose scan (scanProse `candidates`): what every line holding a link has, so only those lines are read. */
export const LINK_CANDIDATES = /\]\(|\]:/g;

export function findLinks(line: string): LinkRef[] {
  const out: LinkRef[] = [];
  if (!mayHoldLinks(line)) return out;
  const def = DEFINITION.exec(line);
  if (def?.[1]) out.push(ref(def[1], def[0].length));
  for (const m of line.matchAll(INLINE)) out.push(ref(m[1]!, m.index + m[0].length));
  return out;
}
