/** Shared vocabulary of the content checks, English and Chinese. */
import { PERSON_ROLES, ROLES } from "../data/roles";
import * as S from "../data/sections";
import { termSource } from "../terms";

// Numbers, thresholds, windows, durations and money: one module for every check.
export { NUMBER, THRESHOLD, TIME_WINDOW, MONEY, DURATION } from "../quantities";

export const LINK = /\]\([^)]+\)|https?:\/\/\S+|<https?:[^>]+>|\]\[[^\]]*\]/;

export const REQUIREMENT_ID = /\b[A-Z][A-Z0-9]*-\d+\b/;

export const FAILURE_HANDLING = /fail|error|timeout|cannot|can't|unable|not found|no match|time[ds]? out|if not|otherwise|fallback|fall back|retry|retries|escalat|hand(?:s|ed)? (?:off|over)|human|manual|abort|degrad|异常|失败|超时|否则|降级|重试|转人工|人工|兜底|回退|中止|查不到|找不到|无法/i;

export const TRIGGER = /\bif\b|\bwhen\b|\bonce\b|\bafter\b|trigger|[<>≤≥＜＞]|exceed|below|above|\bover\b|unavailable|\bdown\b|outage|timeout|time[ds]? out|fails?|error|如果|当|若|一旦|触发|超过|超限|超出|低于|高于|不可用|超时|失败|异常|连续|时(?=[，,、；;。\s])|之后|后[，,]|(?:秒|分钟|小时|天|次)后|过期|无(?:匹配|结果|命中|响应)/i;

/** A step handed to a person when it goes wrong: "route the report to a finance clerk", 转交财务专员. */
const PERSON = termSource(PERSON_ROLES);
export const HAND_TO_PERSON = new RegExp(
  `\\b(?:hand|route|pass|send|refer|transfer|escalate|assign)(?:s|es|ed|d)?\\s+(?:[\\w'’-]+\\s+){0,3}?to\\s+(?:an?\\s+|the\\s+)?(?:[\\w'’-]+\\s+){0,2}?${PERSON}|(?:转交|交给|交由|移交|转给|转)[^，,。；;]{0,8}?${PERSON}`,
  "i",
);

/** A person takes over: "a human", "the on-call engineer", "a claims handler", 值班经理 (roles: data/roles.ts). */
export const HUMAN_TAKEOVER = new RegExp(`${termSource(ROLES.map((r) => r.term))}|live agent|manual|hand(?:s|ed)? (?:it )?(?:off|over)|转人工|人工|接手|接管`, "i");

