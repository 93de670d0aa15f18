// The law each kind of finding breaks and the rule under which it is handled, as the findings
// documents cite them per finding (DOMAIN.md §8 “Legal anchors”). National defaults in one place;
// a builder's caller may pass the bureau's own wording instead.

export type FindingKind = 'not-enrolled' | 'under-declared' | 'declared-only' | 'late-fee';

export interface FindingBasis {
  /** What the employer's conduct is contrary to: 违反了……的规定. */
  violates: string[];
  /** Under which the agency acts: 依据……. */
  handling: string[];
}

export const DEFAULT_FINDING_BASIS: Record<FindingKind, FindingBasis> = {
  'not-enrolled': {
    violates: ['《中华人民共和国社会保险法》第五十八条第一款', '第六十条第一款'],
    handling: ['《中华人民共和国社会保险法》第六十三条第一款', '第八十六条'],
  },
  'under-declared': {
    violates: ['《中华人民共和国社会保险法》第六十条第一款', '《社会保险费征缴暂行条例》第十条'],
    handling: ['《中华人民共和国社会保险法》第六十三条第一款', '第八十六条'],
  },
  'late-fee': {
    violates: ['《中华人民共和国社会保险法》第六十条第一款'],
    handling: ['《中华人民共和国社会保险法》第八十六条'],
  },
  // Not a breach but a matter to verify (a legitimately insured worker missing from the payroll,
  // or a 挂靠 enrolment): the opinion says what follows in each case and cites no breach for it.
  'declared-only': {
    violates: [],
    handling: ['《社会保险稽核办法》'],
  },
};
