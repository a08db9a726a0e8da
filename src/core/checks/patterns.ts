/** Shared vocabulary of the content checks, English and Chinese. */

export const NUMBER = /\d/;

/** A threshold: a percentage, a comparison with a number, or a bound word next to a number. */
export const THRESHOLD =
  /\d+(?:\.\d+)?\s*[%％‰]|[<>≤≥＜＞]=?\s*\d|(?:below|above|under|over|less than|more than|at least|at most|exceeds?|drops? (?:below|under)|falls? (?:below|under)|fewer than|greater than)\s+[^\n]{0,20}?\d|(?:低于|高于|超过|不足|少于|多于|大于|小于|达到|不低于|不高于)\s*\d|\d+(?:\.\d+)?\s*(?:x|倍|分|points?|pts)\b/i;

/** A time window or period. */
export const TIME_WINDOW =
  /\d+\s*(?:consecutive\s+|straight\s+|rolling\s+)?(?:days?|weeks?|months?|quarters?|hours?|hrs?|minutes?|mins?|sprints?|business days?|d|w|h)\b|\b(?:per|each|every)\s+(?:day|week|month|quarter|hour|sprint)\b|\b(?:daily|weekly|monthly|quarterly|hourly)\b|\bQ[1-4]\b|连续\s*\d*\s*(?:天|日|周|个月|月)|\d+\s*(?:天|日|周|个月|月|小时|分钟|个工作日|工作日)|每(?:天|日|周|月|季度|小时)|[周月季]度/i;

/** Money amounts or cost units. */
export const MONEY = /[$¥￥€£]\s*\d|\d\s*(?:USD|CNY|RMB|EUR|dollars?|cents?|元|美元|美分|分钱|块)|\bper\s+(?:request|query|call|1k tokens|thousand tokens|user|month)\b|每(?:次|千|万|个|月)/i;

/** A duration with a unit (latency, SLA). */
export const DURATION = /\d+(?:\.\d+)?\s*(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|(?:business |working )?hours?|(?:business |working )?days?|毫秒|秒|分钟|个?小时|个?工作小时|个工作日|工作日|天)(?![A-Za-z])/i;

export const LINK = /\]\([^)]+\)|https?:\/\/\S+|<https?:[^>]+>|\]\[[^\]]*\]/;

export const REQUIREMENT_ID = /\b[A-Z][A-Z0-9]*-\d+\b/;

export const FAILURE_HANDLING = /fail|error|timeout|time[ds]? out|if not|otherwise|fallback|fall back|retry|retries|escalat|hand(?:s|ed)? (?:off|over)|human|manual|abort|degrad|异常|失败|超时|否则|降级|重试|转人工|人工|兜底|回退|中止/i;

export const TRIGGER = /\bif\b|\bwhen\b|\bonce\b|\bafter\b|trigger|[<>≤≥＜＞]|exceed|below|above|\bover\b|unavailable|\bdown\b|outage|timeout|time[ds]? out|fails?|error|如果|当|若|一旦|触发|超过|低于|高于|不可用|超时|失败|异常|连续/i;

export const HUMAN_TAKEOVER = /human|person|people|operator|support (?:agent|team|staff)|live agent|agent with|manual|reviewer|specialist|人工|客服|专人|坐席|运营/i;

export const REVIEW_TRIGGER = /\bif\b|\bwhen\b|\ball\b|\bany\b|\bevery\b|\bover\b|above|exceed|greater|more than|[>≥＞]|before|所有|超过|高于|当|如果|凡是|涉及|大于|之前/i;

export const REVIEW_FAILURE = /timeout|time[ds]? out|expire|reject|fails?|declin|no response|unavailable|not reviewed|overdue|超时|驳回|拒绝|失败|未通过|未审核|逾期/i;

export const HALLUCINATION = /hallucinat|fabricat|made[- ]up|invent(?:s|ed|ing)? (?:data|facts|numbers|sources)|幻觉|编造|虚构|捏造/i;

export const DIRECTION = /increas|decreas|rais|rise|rising|fall|reduc|improv|lower|higher|grow|drop|cut|lift|boost|shorten|\bup\b|\bdown\b|提升|提高|降低|减少|增加|下降|上升|缩短|增长|↑|↓/i;

export const CHANGE = /\bif\b|\bby\b|\bwhen\b|\bwe (?:add|change|introduce|replace|remove|launch|show|ship|test)|will|如果|通过|当|将|若/i;

export const METRIC_WORD = /rate|conversion|retention|accuracy|precision|recall|latency|time|NPS|CSAT|CTR|revenue|cost|engagement|usage|adoption|churn|satisfaction|\d|率|时长|留存|转化|准确|召回|成本|收入|满意度|指标|耗时|次数|数量/i;

export const AUDIENCE = /audience|users?\b|segment|cohort|population|customers?|participants?|受众|用户|人群|样本|客户/i;
export const SPLIT = /split|\d+\s*[/:]\s*\d+|\d+\s*%|randomi[sz]|bucket|holdout|control|treatment|分流|分组|随机|对照组|实验组/i;
export const MDE = /minimum detectable effect|\bMDE\b|detectable|最小可检测|最小检测|可检测效应/i;

export const SHIP = /\bship|launch|roll ?out|full release|go live|全量|上线|发布|推全|推广/i;
export const STOP = /\bstop|\bkill|roll ?back|revert|abandon|discontinue|shut down|停止|回滚|下线|放弃|终止/i;
