// Deterministic benchmark corpus: 2,000 PRDs of ~300 lines in bench-out/corpus/ and one
// 100,000-line spec in bench-out/huge/huge.md. Same seed, same bytes, on every machine, so
// timings from different days compare. `node scripts/bench/corpus.mjs [--force]` runs it alone.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Bump when the output changes, so an old corpus on disk is regenerated instead of reused.
export const GENERATOR_VERSION = 1;
const SEED = 0x9e3779b9;
export const FILE_COUNT = 2000;
const FOLDERS = 20; // teams keep specs in subfolders; also exercises recursive discovery
export const HUGE_LINES = 100_000;
// pmw skips files above its default maxFileSize (5 MiB); the huge file must stay below it or
// the benchmark would time a "file too large" finding instead of a lint.
const HUGE_MAX_BYTES = 5 * 1024 * 1024;

/** mulberry32: small, fast, good enough for text, and identical in every Node version. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// Headings from src/core/catalog.ts, copied rather than parsed so a catalog edit does not
// silently change the corpus (and the timings) between runs.
const SECTIONS = {
  "failure-criteria": { en: "Failure criteria", zh: "失败标准", enAlt: ["Kill criteria", "Exit criteria"], zhAlt: ["失败判定", "止损标准"] },
  problem: { en: "Problem", zh: "问题与背景", enAlt: ["Problem statement", "Background"], zhAlt: ["背景", "问题背景"] },
  users: { en: "Users and scenarios", zh: "用户与场景", enAlt: ["Target users", "Personas"], zhAlt: ["目标用户", "用户场景"] },
  goals: { en: "Goals and non-goals", zh: "目标与非目标", enAlt: ["Goals", "Objectives"], zhAlt: ["目标", "目标和非目标"] },
  metrics: { en: "Success metrics", zh: "成功指标", enAlt: ["Key metrics", "KPIs"], zhAlt: ["关键指标", "衡量指标"] },
  requirements: { en: "Requirements", zh: "需求", enAlt: ["Functional requirements", "Scope"], zhAlt: ["功能需求", "需求列表"] },
  prototype: { en: "Prototype", zh: "原型", enAlt: ["Demo", "Mockups"], zhAlt: ["原型与证据", "演示"] },
  "agent-workflow": { en: "Agent workflow", zh: "智能体工作流", enAlt: ["Agent flow", "Workflow"], zhAlt: ["Agent 工作流", "工作流"] },
  fallback: { en: "Fallback and degradation path", zh: "降级路径", enAlt: ["Fallback", "Degradation path"], zhAlt: ["降级方案", "兜底方案"] },
  "human-review": { en: "Human review gate", zh: "人工复核", enAlt: ["Human in the loop", "Review gate"], zhAlt: ["人工审核", "人工复核机制"] },
  evaluation: { en: "Evaluation plan", zh: "评估方案", enAlt: ["Evals", "Eval plan"], zhAlt: ["评测方案", "评估计划"] },
  "data-contract": { en: "Data contract", zh: "数据契约", enAlt: ["Data requirements", "Data"], zhAlt: ["数据需求", "数据约定"] },
  cost: { en: "Cost and latency budget", zh: "成本与延迟预算", enAlt: ["Cost budget", "Latency budget"], zhAlt: ["成本预算", "成本与延迟"] },
  risks: { en: "Risks, compliance and red lines", zh: "风险、合规与红线", enAlt: ["Risks", "Risks and compliance"], zhAlt: ["风险与合规", "合规与红线"] },
  rollout: { en: "Rollout and exit plan", zh: "上线与退出计划", enAlt: ["Rollout plan", "Launch plan"], zhAlt: ["上线计划", "灰度计划"] },
  "open-questions": { en: "Open questions", zh: "待决问题", enAlt: ["Open issues", "Questions"], zhAlt: ["未决问题", "开放问题"] },
};
const ORDER = Object.keys(SECTIONS);
const OPTIONAL = new Set(["prototype", "agent-workflow"]);

// ---- vocabulary -------------------------------------------------------------------------

const EN = {
  products: ["Smart replies", "Ticket triage", "Invoice extraction", "Meeting summaries", "Search answers", "Refund assistant", "Code review bot", "Churn predictor", "Onboarding coach", "Contract clause finder", "Voice notes to tasks", "Catalog tagging"],
  audiences: ["support agents", "finance teams", "sales reps", "new customers", "store managers", "developers", "legal reviewers", "warehouse leads"],
  owners: ["Alex Kim", "Priya Nair", "Jordan Lee", "Sam Ortiz", "Maria Rossi", "Tom Becker", "Aisha Bello", "Chris Novak"],
  subjects: ["The assistant", "The model", "The support team", "Each agent", "The pilot group", "Our largest customer", "The ops team", "The current rules engine", "The retrieval step", "The ranking service"],
  verbs: ["spends", "handles", "escalates", "answers", "misroutes", "reviews", "drops", "re-opens", "tags", "summarises"],
  objects: ["tickets per shift", "refund requests", "invoices a day", "first replies", "duplicate cases", "edge cases in the long tail", "questions outside business hours", "requests in two languages"],
  tails: ["according to last quarter's ticket export", "in the interviews we ran in March", "based on a two-week shadowing study", "per the support dashboard", "which matches the churn survey", "as the pilot logs show", "before any automation", "with no clear owner today"],
  vague: ["We will continuously optimize the flow.", "This should significantly improve the experience.", "We believe users will love it.", "Ship it as soon as possible.", "The result will be a seamless, best-in-class handoff.", "In theory the model can cover every case.", "Quality will keep improving after launch."],
  tbd: ["TBD: confirm with legal.", "Owner for this is TBD.", "Baseline still TBD until the export lands.", "TODO: add the interview quotes.", "Exact threshold TBD with the data team."],
  links: [["design doc", "https://wiki.example.com/design/"], ["ticket export", "https://data.example.com/exports/"], ["prototype", "https://figma.example.com/file/"], ["eval report", "https://evals.example.com/runs/"], ["runbook", "https://runbooks.example.com/"], ["research notes", "./research/notes.md"]],
  metrics: ["First-answer accuracy", "Deflection rate", "Median handle time", "Escalation rate", "CSAT after AI reply", "Refund error rate", "p95 latency", "Cost per resolved ticket", "Weekly active agents", "Hallucination rate"],
  windows: ["7 days", "14 days", "28 days", "one quarter", "first 30 days"],
  tools: ["search_kb", "create_ticket", "lookup_order", "issue_refund", "send_email", "classify_intent", "fetch_invoice", "summarise_thread"],
  reqs: ["suggest up to three replies ranked by confidence", "show the source article for every answer", "let the agent edit before sending", "log every model call with its prompt version", "fall back to the rules engine when the model times out", "mask card numbers before the prompt is built", "support English and Chinese in the same thread", "record the reviewer's decision and reason", "expose a kill switch per tenant", "cap spend per tenant per day"],
  questions: ["Who owns the eval set after launch?", "Do we need consent for storing transcripts?", "Which regions are in the first wave?", "Can finance approve the per-request budget?", "What is the SLA when the reviewer is offline?", "Do we keep the rules engine after 100%?"],
};

const ZH = {
  products: ["智能回复", "工单分流", "发票抽取", "会议纪要", "搜索问答", "退款助手", "代码评审机器人", "流失预测", "新手引导教练", "合同条款查找", "语音转待办", "商品打标"],
  audiences: ["客服坐席", "财务团队", "销售", "新客户", "门店店长", "开发者", "法务审核", "仓库主管"],
  owners: ["张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "周杰"],
  subjects: ["助手", "模型", "客服团队", "每位坐席", "试点小组", "头部客户", "运营团队", "现有规则引擎", "检索环节", "排序服务"],
  verbs: ["每天处理", "需要转交", "平均回复", "误分配", "人工复核", "遗漏", "重复打开", "手工标注"],
  objects: ["约 120 张工单", "大量退款申请", "数百张发票", "首次回复", "重复工单", "长尾问题", "非工作时间的咨询", "中英文混合的请求"],
  tails: ["数据来自上季度工单导出", "来自三月份的用户访谈", "基于两周的跟岗观察", "见客服数据看板", "与流失调研结论一致", "试点日志可以佐证", "目前没有明确负责人"],
  vague: ["后续会持续优化体验。", "上线后体验将大幅提升。", "我们认为用户会喜欢这个功能。", "请尽快上线。", "目标是打造业界领先的极致体验。", "理论上模型可以覆盖所有场景。"],
  tbd: ["具体阈值待定。", "负责人待确认。", "基线数据待补充。", "TBD：需要法务确认。", "TODO：补充访谈原话。"],
  links: [["设计文档", "https://wiki.example.com/design/"], ["工单导出", "https://data.example.com/exports/"], ["原型", "https://figma.example.com/file/"], ["评测报告", "https://evals.example.com/runs/"], ["运维手册", "https://runbooks.example.com/"], ["调研笔记", "./research/notes.md"]],
  metrics: ["首答准确率", "自助解决率", "平均处理时长", "转人工率", "AI 回复满意度", "退款错误率", "p95 延迟", "单次解决成本", "周活跃坐席数", "幻觉率"],
  windows: ["7 天", "14 天", "28 天", "一个季度", "上线后 30 天"],
  tools: EN.tools,
  reqs: ["按置信度给出最多三条候选回复", "每个回答都展示来源文章", "坐席可以在发送前编辑", "记录每次模型调用及提示词版本", "模型超时时回退到规则引擎", "构建提示词前屏蔽银行卡号", "同一会话支持中英文", "记录复核人的决定和理由", "按租户提供一键关停开关", "按租户限制每日花费"],
  questions: ["上线后评测集由谁维护？", "保存对话记录是否需要用户授权？", "首批开放哪些地区？", "财务能否批准单次请求预算？", "复核人离线时的 SLA 是多少？", "全量后是否保留规则引擎？"],
};

// ---- text builders ----------------------------------------------------------------------

function sentence(r, V, zh) {
  if (r.chance(0.06)) return r.pick(V.vague);
  if (r.chance(0.05)) return r.pick(V.tbd);
  const n = r.int(2, 95);
  let s = zh
    ? `${r.pick(V.subjects)}${r.pick(V.verbs)}${r.pick(V.objects)}，占比约 ${n}%，${r.pick(V.tails)}。`
    : `${r.pick(V.subjects)} ${r.pick(V.verbs)} ${n} ${r.pick(V.objects)} ${r.pick(V.tails)}.`;
  if (r.chance(0.12)) {
    const [label, url] = r.pick(V.links);
    s += zh ? `详见[${label}](${url}${r.int(100, 999)})。` : ` See the [${label}](${url}${r.int(100, 999)}).`;
  }
  if (r.chance(0.08)) s += zh ? `相关接口为 \`${r.pick(V.tools)}\`。` : ` The call is \`${r.pick(V.tools)}\`.`;
  return s;
}

/** A paragraph wrapped the way people wrap specs (80-110 columns, or `narrow`: 72). */
function paragraph(r, V, zh, narrow = false) {
  const text = Array.from({ length: r.int(2, 5) }, () => sentence(r, V, zh)).join(zh ? "" : " ");
  const width = narrow ? (zh ? 36 : 72) : zh ? r.int(40, 55) : r.int(80, 110); // CJK glyphs are double width
  const out = [];
  if (zh) {
    for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  } else {
    let line = "";
    for (const w of text.split(" ")) {
      if (line && line.length + 1 + w.length > width) {
        out.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) out.push(line);
  }
  return out;
}

const bullets = (r, V, zh) => Array.from({ length: r.int(3, 6) }, () => `- ${sentence(r, V, zh)}`);

function metricsTable(r, V, zh) {
  const head = zh ? "| 指标 | 定义 | 基线 | 目标 | 窗口 |" : "| Metric | Definition | Baseline | Target | Window |";
  const rows = [head, "| --- | --- | --- | --- | --- |"];
  for (let i = r.int(4, 7); i > 0; i--) {
    const base = r.int(10, 80);
    const target = r.chance(0.1) ? "TBD" : `${base + r.int(3, 15)}%`;
    const def = zh ? `按${r.pick(V.objects)}统计` : `share of ${r.pick(V.objects)} counted daily`;
    rows.push(`| ${r.pick(V.metrics)} | ${def} | ${base}% | ${target} | ${r.pick(V.windows)} |`);
  }
  return rows;
}

function failureTable(r, V, zh) {
  const rows = [zh ? "| 指标 | 阈值 | 窗口 | 动作 |" : "| Metric | Threshold | Window | Action |", "| --- | --- | --- | --- |"];
  for (let i = r.int(2, 4); i > 0; i--) {
    const action = zh ? r.pick(["回滚到规则引擎", "暂停放量", "关闭功能"]) : r.pick(["roll back to the rules engine", "pause the rollout", "switch the feature off"]);
    rows.push(`| ${r.pick(V.metrics)} | < ${r.int(60, 95)}% | ${r.pick(V.windows)} | ${action} |`);
  }
  return rows;
}

function evalTable(r, V, zh) {
  const rows = [zh ? "| 评测 | 方法 | 通过线 |" : "| Eval | Method | Pass bar |", "| --- | --- | --- |"];
  const names = zh ? ["离线准确率", "幻觉压力测试", "中英文一致性", "人工抽检"] : ["Offline accuracy", "Hallucination stress test", "Cross-language consistency", "Human spot check"];
  for (const n of names) rows.push(`| ${n} | ${zh ? `标注集 ${r.int(200, 5000)} 条` : `labelled set of ${r.int(200, 5000)} cases`} | ${r.chance(0.1) ? "TBD" : `>= ${r.int(80, 99)}%`} |`);
  return rows;
}

function requirements(r, V, zh, start) {
  return Array.from({ length: r.int(5, 10) }, (_, i) => `- **FR-${String(start + i).padStart(3, "0")}** ${zh ? "系统应" : "The system shall "}${r.pick(V.reqs)}${zh ? "。" : "."}`);
}

function fallbackSteps(r, V, zh) {
  const n = r.int(3, 5);
  return Array.from({ length: n }, (_, i) =>
    i === n - 1
      ? zh ? `${i + 1}. **触发：**连续 ${r.int(2, 5)} 次降级 → **动作：**转人工并附带完整上下文。` : `${i + 1}. **Trigger:** ${r.int(2, 5)} degradations in a row → **Action:** hand over to a person with the full context.`
      : zh ? `${i + 1}. **触发：**延迟 > ${r.int(1, 5)} 秒 → **动作：**切换到小模型。` : `${i + 1}. **Trigger:** latency > ${r.int(1, 5)} s or confidence < 0.${r.int(5, 8)} → **Action:** switch to the smaller model.`,
  );
}

function workflowSteps(r, V, zh) {
  return Array.from({ length: r.int(3, 6) }, (_, i) => {
    const tool = r.pick(V.tools);
    return zh ? `${i + 1}. 调用 \`${tool}\`；失败时重试 ${r.int(1, 3)} 次，仍失败则走降级路径。` : `${i + 1}. Call \`${tool}\`; if it fails, retry ${r.int(1, 3)} times, then follow the fallback path.`;
  });
}

function codeBlock(r, V) {
  if (r.chance(0.5)) {
    const lines = ["```json", "{", `  "tool": "${r.pick(V.tools)}",`, `  "timeoutMs": ${r.int(200, 3000)},`, `  "retries": ${r.int(0, 3)},`, `  "model": "small-${r.int(1, 9)}b",`];
    for (let i = r.int(0, 4); i > 0; i--) lines.push(`  "field_${r.int(1, 99)}": ${r.int(0, 1000)},`);
    lines.push(`  "promptVersion": "v${r.int(1, 40)}"`, "}", "```");
    return lines;
  }
  const lines = ["```yaml", "input:", `  ticket_id: string`, `  language: ${r.pick(["en", "zh-CN"])}`, "output:", `  reply: string  # max ${r.int(200, 800)} chars`, `  confidence: float`];
  for (let i = r.int(0, 4); i > 0; i--) lines.push(`  extra_${r.int(1, 99)}: string`);
  lines.push("```");
  return lines;
}

/** The structured block a section of this kind usually opens with. */
function sectionBody(r, V, zh, id, reqStart, narrow = false) {
  switch (id) {
    case "failure-criteria": return failureTable(r, V, zh);
    case "metrics": return metricsTable(r, V, zh);
    case "requirements": return requirements(r, V, zh, reqStart);
    case "fallback": return fallbackSteps(r, V, zh);
    case "agent-workflow": return [...workflowSteps(r, V, zh), "", ...codeBlock(r, V)];
    case "evaluation": return evalTable(r, V, zh);
    case "data-contract": return [...bullets(r, V, zh), "", ...codeBlock(r, V)];
    case "cost": return [zh ? `- **单次成本：**$0.00${r.int(1, 9)}` : `- **Cost per request:** $0.00${r.int(1, 9)}`, zh ? `- **延迟：**p95 < ${r.int(300, 1500)} ms` : `- **Latency:** p95 < ${r.int(300, 1500)} ms`];
    case "human-review": return [zh ? "- **触发：**涉及退款或合同的回复必须人工审批。" : "- **Trigger:** replies that touch refunds or contracts need approval.", zh ? `- **SLA：**${r.int(30, 300)} 秒内` : `- **SLA:** within ${r.int(30, 300)} s`, zh ? "- **拒绝或超时：**不发送，转交专员。" : "- **On rejection or timeout:** withhold the reply and route to a specialist."];
    case "prototype": { const [label, url] = r.pick(V.links); return [zh ? `原型见[${label}](${url}${r.int(100, 999)})。` : `The [${label}](${url}${r.int(100, 999)}) shows the flow end to end.`]; }
    case "open-questions": return V.questions.filter(() => r.chance(0.5)).map((q) => `- ${q}`);
    default: return paragraph(r, V, zh, narrow);
  }
}

/** Appends blank-separated prose and lists until `lines` grows by about `budget`. */
function fill(r, V, zh, lines, budget) {
  const stop = lines.length + budget;
  while (lines.length < stop) {
    lines.push("");
    lines.push(...(r.chance(0.6) ? paragraph(r, V, zh) : bullets(r, V, zh)));
  }
}

function frontMatter(r, V, zh, title, template) {
  const status = r.pick(["draft", "draft", "review", "approved", "shipped"]);
  const date = `202${r.int(4, 5)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
  return ["---", `title: "${title}"`, `owner: "${r.pick(V.owners)}"`, `status: ${status}`, `updated: "${date}"`, `template: ${template}`, "---", ""];
}

/** One PRD of roughly 270-330 lines. A few are imperfect on purpose (missing or reordered
 * sections), because real folders are, and a linter that only sees clean files is not measured. */
export function generatePrd(index) {
  const r = prng((SEED ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const zh = r.chance(0.3);
  const V = zh ? ZH : EN;
  const template = r.chance(0.7) ? "ai-feature-prd" : "agent-prd";
  const title = zh ? `${r.pick(V.audiences)}的${r.pick(V.products)} ${index}` : `${r.pick(V.products)} for ${r.pick(V.audiences)} ${index}`;
  const lines = [...frontMatter(r, V, zh, title, template), `# ${title}`, ""];
  lines.push(zh ? `> 一句话：为${r.pick(V.audiences)}提供${r.pick(V.products)}。` : `> One sentence: ${r.pick(V.products).toLowerCase()} for ${r.pick(V.audiences)}, because the manual path does not scale.`);

  let ids = ORDER.filter((id) => !OPTIONAL.has(id) || template === "agent-prd" || r.chance(0.5));
  if (r.chance(0.05)) ids = ids.filter((id) => id !== r.pick(ORDER)); // a missing section
  if (r.chance(0.05)) { const i = r.int(1, ids.length - 2); [ids[i], ids[i + 1]] = [ids[i + 1], ids[i]]; } // out of order

  const target = r.int(270, 330);
  const perSection = Math.max(4, Math.floor((target - lines.length) / ids.length));
  for (const id of ids) {
    const s = SECTIONS[id];
    const heading = r.chance(0.15) ? r.pick(zh ? s.zhAlt : s.enAlt) : zh ? s.zh : s.en;
    const start = lines.length;
    lines.push("", `## ${heading}`, "", ...sectionBody(r, V, zh, id, 1));
    if (id !== "open-questions" || r.chance(0.3)) fill(r, V, zh, lines, perSection - (lines.length - start));
  }
  return lines.join("\n") + "\n";
}

/** One English/Chinese spec of exactly `total` lines: the catalog sections once each, every
 * one holding many `###` subsections with distinct headings, like a long-lived platform spec. */
export function generateHuge(total = HUGE_LINES) {
  const r = prng(SEED ^ 0x51ed27);
  const title = "Support platform AI specification";
  const lines = [...frontMatter(r, EN, false, title, "ai-feature-prd"), `# ${title}`, ""];
  const perSection = Math.floor((total - lines.length - 600) / ORDER.length);
  let sub = 0;
  let reqStart = 1;
  for (const id of ORDER) {
    lines.push("", `## ${SECTIONS[id].en}`, "", ...paragraph(r, EN, false));
    const stop = lines.length + perSection;
    while (lines.length < stop) {
      // Fewer CJK subsections than the folder: 3 bytes a glyph would push the file past 5 MiB.
      const zh = r.chance(0.15);
      const V = zh ? ZH : EN;
      sub++;
      lines.push("", `### ${zh ? SECTIONS[id].zh : SECTIONS[id].en} ${sub}: ${r.pick(V.products)}`, "");
      lines.push(...sectionBody(r, V, zh, id, reqStart, true));
      if (id === "requirements") reqStart += 10;
      // Wrapped at 72 columns: 100k lines of 100-column prose would pass 5 MiB.
      if (r.chance(0.6)) lines.push("", ...paragraph(r, V, zh, true));
      if (r.chance(0.3)) lines.push("", ...bullets(r, V, zh));
    }
  }
  // Pad or trim with one-line paragraphs so the count is exact; never cut inside a block.
  while (lines.length > total) lines.pop();
  while (lines.length < total) lines.push(lines.length % 2 ? "" : sentence(r, EN, false));
  return lines.join("\n") + "\n";
}

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../..");
export const OUT = join(ROOT, "bench-out");

function countMarkdown(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith(".md")) n++;
  return n;
}

