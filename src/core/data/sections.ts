/**
 * Vocabulary of the section checks that read more than numbers: how a fallback path may end,
 * how a requirement states its priority and acceptance, what pins a model or prompt, what an
 * alert, a rollout stage and an inconclusive result look like. Terms follow terms.ts (a `*`
 * matches the rest of a word, a space any run of blanks); English and Chinese.
 */

/** A fallback path may end on a path without the model: the classic flow, or the feature hidden. */
export const NON_AI_PATHS: readonly string[] = [
  "classic flow", "classic experience", "classic search", "classic form", "legacy flow", "legacy form", "old flow", "previous flow", "pre-AI flow",
  "rules-based flow", "rule-based flow", "rules-based form", "rules engine", "standard form", "manual form", "static form", "keyword search",
  "non-AI", "without AI", "without the model", "no model involved",
  "hid* the feature", "hid* the * feature", "hid* the assistant", "hid* the entry point", "feature is hidden", "feature hidden", "feature stays hidden",
  "switch* the feature off", "switch* off the feature", "turn* the feature off", "turn* off the feature", "disabl* the feature", "feature flag off", "disabl* the feature flag", "feature is switched off", "feature is turned off",
  "经典流程", "原有流程", "原流程", "旧流程", "传统流程", "规则流程", "规则引擎", "基于规则", "标准表单", "人工填写表单", "关键词搜索", "非 AI", "非AI", "不经过模型", "不调用模型",
  "隐藏该功能", "隐藏该模块", "隐藏入口", "隐藏功能", "功能隐藏", "关闭功能开关", "关闭该功能", "关闭此功能", "功能下线", "下线该功能",
];

/** Priorities written out; P0-P3, MUST / SHOULD / COULD in capitals and bracketed (Must) are matched in the check. */
export const PRIORITY_WORDS: readonly string[] = ["must have", "should have", "could have", "won't have", "must-have", "should-have", "could-have", "nice-to-have", "nice to have", "priority", "优先级"];

/** Labels and phrasings that carry an acceptance criterion. */
export const ACCEPTANCE_LABELS: readonly string[] = ["acceptance", "accepted when", "done when", "pass bar", "passes when", "verified by", "验收", "验收标准", "通过标准", "完成标准"];

/** Words of a monitoring alert. */
export const ALERT_WORDS: readonly string[] = ["alert*", "alarm*", "page", "pages", "paged", "paging", "notif*", "monitor*", "告警", "报警", "预警", "监控", "通知"];

/** Words that say a model or prompt is pinned to a version. */
export const VERSION_WORDS: readonly string[] = ["version*", "pinned", "pin", "pins", "snapshot*", "release*", "tag", "tagged", "commit", "checkpoint*", "版本", "锁定", "快照"];

/** Words of the one who answers for it: an owner, a runbook holder, the on-call rota. */
export const OWNER_WORDS: readonly string[] = ["owner*", "owned by", "on-call", "on call", "runbook", "DRI", "responsible", "负责人", "负责", "责任人", "值班", "运维手册", "预案"];

/** A rollout stage's audience: shares of traffic, cohorts, staff, shadow mode. */
export const STAGE_AUDIENCE: readonly string[] = ["internal*", "employee*", "staff", "dogfood*", "shadow*", "beta", "pilot*", "canary", "cohort*", "user*", "customer*", "account*", "tenant*", "region*", "market*", "team*", "traffic", "everyone", "all", "内部", "员工", "影子", "灰度", "试点", "用户", "客户", "流量", "全量", "门店", "地区", "城市", "租户"];

/** The bar to move a stage on. */
export const ADVANCE_WORDS: readonly string[] = ["advance*", "proceed*", "promot*", "move on", "moves on", "go to", "goes to", "expand*", "widen*", "next stage", "graduat*", "ramp*", "进入下一阶段", "进入下一", "放量", "扩量", "扩大", "推进"];

/** Chinese words that make a bar a condition, beyond the triggers every check knows ("if", "when", 如果). */
export const ADVANCE_CONDITIONS: readonly string[] = ["达到", "则", "满足", "即可"];

/** The bar to roll a stage back. */
export const ROLLBACK_WORDS: readonly string[] = ["roll* back", "rollback", "revert*", "kill switch", "switch* off", "turn* off", "pause*", "halt*", "回滚", "回退", "退回", "关停", "暂停", "下线"];

/** A result defined in advance as neither a win nor a loss. */
export const INCONCLUSIVE_WORDS: readonly string[] = ["inconclusive", "no clear result", "not significant", "no significant", "within the noise", "below the minimum detectable effect", "smaller than the minimum detectable effect", "under the MDE", "below the MDE", "neutral result", "flat result", "无结论", "不显著", "结论不明", "没有显著", "未达到最小可检测效应", "低于最小可检测效应", "不确定"];

/** What an analysis plan names: the sample-ratio check, the novelty effect, a holdout. */
export const SAMPLE_RATIO: readonly string[] = ["sample ratio", "sample-ratio", "SRM", "样本比例", "分流比例检验", "样本比例不匹配"];
export const NOVELTY: readonly string[] = ["novelty", "primacy", "learning effect", "新奇效应", "新鲜感", "首因效应"];
export const HOLDOUT: readonly string[] = ["holdout", "hold-out", "held out", "held-out", "长期对照", "保留组", "反转实验", "留出组"];
