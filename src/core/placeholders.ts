/** Placeholder text: what a writer leaves to fill in later. One definition for the rule and the checks. */
const PATTERNS = [/\b(?:TODO|TBD|TBA|XXX|FIXME)\b|\?{3,}|待定|待补充|待确认/g, /\[NEEDS CLARIFICATION[^\]]*\]|lorem ipsum/gi];

/** The same patterns without the g flag: a quick test with no iterator or regex clone (hot path per keystroke). */
const TESTS = PATTERNS.map((re) => new RegExp(re.source, re.flags.replace("g", "")));

export function* findPlaceholders(text: string): Generator<{ index: number; text: string }> {
  if (!hasPlaceholder(text)) return;
  for (const re of PATTERNS) for (const m of text.matchAll(re)) yield { index: m.index, text: m[0] };
}

export function hasPlaceholder(text: string): boolean {
  for (const re of TESTS) if (re.test(text)) return true;
  return false;
}
