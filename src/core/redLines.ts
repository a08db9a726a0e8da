/**
 * The red-line model: a sentence (or list item) in which the system makes or sets a decision
 * about a person in a high-risk area, with no negation, exclusion or human decider in scope.
 * Prohibited practices need no verb: naming the use is the finding. Data: data/red-lines.ts.
 */
import {
  DECISION_VERBS,
  EXCLUSIONS,
  HUMAN_BYPASS,
  HUMAN_DECIDES,
  LIMITERS,
  NEGATION_QUALIFIERS,
  NEGATIONS,
  RED_LINE_AREAS,
  SUBORDINATORS,
  SYSTEM_ACTORS,
  ZH_NEGATION_MODALS,
  ZH_PREPOSITIONS,
  type RedLineArea,
} from "./data/red-lines";
import { PERSON_ROLES, SOFTWARE_ROLE_PREFIX } from "./data/roles";
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
  others: RegExp | null;
  decision: RegExp | null;
  notCue: RegExp | null;
}

/** A clause ends at these; a negation earlier in the clause governs the verb. */
const CLAUSE_END = /[;；:：。!?！？]|\bbut\b|\bwhereas\b|但|而是/gi;
const CJK = /[\u3400-\u9fff]/;
const COMMA = /[,，]/;
/** 没有…时， 未…后，: the negation is in a clause about when, which the comma closes. */
const ZH_WHEN_CLAUSE = /[时后][,，]|的话[,，]/;
/** Right after a use is named: "fingerprint unlock is not offered", "will never be switched on". */
const RULED_OUT_AFTER = /^[\w\s'’-]{0,24}?\b(?:(?:is|are|was|were|will|would|shall|does|do|has|have)(?:\s+(?:not|never)\b|n[’']t\b)|isn[’']t|aren[’']t|won[’']t|never)\b/i;

/** Actors that are no name of the system ("granted automatically"). */
const ACTOR_ADVERBS = new Set(["automat*", "自动", "智能"]);

/** The text with every match of the global `re` blanked out, offsets kept. */
const mask = (text: string, re: RegExp) => text.replace(re, (m) => " ".repeat(m.length));

/** Distance from `index` to the nearest match of the global `re` in `text`, or Infinity. */
function nearest(re: RegExp, text: string, index: number): number {
  let best = Infinity;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) best = Math.min(best, Math.abs(m.index - index));
  return best;
}

let nextId = 0;

