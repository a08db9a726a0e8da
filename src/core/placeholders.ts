/** Placeholder text: what a writer leaves to fill in later. One definition for the rule and the checks. */
const PATTERNS = [/\b(?:TODO|TBD|TBA|XXX|FIXME)\b|\?{3,}|待定|待补充|待确认/g, /\[NEEDS CLARIFICATION[^\]]*\]|lorem ipsum/gi];

export function* findPlaceholders(text: string): Generator<{ index: number; text: string }> {
  for (const re of PATTERNS) for (const m of text.matchAll(re)) yield { index: m.index, text: m[0] };
}

export function hasPlaceholder(text: string): boolean {
  return !findPlaceholders(text).next().done;
}