/** Requirements: priority, acceptance criterion (EARS, Given/When/Then, an eval pass bar). */
export const PRIORITY = new RegExp(
  `\\bP[0-3]\\b|[(\\[（【]\\s*(?:must|should|could|won't)\\s*[)\\]）】]|\\b(?:must|should|could)\\s*[:：]|${termSource(S.PRIORITY_WORDS)}|[（(【\\[]\\s*(?:必须|应该|可选|高|中|低)\\s*[)）】\\]]`,
  "i",
);
// "MUST" in capitals is a priority; "must" in a sentence is not: the capitals are matched without "i".
export const PRIORITY_CAPITALS = /\b(?:MUST|SHOULD|COULD|WON'T)\b/;
export const GIVEN_WHEN_THEN = /\bgiven\b[\s\S]*?\bwhen\b[\s\S]*?\bthen\b|(?:假设|假定|给定|已知|前提)[\s\S]*?当[\s\S]*?(?:那么|则)/i;
export const EARS = /\bshall\b|当[^。；;]{1,60}?时[，,]?[^。；;]{0,40}?(?:应当|应|须|必须)|(?:如果|若)[^。；;]{1,60}?[，,][^。；;]{0,20}?(?:应当|应|须|必须)/i;
export const ACCEPTANCE_LABEL = new RegExp(termSource(S.ACCEPTANCE_LABELS), "i");
export const EVAL_WORD = /\beval(?:uation)?s?\b|test set|golden set|benchmark|labelled set|labeled set|评测|测试集|标注集|评估集/i;

/** Operations: a pinned version, an alert, an owner. */
export const VERSION_WORD = new RegExp(termSource(S.VERSION_WORDS), "i");
/** A version identifier that needs no word: v7, 1.4.2, a dated snapshot (qwen-max-2025-01-25), @20250929. */
export const VERSION_ID = /\bv\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+\b|\b[a-z][\w.]*-\d{4}-?\d{2}-?\d{2}\b|@\d{6,8}\b/i;
export const ALERT = new RegExp(termSource(S.ALERT_WORDS), "i");
export const OWNER = new RegExp(`${termSource(S.OWNER_WORDS)}|@[A-Za-z][\\w.-]*`, "i");

/** Rollout stages. */
export const STAGE_AUDIENCE = new RegExp(`${termSource(S.STAGE_AUDIENCE)}|\\d+\\s*[%％]`, "i");
export const ADVANCE = new RegExp(termSource(S.ADVANCE_WORDS), "i");
export const ADVANCE_CONDITION = new RegExp(termSource(S.ADVANCE_CONDITIONS), "i");
export const ROLLBACK = new RegExp(termSource(S.ROLLBACK_WORDS), "i");

/** Experiment analysis. */
export const INCONCLUSIVE = new RegExp(termSource(S.INCONCLUSIVE_WORDS), "i");
export const SAMPLE_RATIO = new RegExp(termSource(S.SAMPLE_RATIO), "i");
export const NOVELTY = new RegExp(termSource(S.NOVELTY), "i");
export const HOLDOUT = new RegExp(termSource(S.HOLDOUT), "i");

/** A path without the model: the classic flow, a rules engine, the feature hidden (data/sections.ts). */
export const NON_AI_PATH = new RegExp(termSource(S.NON_AI_PATHS), "i");

export const REVIEW_TRIGGER = /\bif\b|\bwhen\b|\ball\b|\bany\b|\bevery\b|\bover\b|above|exceed|greater|more than|[>≥＞]|before|所有|超过|高于|当|如果|凡是|凡|涉及|大于|之前|任何|须|需|必须|每|时(?=[，,；;])/i;

/** What happens when review says no or says nothing: "declines", "does not respond within the hour", 未回复. */
export const REVIEW_FAILURE =
  /timeout|time[ds]? out|expire|reject|fails?|declin|no response|unavailable|not reviewed|overdue|push(?:es|ed)? back|nobody|no one|no-one|unanswered|(?:does|do|did) ?n[o']t (?:respond|answer|reply|approve)|not (?:approved|answered|confirmed)|goes back|sent back|escalat|超时|驳回|拒绝|失败|未通过|未审核|逾期|不同意|未回复|未处理|未批准|未确认|无人|退回|不在岗|失效|作废|升级|不执行|暂缓/i;

export const HALLUCINATION = /hallucinat|fabricat|made[- ]up|invent(?:s|ed|ing)? (?:data|facts|numbers|sources)|幻觉|编造|虚构|捏造/i;

export const DIRECTION = /increas|decreas|rais|rise|rising|fall|reduc|improv|lower|higher|grow|drop|cut|lift|boost|shorten|\bup\b|\bdown\b|提升|提高|降低|减少|增加|下降|上升|缩短|增长|↑|↓/i;

export const CHANGE = /\bif\b|\bby\b|\bwhen\b|\bwe (?:add|change|introduce|replace|remove|launch|show|ship|test)|will|如果|通过|当|将|若/i;

export const METRIC_WORD = /rate|conversion|retention|accuracy|precision|recall|latency|time|NPS|CSAT|CTR|revenue|cost|engagement|usage|adoption|churn|satisfaction|\d|率|时长|留存|转化|准确|召回|成本|收入|满意度|指标|耗时|次数|数量/i;

export const AUDIENCE = /audience|sign-?ups?|visitors?|shoppers?|accounts?|新用户|注册|users?\b|segment|cohort|population|customers?|participants?|受众|用户|人群|样本|客户/i;
export const SPLIT = /split|\d+\s*[/:]\s*\d+|\d+\s*%|randomi[sz]|bucket|holdout|control|treatment|分流|分组|随机|对照组|实验组/i;
export const MDE = /minimum detectable effect|\bMDE\b|detectable|最小可检测|最小检测|可检测效应/i;

export const SHIP = /\bship|launch|roll ?out|full release|go live|全量|上线|发布|推全|推广/i;
export const STOP = /\bstop|\bkill|roll ?back|revert|abandon|discontinue|shut down|停止|回滚|下线|放弃|终止/i;
