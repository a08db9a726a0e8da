import type { Localized } from "../i18n";

/**
 * The red-line model's data: the areas where an AI must not decide about a person alone (EU AI
 * Act Annex III high-risk areas, plus medical diagnosis and treatment and insurance claim
 * denial) and the practices Article 5 prohibits outright. Terms follow terms.ts: a trailing *
 * matches any ending. docs/rules/red-line-review.md lists the same table; .pm/config.jsonc
 * `redLines` adds areas and terms.
 */
export interface RedLineArea {
  id: string;
  /** Where the area comes from, e.g. "Annex III 5(b)". */
  basis: string;
  name: Localized;
  /** Words that put a sentence in the area (people, objects, the decision itself). */
  cues: readonly string[];
  /** Prohibited practice: a finding whatever the review gate, with no system verb needed. */
  prohibited?: boolean;
  /** A cue alone is the use (biometric identification): no decision verb needed. */
  cueIsUse?: boolean;
  /** Words one of which must also be in the sentence (emotion recognition: at work or school). */
  context?: readonly string[];
  /**
   * People outside the context (customers, callers): when one of them is nearer the cue than
   * every context word, the emotion read is theirs ("when a caller sounds angry, ... an agent").
   */
  others?: readonly string[];
  /** Words that name the decision itself (a watch list, an arbitration award): the system acting in the sentence is enough, no verb needed. */
  decisions?: readonly string[];
  /** Phrases in which a cue names no person or decision ("candidate answers", "call transcripts"): masked before the cues are looked for. */
  notCues?: readonly string[];
}

