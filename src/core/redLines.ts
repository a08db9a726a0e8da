/**
 * The red-line model: a sentence (or list item) in which the system makes or sets a decision
 * about a person in a high-risk area, with no negation, exclusion or human decider in scope.
 * Prohibited practices need no verb: naming the use is the finding. Data: data/red-lines.ts.
 */
import { DECISION_VERBS, EXCLUSIONS, HUMAN_DECIDES, NEGATIONS, RED_LINE_AREAS, SYSTEM_ACTORS, type RedLineArea } from "./data/red-lines";
import { ROLES } from "./data/roles";
import { foldAccents, termRegExp, termSource } from "./terms";
import { sentencesOf, type Passage } from "./passages";
import type { Localized } from "./i18n";

/** `.pm/config.jsonc` `redLines`: more areas, or more cues for a built-in area (same id), and more verbs. */
export interface RedLineExtension {
  areas?: Array<{ id: string; name?: string | Localized; basis?: string; cues?: string[]; prohibited?: boolean }>;
  verbs?: string[];
  actors?: string[];
}

export interface RedLineHit {
  area: RedLineArea;
  /** Offset and text of the sentence in the passage. */
  index: number;
  sentence: string;
}

interface CompiledArea {
  area: RedLineArea;
  cue: RegExp;
  context: RegExp | null;
}

/** A clause ends at these; a negation earlier in the clause governs the verb. */
const CLAUSE_END = /[;；:：。!?！？]|\bbut\b|\bwhereas\b|但|而是/gi;
const GAP = "[^,，;；。:：]{0,12}?";

let nextId = 0;

export class RedLineModel {
  /** Distinguishes models in caches keyed by text. */
  readonly id = nextId++;
  private readonly areas: CompiledArea[];
  private readonly anyCue: RegExp;
  /** Cues that are findings without a system verb (prohibited practices, biometrics). */
  private readonly useCue: RegExp;
  private readonly verbs: RegExp;
  private readonly anyVerb: RegExp;
  private readonly actors: RegExp;
  private readonly negation: RegExp;
  private readonly exclusion: RegExp;
  private readonly humanDecides: RegExp;

  constructor(ext: RedLineExtension = {}) {
    const areas = RED_LINE_AREAS.map((a) => ({ ...a, cues: [...a.cues] }));
    for (const x of ext.areas ?? []) {
      const known = areas.find((a) => a.id === x.id);
      if (known) known.cues.push(...(x.cues ?? []));
      else {
        const name = typeof x.name === "string" ? { en: x.name, "zh-CN": x.name } : (x.name ?? { en: x.id, "zh-CN": x.id });
        areas.push({ id: x.id, basis: x.basis ?? "workspace config", name, cues: [...(x.cues ?? [])], ...(x.prohibited ? { prohibited: true } : {}) });
      }
    }
    this.areas = areas.map((area) => ({ area, cue: termRegExp(area.cues), context: area.context ? termRegExp(area.context) : null }));
    this.anyCue = termRegExp(areas.flatMap((a) => a.cues));
    this.useCue = termRegExp(areas.filter((a) => a.prohibited || a.cueIsUse).flatMap((a) => a.cues));
    this.verbs = termRegExp([...DECISION_VERBS, ...(ext.verbs ?? [])], "gi");
    this.anyVerb = new RegExp(this.verbs.source, "i");
    this.actors = termRegExp([...SYSTEM_ACTORS, ...(ext.actors ?? [])]);
    this.negation = termRegExp(NEGATIONS);
    this.exclusion = termRegExp(EXCLUSIONS);
    const people = termSource(ROLES.filter((r) => !r.ambiguous).map((r) => r.term));
    const decides = termSource([...HUMAN_DECIDES, ...DECISION_VERBS]);
    // "a physician makes every diagnosis", 由医生作出; passively "made by caseworkers", "stays with teachers".
    this.humanDecides = new RegExp(`${people}${GAP}${decides}|${decides}(?:\\s+\\S+){0,3}?\\s+(?:by|with|left\\s+to)\\s+(?:\\S+\\s+){0,2}?${people}`, "i");
  }

  /** Whether a match at `index` is governed by a negation earlier in its clause. */
  private negatedAt(text: string, index: number): boolean {
    let start = 0;
    CLAUSE_END.lastIndex = 0;
    for (let m = CLAUSE_END.exec(text); m && m.index < index; m = CLAUSE_END.exec(text)) start = m.index + m[0].length;
    return this.negation.test(text.slice(start, index));
  }

  private decidedBySystem(text: string): boolean {
    if (!this.actors.test(text) || this.humanDecides.test(text)) return false;
    this.verbs.lastIndex = 0;
    for (let m = this.verbs.exec(text); m; m = this.verbs.exec(text)) if (!this.negatedAt(text, m.index)) return true;
    return false;
  }

  /** The red-line sentences of a passage, at most one hit per sentence (the first area that applies). */
  find(p: Passage): RedLineHit[] {
    const folded = foldAccents(p.text);
    if (!this.anyCue.test(folded)) return [];
    // Most passages that mention an area have no system acting in them: no need to cut sentences.
    if (!this.useCue.test(folded) && !(this.actors.test(folded) && this.anyVerb.test(folded))) return [];
    const out: RedLineHit[] = [];
    for (const s of sentencesOf(folded)) {
      const text = s.text;
      if (!this.anyCue.test(text) || this.exclusion.test(text)) continue;
      let system: boolean | undefined;
      for (const { area, cue, context } of this.areas) {
        const m = cue.exec(text);
        if (!m || (context && !context.test(text))) continue;
        const hit = area.prohibited || area.cueIsUse ? !this.negatedAt(text, m.index) : (system ??= this.decidedBySystem(text));
        if (hit) {
          out.push({ area, index: s.index, sentence: p.text.slice(s.index, s.index + text.length).trim() });
          break;
        }
      }
    }
    return out;
  }
}

const cache = new WeakMap<object, RedLineModel>();
let builtIn: RedLineModel | null = null;

/** One model per extension object (the config's), built once. */
export function redLineModel(ext: RedLineExtension | undefined): RedLineModel {
  if (!ext) return (builtIn ??= new RedLineModel());
  let m = cache.get(ext);
  if (!m) cache.set(ext, (m = new RedLineModel(ext)));
  return m;
}
