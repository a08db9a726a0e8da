/**
 * Promises that say nothing measurable unless a number or a period stands beside them
 * (vague-language). Terms follow terms.ts: a trailing * matches any ending, a space any blanks.
 */
export const VAGUE_PHRASES: readonly string[] = [
  "continuous* optimi*", "keep optimi*", "keep improving", "as soon as possible", "ASAP",
  "significant* improv*", "significant* increas*", "significant* boost*", "significant* better",
  "best-in-class", "best in class", "world-class", "world class", "we believe", "in theory", "theoretically",
  "industry-leading", "industry leading", "seamless", "seamlessly",
  "持续优化", "尽快", "大幅提升", "显著提升", "我们认为", "理论上", "极致体验", "业界领先",
];
