/**
 * Glob matching for workspace config without regular expressions. Config comes from
 * repositories the user did not write, and regex-based glob libraries pass syntax such as
 * `(a+)+` or `*a*a*a*a*b` through to a backtracking engine (seconds to hours per path). This
 * matcher is O(pattern x path) in the worst case.
 *
 * Supported: `*` (within a segment), `**` (any number of segments), `?`, `[abc]`, `[a-z]`,
 * `[!a]`, `{a,b}` (expanded, at most 64 alternatives). Everything else is literal.
 */
const MAX_ALTERNATIVES = 64;

function expandBraces(glob: string): string[] {
  const open = glob.indexOf("{");
  if (open < 0) return [glob];
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === "{") depth++;
    else if (glob[i] === "}" && --depth === 0) {
      const inner = glob.slice(open + 1, i);
      const parts: string[] = [];
      let d = 0;
      let start = 0;
      for (let j = 0; j <= inner.length; j++) {
        const c = inner[j];
        if (c === "{") d++;
        else if (c === "}") d--;
        else if ((c === "," && d === 0) || j === inner.length) {
          parts.push(inner.slice(start, j));
          start = j + 1;
        }
      }
      if (parts.length < 2) return [glob];
      const out: string[] = [];
      for (const p of parts) {
        for (const e of expandBraces(glob.slice(0, open) + p + glob.slice(i + 1))) {
          if (out.length >= MAX_ALTERNATIVES) return out;
          out.push(e);
        }
      }
      return out;
    }
  }
  return [glob];
}

/** One path character against a `[...]` class starting at pattern[i]; returns [matched, next index] or null if not a class. */
function matchClass(pattern: string, i: number, ch: string): [boolean, number] | null {
  const close = pattern.indexOf("]", i + 2);
  if (close < 0) return null;
  let j = i + 1;
  const negate = pattern[j] === "!" || pattern[j] === "^";
  if (negate) j++;
  let hit = false;
  for (; j < close; j++) {
    if (pattern[j + 1] === "-" && j + 2 < close) {
      if (ch >= pattern[j]! && ch <= pattern[j + 2]!) hit = true;
      j += 2;
    } else if (pattern[j] === ch) hit = true;
  }
  return [hit !== negate, close + 1];
}

/** Wildcard match of one path segment: the classic greedy algorithm with one backtrack point. */
function matchSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === "*") {
      starP = ++p;
      starT = t;
      continue;
    }
    if (c === "[") {
      const cls = matchClass(pattern, p, text[t]!);
      if (cls && cls[0]) {
        p = cls[1];
        t++;
        continue;
      }
      if (!cls && text[t] === "[") {
        p++;
        t++;
        continue;
      }
    } else if (c !== undefined && (c === "?" || c === text[t])) {
      p++;
      t++;
      continue;
    }
    if (starP < 0) return false;
    p = starP;
    t = ++starT;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

function matchSegments(pattern: string[], path: string[]): boolean {
  // memo[pi * (path.length + 1) + si]: 0 unknown, 1 false, 2 true.
  const width = path.length + 1;
  const memo = new Uint8Array((pattern.length + 1) * width);
  const go = (pi: number, si: number): boolean => {
    const key = pi * width + si;
    if (memo[key]) return memo[key] === 2;
    let ok: boolean;
    if (pi === pattern.length) ok = si === path.length;
    else if (pattern[pi] === "**") ok = go(pi + 1, si) || (si < path.length && go(pi, si + 1));
    else ok = si < path.length && matchSegment(pattern[pi]!, path[si]!) && go(pi + 1, si + 1);
    memo[key] = ok ? 2 : 1;
    return ok;
  };
  return go(0, 0);
}

/** Compiles globs (any matching) against workspace-relative paths with "/" separators. */
export function globMatcher(globs: string | readonly string[]): (path: string) => boolean {
  const patterns = (typeof globs === "string" ? [globs] : globs)
    .flatMap(expandBraces)
    .map((g) => g.replace(/^\.\//, "").split("/").filter((s, i, all) => s !== "" || i === all.length - 1));
  return (path) => {
    const segments = path.split("/");
    return patterns.some((p) => matchSegments(p, segments));
  };
}