export const RED_LINE_AREAS: readonly RedLineArea[] = [
  {
    id: "social-scoring",
    basis: "Article 5(1)(c) (prohibited)",
    name: { en: "social scoring", "zh-CN": "社会评分" },
    prohibited: true,
    cues: ["social scor*", "trust scor*", "social credit*", "citizen scor*", "behaviour scor*", "behavior scor*", "社会信用", "社会评分", "公民评分"],
  },
  {
    id: "emotion-recognition",
    basis: "Article 5(1)(f) (prohibited)",
    name: { en: "emotion recognition at work or school", "zh-CN": "工作或学校场景的情绪识别" },
    prohibited: true,
    cues: ["emotion*", "mood*", "frustrat*", "anger", "angry", "stressed", "stress level*", "anxious", "anxiety", "bored", "boredom", "facial expression*", "情绪", "表情", "情感识别", "愤怒", "焦虑", "厌倦", "烦躁"],
    context: ["employee*", "staff", "worker*", "meeting*", "at work", "workplace", "call cent*", "agents", "agent's", "agents'", "support agent*", "support team*", "rep", "reps", "rep's", "sales rep*", "colleague*", "shift", "shifts", "student*", "pupil*", "classroom*", "lesson*", "school*", "员工", "坐席", "客服", "学生", "课堂", "上课", "网课", "会议", "职场", "工位", "学校"],
    others: ["customer*", "caller*", "client*", "user*", "shopper*", "visitor*", "passenger*", "客户", "用户", "顾客", "来电", "乘客", "访客"],
  },
  {
    id: "biometric",
    basis: "Annex III 1",
    name: { en: "biometric identification", "zh-CN": "生物特征识别" },
    cueIsUse: true,
    cues: ["face recogni*", "facial recogni*", "by face", "by their face*", "face match*", "face scan*", "fingerprint*", "biometric*", "voiceprint*", "iris scan*", "gait recogni*", "人脸识别", "人脸", "刷脸", "指纹", "声纹", "虹膜", "生物识别", "生物特征"],
  },
  {
    id: "critical-infrastructure",
    basis: "Annex III 2",
    name: { en: "critical infrastructure", "zh-CN": "关键基础设施" },
    cues: ["power grid*", "grid", "load shed*", "sheds load", "lose power", "power cut*", "water supply", "gas supply", "electricity supply", "电网", "停电", "断电", "供电", "供水", "供气", "燃气", "限电", "拉闸"],
    decisions: ["load shed*", "限电", "拉闸"],
  },
  {
    id: "education",
    basis: "Annex III 3",
    name: { en: "education access or assessment", "zh-CN": "教育录取或评估" },
    cues: ["student*", "pupil*", "exam*", "essay*", "admission*", "transcript*", "enrol*", "test score*", "coursework", "学生", "考生", "考试", "成绩", "作文", "录取", "复试", "入学", "教务", "学位"],
    notCues: ["call transcript*", "chat transcript*", "interview transcript*", "meeting transcript*", "transcripts of", "transcript of"],
  },
  {
    id: "employment",
    basis: "Annex III 4",
    name: { en: "employment (recruiting, screening, promotion, termination, task allocation, monitoring)", "zh-CN": "雇佣（招聘、筛选、晋升、解雇、派工、监控）" },
    cues: ["candidat*", "applicant*", "job seeker*", "resume*", "CV", "CVs", "hire", "hires", "hiring", "hired", "recruit*", "vacanc*", "interview*", "job offer*", "offer letter*", "employee*", "staff", "worker*", "driver*", "shift*", "promotion*", "termination*", "layoff*", "lay off", "dismissal*", "performance review*", "候选人", "求职者", "应聘者", "简历", "招聘", "录用", "面试", "员工", "裁员", "解约", "辞退", "骑手", "派单", "晋升", "绩效", "排班"],
    notCues: ["candidate answer*", "candidate response*", "candidate passage*", "candidate document*", "candidate chunk*", "candidate solution*", "candidate model*", "candidate repl*", "candidate label*", "candidate generation*", "candidate question*", "candidate product*", "candidate item*", "候选答案", "候选回复", "候选文档"],
  },
  {
    id: "credit",
    basis: "Annex III 5(b)",
    name: { en: "credit scoring or creditworthiness", "zh-CN": "信用评分或信贷审批" },
    cues: ["loan*", "credit", "credit limit*", "mortgage*", "borrower*", "underwrit*", "creditworth*", "working capital", "cardholder*", "interest rate*", "tenant*", "rental application*", "贷款", "借款", "信贷", "授信", "放贷", "放款", "额度", "信用评分", "房贷", "车贷", "信用卡", "分期", "提额", "借贷", "信用分"],
  },
  {
    id: "public-benefits",
    basis: "Annex III 5(a)",
    name: { en: "public benefits eligibility", "zh-CN": "公共福利资格" },
    cues: ["public benefit*", "benefit eligib*", "welfare", "subsid*", "pension*", "social security", "unemployment benefit*", "housing benefit*", "低保", "最低生活保障", "补贴", "补助", "救济", "救助", "福利", "养老金", "社保"],
  },
  {
    id: "insurance",
    basis: "Annex III 5(c); claim denial",
    name: { en: "insurance risk, pricing or claims", "zh-CN": "保险定价、核保或理赔" },
    cues: ["insur*", "claim*", "premium*", "policyholder*", "保险", "理赔", "拒赔", "保费", "投保", "保单", "车险", "重疾险", "骗保", "续保", "核保"],
  },
  {
    id: "emergency",
    basis: "Annex III 5(d)",
    name: { en: "emergency triage or dispatch", "zh-CN": "急救分诊或调度" },
    cues: ["emergency", "ambulance*", "paramedic*", "triag*", "急救", "救护车", "分诊", "急诊"],
  },
  {
    id: "medical",
    basis: "medical devices (MDR); not in Annex III itself",
    name: { en: "medical diagnosis or treatment", "zh-CN": "医疗诊断或治疗" },
    cues: ["diagnos*", "patient*", "symptom*", "treatment*", "prescri*", "dose", "doses", "dosage*", "medication*", "insulin", "antibiotic*", "melanoma*", "cancer*", "tumor*", "tumour*", "disease*", "illness*", "mole", "nodule*", "诊断", "患者", "病人", "症状", "治疗", "处方", "用药", "药物", "剂量", "结节", "良性", "恶性", "患", "胃病", "疾病", "医嘱", "诊疗"],
  },
  {
    id: "law-enforcement",
    basis: "Annex III 6",
    name: { en: "law enforcement", "zh-CN": "执法" },
    cues: ["reoffend*", "re-offend*", "recidiv*", "suspect*", "criminal*", "crime*", "police", "patrol*", "watchlist*", "watch list*", "person of interest", "persons of interest", "犯罪", "嫌疑", "派出所", "警方", "公安", "再犯", "布控", "重点人员", "重点关注对象", "案发"],
    decisions: ["watchlist*", "watch list*", "person of interest", "persons of interest", "布控", "重点人员", "重点关注对象"],
  },
  {
    id: "migration",
    basis: "Annex III 7",
    name: { en: "migration, asylum or border control", "zh-CN": "移民、庇护或边境管理" },
    cues: ["visa*", "asylum*", "border*", "immigra*", "residence permit*", "签证", "拒签", "入境", "移民", "庇护", "边检"],
  },
  {
    id: "justice",
    basis: "Annex III 8(a), including dispute resolution",
    name: { en: "justice (judgments, sentencing)", "zh-CN": "司法（判决、量刑）" },
    cues: ["judgment*", "judgement*", "ruling*", "verdict*", "sentencing", "sentenced", "prison sentence*", "court*", "bail", "parole*", "arbitrat*", "adjudicat*", "dispute resolution", "binding award*", "判决", "量刑", "裁判", "法院", "司法", "庭审", "保释", "裁决", "仲裁", "调解"],
    decisions: ["binding award*", "裁决"],
  },
  {
    id: "elections",
    basis: "Annex III 8(b)",
    name: { en: "elections and voting", "zh-CN": "选举与投票" },
    cues: ["voter*", "ballot*", "election*", "electoral roll*", "选民", "选票", "选举", "投票"],
  },
];

