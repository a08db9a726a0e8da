/**
 * The section catalog: stable ids and the headings they are known by.
 * Templates choose which ids they require and which content check applies; this file only
 * says what each id is called, in English and Chinese, plus common synonyms.
 */
export interface CatalogEntry {
  id: string;
  en: string;
  zh: string;
  /** Other headings that mean the same section, any language. */
  aliases: readonly string[];
}

export const CATALOG: readonly CatalogEntry[] = [
  { id: "revision-history", en: "Revision history", zh: "修订记录", aliases: ["Change log", "Changelog", "Version history", "Revisions", "Document history", "版本记录", "变更记录", "修订历史", "文档修订记录"] },
  { id: "failure-criteria", en: "Failure criteria", zh: "失败标准", aliases: ["Kill criteria", "Stop criteria", "Exit criteria", "Failure conditions", "失败判定", "失败条件", "止损标准"] },
  { id: "problem", en: "Problem", zh: "问题与背景", aliases: ["Problem statement", "Background", "Context", "Problem and context", "问题", "背景", "问题背景"] },
  { id: "users", en: "Users and scenarios", zh: "用户与场景", aliases: ["Users", "Target users", "User scenarios", "Personas", "目标用户", "用户场景", "用户"] },
  { id: "goals", en: "Goals and non-goals", zh: "目标与范围", aliases: ["Goals", "Objectives", "Goals and scope", "目标", "目标与非目标", "目标和非目标", "目标和范围", "项目目标"] },
  { id: "metrics", en: "Success metrics", zh: "成功指标", aliases: ["Metrics", "KPIs", "Key metrics", "Success criteria", "指标", "关键指标", "衡量指标"] },
  { id: "requirements", en: "Requirements", zh: "功能需求", aliases: ["Functional requirements", "Scope", "需求", "需求列表", "需求说明", "功能列表"] },
  { id: "prototype", en: "Prototype", zh: "原型", aliases: ["Prototype and evidence", "Demo", "Mockups", "原型与证据", "演示"] },
  { id: "agent-workflow", en: "Agent workflow", zh: "智能体工作流", aliases: ["Agent flow", "Workflow", "Agent工作流", "Agent 工作流", "工作流"] },
  { id: "fallback", en: "Fallback and degradation path", zh: "降级与兜底策略", aliases: ["Fallback", "Degradation path", "Fallback path", "Fallbacks", "降级路径", "降级方案", "兜底方案", "降级与兜底", "兜底策略", "降级策略"] },
  { id: "human-review", en: "Human review gate", zh: "人工复核", aliases: ["Human review", "Human in the loop", "Human-in-the-loop", "Review gate", "人工审核", "人工复核机制"] },
  { id: "evaluation", en: "Evaluation plan", zh: "评测方案", aliases: ["Evaluation", "Evals", "Eval plan", "评估方案", "评估计划", "评测", "评测计划", "效果评测"] },
  { id: "data-contract", en: "Data contract", zh: "数据与隐私", aliases: ["Data", "Data requirements", "Data and privacy", "数据契约", "数据需求", "数据约定", "数据", "数据需求与隐私"] },
  { id: "cost", en: "Cost and latency budget", zh: "成本与延迟预算", aliases: ["Cost budget", "Cost", "Budget", "Latency budget", "成本预算", "成本", "成本与延迟"] },
  { id: "operations", en: "Model, prompt and operations", zh: "模型、提示词与运维", aliases: ["Model and prompt operations", "Model operations", "Operations", "Operations and monitoring", "Monitoring", "LLMOps", "MLOps", "Model and prompt versions", "模型与提示词", "模型与运维", "运维与监控", "线上监控", "模型版本与监控", "上线后运营"] },
  { id: "assumptions", en: "Assumptions and dependencies", zh: "假设与依赖", aliases: ["Assumptions", "Dependencies", "Dependencies and assumptions", "Assumptions and constraints", "依赖与假设", "前提假设", "依赖项", "外部依赖"] },
  { id: "risks", en: "Risks, compliance and red lines", zh: "风险、合规与红线", aliases: ["Risks", "Risks and compliance", "Compliance", "Red lines", "风险", "风险与合规", "合规与红线"] },
  { id: "rollout", en: "Rollout and exit plan", zh: "灰度上线与回滚方案", aliases: ["Rollout", "Rollout plan", "Launch plan", "Rollout with gates", "上线与退出计划", "上线计划", "发布计划", "灰度计划", "灰度方案", "灰度发布", "上线与回滚方案"] },
  { id: "open-questions", en: "Open questions", zh: "待确认事项", aliases: ["Questions", "Open issues", "待决问题", "未决问题", "开放问题", "待确认问题", "遗留问题"] },
  { id: "hypothesis", en: "Hypothesis", zh: "假设", aliases: ["Hypotheses", "实验假设"] },
  { id: "design", en: "Experiment design", zh: "实验设计", aliases: ["Design", "Test design", "实验方案"] },
  { id: "analysis-plan", en: "Analysis plan", zh: "分析方案", aliases: ["Analysis", "Statistical analysis plan", "Pre-registered analysis", "数据分析方案", "分析计划"] },
  { id: "decision-rule", en: "Decision rule", zh: "决策规则", aliases: ["Decision rules", "Decision criteria", "决策标准", "决策规则与后续"] },
];

const BY_ID = new Map(CATALOG.map((e) => [e.id, e]));

export function catalogEntry(id: string): CatalogEntry | undefined {
  return BY_ID.get(id);
}
