/**
 * People a spec can hand work to or have decide: by role as well as by "a human". Used by the
 * fallback and review checks (who takes over) and by red-line-review (a human decides).
 * `ambiguous` roles also name software ("the agent", "AI 客服"): they count for a hand-over
 * but not as the human who makes a red-line decision.
 */
export interface Role {
  term: string;
  ambiguous?: boolean;
}

/** Before a role, these make it software: "AI 法官", "a virtual agent", 智能审核员. */
export const SOFTWARE_ROLE_PREFIX = /(?:\bAI|\bvirtual|\bdigital|\brobo-?|智能|虚拟|数字|机器人)\s*-?\s*$/i;

export const ROLES: readonly Role[] = [
  // English; a trailing * matches any ending (plurals, -ist / -er forms).
  ..."human* person people someone somebody operator* reviewer* approver* specialist* engineer* handler* officer* manager* supervisor* lead lawyer* counsel paralegal* attorney* doctor* physician* clinician* dermatologist* radiologist* pathologist* oncologist* cardiologist* psychiatrist* psychologist* therapist* surgeon* dentist* midwi* GP GPs nurse* pharmacist* underwriter* recruiter* caseworker* teacher* tutor* judge* analyst* adjuster* arbitrator* mediator* editor* moderator* dispatcher* clerk* HR staffer* expert* advisor* adviser* accountant* auditor* team* partner* owner* on-call"
    .split(" ")
    .map((term) => ({ term })),
  { term: "case worker*" },
  { term: "support staff" },
  { term: "agent*", ambiguous: true },
  { term: "representative*", ambiguous: true },
  // Chinese
  ..."人工 专人 真人 坐席 运营人员 运营同学 运营团队 医生 医师 药师 护士 信贷员 理赔员 专员 经理 主管 组长 工程师 律师 法务 法官 老师 教师 工作人员 审核员 审批人 复核员 部门 店长 值班 分析师 编辑 顾问 负责人 管理员 同事 审批员 核保员 核赔员 定损员 调度员 调解员 仲裁员 民警 警官 班主任 辅导员 审核人员 医务人员 社工 社区工作者 签证官 移民官 边检员 审判员 信审员 风控专员".split(" ").map((term) => ({ term })),
  { term: "客服", ambiguous: true },
  // "AI 面试官" is software too.
  { term: "面试官", ambiguous: true },
  { term: "考官", ambiguous: true },
];

/** The roles that name a person for sure: who decides, or who takes a case over. */
export const PERSON_ROLES: readonly string[] = ROLES.filter((r) => !r.ambiguous).map((r) => r.term);