/** Making or setting a decision, in any inflection. */
export const DECISION_VERBS: readonly string[] = [
  ..."approv* reject* declin* refus* deny denies denied denial* decid* decision* determin* set sets assign* allocat* rank* shortlist* screen* filter* pick* select* grade* graded scor* admit* grant* cancel* terminat* dismiss* flag* price priced prices pricing prescrib* diagnos* adjust adjusts adjusted adjusting adjustment* triag* dispatch dispatches dispatched dispatching identif* predict* remov* issu* judg* classif* eliminat* apply applies applied calculat*".split(" "),
  "fail* the", "tell* the user", "tell* users", "tell* patients", "tell* you", "stop* payment*", "cut* off", "lose power", "weed* out", "mark* as", "list* as", "arbitrat*", "adjudicat*",
  ..."通过 拒绝 驳回 批准 审批 决定 判定 判断 设定 核定 调整 淘汰 筛选 排序 给出 生成 开具 分诊 派出 拒赔 拒签 定价 终止 删除 录取 打分 评分 告诉 识别 预测 取消 授予 分配 发放 停发 作出 出具 认定 评定 开门 扣减 审核 标记 列为 列入 纳入 仲裁 裁决".split(" "),
];

/** The system as the one who acts. */
export const SYSTEM_ACTORS: readonly string[] = [
  ..."model* system* AI algorithm* agent* assistant* bot bots chatbot* engine* tool tools app apps application service* classifier* scorer* portal* camera* plugin* scheduler* automat* checker* proctor* autograder* auto-grader* virtual software platform* pipeline* LLM* GPT*".split(" "),
  ..."模型 系统 AI 算法 平台 机器人 应用 智能 自动 引擎 工具 门禁 摄像头 小程序 程序 虚拟 数字人".split(" "),
];

/** Before the verb in the same clause, these clear it: "does not approve", 不会自动拒绝. */
export const NEGATIONS: readonly string[] = ["never", "not", "no", "none", "cannot", "can't", "won't", "doesn't", "don't", "isn't", "aren't", "nor", "neither", "不", "没", "未", "非", "禁止", "严禁", "绝不"];

/**
 * A negation describes the person rather than the decision when it sits in a phrase that
 * qualifies a noun: right after these words ("applicants with no history", "students who have
 * not submitted"), or in a clause these open that a comma closes ("if a tenant has not paid, ...").
 */
export const NEGATION_QUALIFIERS: readonly string[] = ["with", "who", "whom", "whose", "that", "which", "has", "have", "had", "having"];
export const SUBORDINATORS: readonly string[] = ["if", "when", "whenever", "once", "unless", "where", "while", "after", "before", "until", "because", "如果", "若", "假如", "要是", "当", "一旦"];
/** A Chinese negation before these governs a verb (不会, 不得, 不允许); otherwise a 的 after it closes a phrase about a noun (未缴费的保单). */
export const ZH_NEGATION_MODALS = "会能得可应允要准让需";
/** A 的 after one of these belongs to the object of the verb (不会对用户的申请…), not to a phrase about a noun. */
export const ZH_PREPOSITIONS = "对把将给向被让由为";
/** Before a person, these say the person is skipped: "with no adjuster review", 跳过人工审批, 不经社工核实. */
export const HUMAN_BYPASS: readonly string[] = ["without", "no", "never", "not", "bypass*", "skip*", "instead of", "rather than", "无需", "无须", "不需要", "不经", "未经", "跳过", "绕过", "不再", "不用"];
/** Between a person and their verb, these limit what the person does ("the manager only sends the letter"). */
export const LIMITERS: readonly string[] = ["only", "just", "merely", "只", "仅", "只是", "仅仅"];

/** Anywhere in the sentence, these rule the decision out. */
export const EXCLUSIONS: readonly string[] = ["out of scope", "not in scope", "outside the scope", "is excluded", "are excluded", "explicitly excluded", "non-goal*", "not part of", "不涉及", "不在本期范围", "不在范围", "范围之外", "不做", "不包括", "排除在外", "不属于"];

/** After a human role (or before one, passively: "made by caseworkers"), these mean a person decides. */
export const HUMAN_DECIDES: readonly string[] = [
  ..."review* check* confirm* own owns sign* make makes made handle* assess* approv* decid* reject* prescrib* diagnos* grade* determin* stay* rest* remain* left maintain*".split(" "),
  ..."决定 作出 做出 核定 复核 审核 审批 负责 完成 确认 批准 判断 诊断 评分 拍板 维护 签字 签署 签发".split(" "),
];
