// Gathers the facts the monthly statistics are computed from (shared/rules/statistics): cases
// with their conclusion and archive dates (from the recorded transitions), the approved order and
// the payments and enrolments against it (the rectification module's own reading), the
// rectification deadline, referrals, the directories and the tip-off register. Dates are the UTC
// calendar day of the stored timestamps, as the tip-off register reads them.
import type { StatsCase, StatsFacts, StatsTarget, StatsTipOff } from '../../../shared/rules/statistics/facts';
import { NO_HANDLING } from '../../../shared/rules/statistics/facts';
import { fenFromString } from '../../../shared/rules/money';
import { rectificationStatus } from '../backend/rectification';
import { latestFact } from '../backend/workflow';
import type { Db } from '../db/open';
import { confirmedFundLossFen, screeningHandlingSource, type InstitutionHandlingSource } from './institutionHandling';

interface CaseRow {
  id: number;
  number: string;
  kind: 'employer-audit' | 'institution-check';
  source: StatsCase['source'];
  target_id: number;
  target_name: string;
  region: string | null;
  institution_kind: 'hospital' | 'pharmacy' | null;
  concluded_at: string | null;
  archived_at: string | null;
  ever_concluded: number;
  referred_at: string | null;
}

/**
 * When case c moved to one of `states`: the recorded transitions, and the trail's
 * case.transition entries (cases walked by the demo and older imports record only those).
 */
const movedTo = (states: string) =>
  `SELECT at FROM case_transitions t WHERE t.case_id = c.id AND t.to_state IN (${states})
   UNION ALL SELECT at FROM audit_log a WHERE a.case_id = c.id AND a.action = 'case.transition' AND json_extract(a.detail, '$.to') IN (${states})`;

const day = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 10));

function readCases(db: Db): CaseRow[] {
  return db
    .prepare(
      `SELECT c.id, c.number, c.kind, c.source,
              coalesce(c.employer_id, c.institution_id) AS target_id,
              coalesce(e.name, i.name) AS target_name,
              coalesce(e.region, i.region) AS region,
              i.kind AS institution_kind,
              (SELECT min(at) FROM (${movedTo("'concluded', 'closed-no-finding'")})) AS concluded_at,
              (SELECT min(at) FROM (${movedTo("'archived'")})) AS archived_at,
              EXISTS (SELECT 1 FROM case_transitions t WHERE t.case_id = c.id AND t.to_state = 'concluded') AS ever_concluded,
              (SELECT min(coalesce(issued_at, created_at)) FROM documents d WHERE d.case_id = c.id AND d.type = 'penalty-referral' AND d.status = 'issued') AS referred_at
         FROM cases c
         LEFT JOIN employers e ON e.id = c.employer_id
         LEFT JOIN institutions i ON i.id = c.institution_id
        ORDER BY c.id`,
    )
    .all() as CaseRow[];
}

function employerCase(db: Db, r: CaseRow): StatsCase {
  const s = rectificationStatus(db, r.id);
  const orderedBackPayFen = fenFromString(s.ordered.backPay);
  const orderedLateFeeFen = fenFromString(s.ordered.lateFee);
  return {
    ...base(r),
    hasProblems: r.ever_concluded === 1 || orderedBackPayFen + orderedLateFeeFen > 0 || s.toEnrol.length > 0,
    orderedBackPayFen,
    orderedLateFeeFen,
    payments: s.payments.map((p) => ({ paidOn: p.paidOn, amountFen: fenFromString(p.amount), purpose: p.purpose })),
    enrolments: s.enrolments.map((e) => ({ personId: e.personId, on: day(e.at)! })),
    rectificationDue: latestFact<{ date: string }>(db, r.id, 'rectification-deadline')?.value.date ?? null,
    referredOn: day(r.referred_at),
  };
}

function base(r: CaseRow): StatsCase {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    source: r.source,
    region: r.region ?? '',
    targetId: r.target_id,
    targetName: r.target_name,
    institutionKind: r.institution_kind,
    concludedOn: day(r.concluded_at),
    archivedOn: day(r.archived_at),
    hasProblems: false,
    orderedBackPayFen: 0,
    orderedLateFeeFen: 0,
    payments: [],
    enrolments: [],
    rectificationDue: null,
    referredOn: null,
    handling: NO_HANDLING,
  };
}

export function gatherStatsFacts(db: Db, unit: string, handlingSource: InstitutionHandlingSource = screeningHandlingSource): StatsFacts {
  const rows = readCases(db);
  const institutionRows = rows.filter((r) => r.kind === 'institution-check');
  const handling = handlingSource(db, institutionRows.map((r) => ({ id: r.id, archivedOn: day(r.archived_at) })));
  const cases = rows.map((r): StatsCase => {
    if (r.kind === 'employer-audit') return employerCase(db, r);
    const h = handling.get(r.id) ?? NO_HANDLING;
    const confirmed = confirmedFundLossFen(db, r.id).hits > 0;
    return { ...base(r), handling: h, hasProblems: confirmed || h.measures.length > 0 };
  });
  const employers = (db.prepare('SELECT id, region, active, created_at FROM employers').all() as { id: number; region: string | null; active: number; created_at: string }[]).map(
    (e): StatsTarget => ({ id: e.id, region: e.region ?? '', active: e.active === 1, addedOn: day(e.created_at)! }),
  );
  const institutions = (
    db.prepare('SELECT id, region, active, kind, created_at FROM institutions').all() as { id: number; region: string; active: number; kind: 'hospital' | 'pharmacy'; created_at: string }[]
  ).map((i): StatsTarget => ({ id: i.id, region: i.region, active: i.active === 1, addedOn: day(i.created_at)!, institutionKind: i.kind }));
  const tipOffs = (
    db
      .prepare(
        `SELECT t.id, t.subject_kind, t.received_on, t.answered_on, t.case_id,
                coalesce(e.region, i.region, '') AS region
           FROM tip_offs t
           LEFT JOIN employers e ON t.subject_kind = 'employer' AND e.credit_code = t.subject_credit_code
           LEFT JOIN institutions i ON t.subject_kind = 'institution' AND i.credit_code = t.subject_credit_code
          ORDER BY t.id`,
      )
      .all() as { id: number; subject_kind: 'employer' | 'institution'; received_on: string; answered_on: string | null; case_id: number | null; region: string }[]
  ).map((t): StatsTipOff => ({ id: t.id, subjectKind: t.subject_kind, region: t.region, receivedOn: t.received_on, answeredOn: t.answered_on, caseId: t.case_id }));
  return { unit, cases, employers, institutions, tipOffs };
}
