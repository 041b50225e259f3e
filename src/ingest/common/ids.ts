/**
 * Stable identifiers for records derived from the returns, built from the child and the
 * record's own date, so importing the same return again finds the same records (idempotence)
 * and a child's episodes from consecutive years' returns meet under one key.
 */
export const ids = {
  referral: (child: string, date: string) => `${child}:REF:${date}`,
  assessment: (child: string, start: string) => `${child}:A:${start}`,
  cinPlan: (child: string, start: string) => `${child}:CINP:${start}`,
  strategy: (child: string, date: string) => `${child}:SD:${date}`,
  s47: (child: string, start: string) => `${child}:S47:${start}`,
  cpPlan: (child: string, start: string) => `${child}:CP:${start}`,
  initialConference: (child: string, date: string) => `${child}:ICPC:${date}`,
  reviewConference: (child: string, date: string) => `${child}:CPR:${date}`,
  episode: (child: string, decom: string) => `${child}:${decom}`,
  period: (child: string, start: string) => `${child}:PER:${start}`,
  review: (child: string, date: string) => `${child}:REV:${date}`,
  missing: (child: string, start: string, type: string) => `${child}:MIS:${start}:${type}`,
  adoptionDecision: (child: string, date: string) => `${child}:PA:${date}`,
  allocation: (child: string, start: string) => `${child}:SW:${start}`,
  contact: (child: string, date: string, nth: number) => `${child}:CON:${date}${nth > 1 ? `:${nth}` : ''}`,
  earlyHelp: (child: string, start: string) => `${child}:EH:${start}`,
  visit: (child: string, context: string, date: string) => `${child}:V:${context}:${date}`,
  healthCheck: (child: string, type: string, date: string) => `${child}:HC:${type}:${date}`,
  /** An allocation known only from Annex A: one per child, worker and role. */
  annexAAllocation: (child: string, role: string, worker: string) => `${child}:AA:${role}:${worker}`,
};