/** Creates the corpus unless an identical one (same generator version, all files there) exists. */
export function ensureCorpus({ force = false, log = console.log } = {}) {
  const corpusDir = join(OUT, "corpus");
  const hugeFile = join(OUT, "huge", "huge.md");
  const stampFile = join(OUT, "corpus.stamp.json");
  const stamp = { version: GENERATOR_VERSION, files: FILE_COUNT, hugeLines: HUGE_LINES };
  let fresh = false;
  try {
    fresh = !force && JSON.stringify(JSON.parse(readFileSync(stampFile, "utf8"))) === JSON.stringify(stamp) && existsSync(hugeFile) && countMarkdown(corpusDir) === FILE_COUNT;
  } catch {
    fresh = false;
  }
  if (!fresh) {
    const t0 = process.hrtime.bigint();
    rmSync(corpusDir, { recursive: true, force: true });
    rmSync(dirname(hugeFile), { recursive: true, force: true });
    rmSync(stampFile, { force: true });
    for (let i = 0; i < FILE_COUNT; i++) {
      const dir = join(corpusDir, `team-${String(i % FOLDERS).padStart(2, "0")}`);
      if (i < FOLDERS) mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `prd-${String(i).padStart(4, "0")}.md`), generatePrd(i));
    }
    mkdirSync(dirname(hugeFile), { recursive: true });
    const huge = generateHuge();
    if (Buffer.byteLength(huge) > HUGE_MAX_BYTES) throw new Error(`huge.md is ${Buffer.byteLength(huge)} bytes, above pmw's 5 MiB maxFileSize; shorten the generator's lines`);
    writeFileSync(hugeFile, huge);
    writeFileSync(stampFile, JSON.stringify(stamp) + "\n"); // last, so an interrupted run regenerates
    log(`generated corpus v${GENERATOR_VERSION} in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  } else log(`reusing corpus v${GENERATOR_VERSION} in bench-out/`);

  let corpusBytes = 0;
  let corpusLines = 0;
  for (const e of readdirSync(corpusDir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith(".md")) continue;
    const buf = readFileSync(join(e.parentPath ?? e.path, e.name));
    corpusBytes += buf.length;
    for (let i = 0; i < buf.length; i++) if (buf[i] === 10) corpusLines++;
  }
  return { outDir: OUT, corpusDir, hugeFile, files: FILE_COUNT, corpusBytes, corpusLines, hugeBytes: statSync(hugeFile).size, hugeLines: HUGE_LINES };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const info = ensureCorpus({ force: process.argv.includes("--force") });
  console.log(`${info.files} files, ${info.corpusLines} lines, ${(info.corpusBytes / 1e6).toFixed(1)} MB; huge.md ${info.hugeLines} lines, ${(info.hugeBytes / 1e6).toFixed(1)} MB`);
}

/** The size of the roadmap benchmarks' workspace (roadmap.mjs, timeline.mjs). */
export const ROADMAP_BENCH = { items: 5000, specs: 500, phases: 10 };

/** The roadmap benchmarks' workspace: `items` roadmap items in `phases` phases, every tenth-or-so linking one of `specs` generated PRDs. */
export function writeRoadmapWorkspace(dir, { items = ROADMAP_BENCH.items, specs = ROADMAP_BENCH.specs, phases = ROADMAP_BENCH.phases } = {}) {
  mkdirSync(join(dir, "prd"), { recursive: true });
  const specFiles = Array.from({ length: specs }, (_, i) => join(dir, "prd", `spec-${i}.md`));
  specFiles.forEach((f, i) => writeFileSync(f, generatePrd(i)));
  const statuses = ["todo", "in-progress", "blocked", "done", "dropped"];
  const lines = ["---", "title: Generated roadmap", "owner: bench", "status: review", "updated: 2026-01-10", "template: roadmap", "---", "", "# Generated roadmap", ""];
  for (let p = 0; p < phases; p++) {
    lines.push(`## Q${(p % 4) + 1} ${2027 + Math.floor(p / 4)}`, "", "**Deliverables**", "");
    for (let k = 0; k < items / phases; k++) {
      const i = p * (items / phases) + k;
      if (k % 100 === 0) lines.push(`### Stream ${k / 100 + 1}`, "");
      const spec = i % (items / specs) === 0 ? ` spec:[Spec ${i / (items / specs)}](prd/spec-${i / (items / specs)}.md)` : "";
      const due = i % 3 === 0 ? ` due:20${26 + (i % 3)}-${String((i % 12) + 1).padStart(2, "0")}-15` : "";
      lines.push(`- [ ] Deliverable ${i} for the claims team — @owner${i % 17} @ken.li${due} status:${statuses[i % 5]}${spec} #stream-${i % 7}`);
    }
    lines.push("", "**KPIs**", "", "| KPI | Target | Current |", "| --- | --- | --- |", "| Accuracy | >= 90% | 88% |", "");
  }
  const file = join(dir, "ROADMAP.md");
  const text = lines.join("\n");
  writeFileSync(file, text);
  return { file, text, specFiles };
}