export class RedLineModel {
  /** Distinguishes models in caches keyed by text. */
  readonly id = nextId++;
  private readonly areas: CompiledArea[];
  private readonly anyCue: RegExp;
  /** Cues that can be findings without a decision verb (prohibited practices, biometrics, watch lists). */
  private readonly useCue: RegExp;
  private readonly verbs: RegExp;
  private readonly anyVerb: RegExp;
  private readonly actors: RegExp;
  /** A verb right before the system's name is part of the name: "the screening model". */
  private readonly actorNext: RegExp;
  private readonly negation: RegExp;
  private readonly qualifier: RegExp;
  private readonly subordinator: RegExp;
  private readonly exclusion: RegExp;
  private readonly humanDecides: RegExp;
  /** Ends where a person is said to be skipped. */
  private readonly bypassed: RegExp;
  /** A person said to be skipped: "with no adjuster review". */
  private readonly bypassedPerson: RegExp;

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
    this.areas = areas.map((area) => ({
      area,
      cue: termRegExp(area.cues),
      context: area.context ? termRegExp(area.context, "gi") : null,
      others: area.others ? termRegExp(area.others, "gi") : null,
      decision: area.decisions ? termRegExp(area.decisions) : null,
      notCue: area.notCues ? termRegExp(area.notCues, "gi") : null,
    }));
    this.anyCue = termRegExp(areas.flatMap((a) => a.cues));
    this.useCue = termRegExp(areas.flatMap((a) => (a.prohibited || a.cueIsUse ? a.cues : (a.decisions ?? []))));
    this.verbs = termRegExp([...DECISION_VERBS, ...(ext.verbs ?? [])], "gi");
    this.anyVerb = new RegExp(this.verbs.source, "i");
    const actors = [...SYSTEM_ACTORS, ...(ext.actors ?? [])];
    this.actors = termRegExp(actors);
    this.actorNext = new RegExp(`^[\\s-]+${termSource(actors.filter((a) => !ACTOR_ADVERBS.has(a)))}`, "i");
    this.negation = termRegExp(NEGATIONS, "gi");
    this.qualifier = new RegExp(`${termSource(NEGATION_QUALIFIERS)}\\s+(?:[\\w'’-]+\\s+){0,3}$`, "i");
    this.subordinator = termRegExp(SUBORDINATORS);
    this.exclusion = termRegExp(EXCLUSIONS);
    const people = termSource(PERSON_ROLES);
    const decides = termSource([...HUMAN_DECIDES, ...DECISION_VERBS]);
    // Between the person and the verb, no clause end and no "only": "the manager only sends the letter" decides nothing.
    const gap = (n: number) => `(?:(?!${termSource(LIMITERS)})[^,，;；。:：]){0,${n}}?`;
    // "a physician makes every diagnosis", 由医生作出, "the officer reads it and makes the decision",
    // "the caseworker, who decides"; passively "made by caseworkers", "stays with teachers".
    const after = `(?:${gap(12)}|${gap(24)}(?:\\band|\\bthen|并|后)\\s*|\\s*,\\s*who\\s+(?:\\S+\\s+){0,2}?)`;
    this.humanDecides = new RegExp(`${people}${after}${decides}|${decides}(?:\\s+\\S+){0,3}?\\s+(?:by|with|left\\s+to)\\s+(?:\\S+\\s+){0,2}?${people}`, "gi");
    this.bypassed = new RegExp(`${termSource(HUMAN_BYPASS)}(?:\\s*\\S+){0,3}?\\s*$`, "i");
    this.bypassedPerson = new RegExp(`${termSource(HUMAN_BYPASS)}\\s*(?:\\S+\\s+)?${people}`, "i");
  }

  /** Whether a person decides in the sentence, and is not named only to say they are skipped. */
  private decidedByPerson(text: string): boolean {
    this.humanDecides.lastIndex = 0;
    for (let m = this.humanDecides.exec(text); m; m = this.humanDecides.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (!this.bypassed.test(before) && !this.bypassedPerson.test(m[0]) && !SOFTWARE_ROLE_PREFIX.test(before)) return true;
    }
    return false;
  }

  /** Whether a match at `index` is governed by a negation earlier in its clause. */
  private negatedAt(text: string, index: number): boolean {
    let start = 0;
    CLAUSE_END.lastIndex = 0;
    for (let m = CLAUSE_END.exec(text); m && m.index < index; m = CLAUSE_END.exec(text)) start = m.index + m[0].length;
    const clause = text.slice(start, index);
    this.negation.lastIndex = 0;
    for (let m = this.negation.exec(clause); m; m = this.negation.exec(clause)) {
      const end = m.index + m[0].length;
      // "no-hire", "no-show": a label, not a negation.
      if (clause.charAt(end) === "-") continue;
      if (this.governs(clause, m.index, end)) return true;
    }
    return false;
  }

  /**
   * Whether the negation at [from, to) of a clause that ends at the verb negates the verb, or
   * only describes the person ("applicants with no history are declined", 未缴费的保单被终止).
   */
  private governs(clause: string, from: number, to: number): boolean {
    const between = clause.slice(to);
    const zh = CJK.test(clause.charAt(from));
    // Next to the verb ("does not approve", 不会自动拒绝) a negation always governs it.
    if (zh ? between.length <= 3 : between.trim().split(/\s+/).filter(Boolean).length <= 2) return true;
    const before = clause.slice(0, from);
    if (!zh) return !(this.qualifier.test(before) || (this.subordinator.test(before) && COMMA.test(between)));
    // 不经社工核实，由算法判定: the negation skips a step; the comma closes it.
    if ((ZH_WHEN_CLAUSE.test(between) || clause.charAt(to) === "经" || this.subordinator.test(before)) && COMMA.test(between)) return false;
    if (ZH_NEGATION_MODALS.includes(clause.charAt(to))) return true;
    const de = between.indexOf("的");
    return de < 0 || [...between.slice(0, de)].some((c) => ZH_PREPOSITIONS.includes(c));
  }

  /** Whether the emotion cue at `index` is read from someone in the context rather than from a customer. */
  private inContext({ context, others }: CompiledArea, text: string, index: number): boolean {
    if (!context) return true;
    const own = nearest(context, text, index);
    return own !== Infinity && (!others || own <= nearest(others, text, index));
  }

  /** Whether the system acts in the sentence and no person decides there. */
  private actsAlone(text: string): boolean {
    return this.actors.test(text) && !this.decidedByPerson(text);
  }

  /** Whether a decision verb of the sentence is not negated. */
  private decidesByVerb(text: string): boolean {
    this.verbs.lastIndex = 0;
    // A verb that only names the system ("the screening model") is the decision only when the
    // sentence has no other: "the pricing model resets the premium", but not "the screening
    // model never rejects a candidate".
    const acts: number[] = [];
    const names: number[] = [];
    for (let m = this.verbs.exec(text); m; m = this.verbs.exec(text)) (this.actorNext.test(text.slice(m.index + m[0].length)) ? names : acts).push(m.index);
    return (acts.length > 0 ? acts : names).some((i) => !this.negatedAt(text, i));
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
      let alone: boolean | undefined;
      let verb: boolean | undefined;
      for (const compiled of this.areas) {
        const { area, cue, decision, notCue } = compiled;
        const m = cue.exec(notCue ? mask(text, notCue) : text);
        if (!m || !this.inContext(compiled, text, m.index)) continue;
        let hit: boolean;
        if (area.prohibited || area.cueIsUse) hit = !this.negatedAt(text, m.index) && !RULED_OUT_AFTER.test(text.slice(m.index + m[0].length));
        else {
          alone ??= this.actsAlone(text);
          hit = alone && (verb ??= this.decidesByVerb(text));
          // A watch list or an award is the decision itself: the system in the sentence sets it.
          const d = hit || !alone || !decision ? null : decision.exec(text);
          if (d) hit = !this.negatedAt(text, d.index);
        }
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
