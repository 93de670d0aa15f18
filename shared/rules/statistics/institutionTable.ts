// 医保基金监督检查情况统计表 (seed 004 附表; DOMAIN.md §11): the institutions table exactly as the
// seed lays it out, computed from institution checks, their handling and the directory. A check
// counts as 已检查 from the day its case is archived; handling counts on the day it was decided;
// the directory is taken as at the window's last day.
import { countFigure, percentFigure, wanYuanFigure, type Figure } from './figure';
import type { HandlingMeasureKind, StatsCase, StatsFacts, AccountabilityTarget } from './facts';
import { inWindow, statsWindows, type StatsWindow } from './period';
import { regionLabel, sortRegions, type StatsColumnGroup, type StatsRow, type StatsTable } from './table';
import type { Month } from '../month';

export const INSTITUTION_TABLE_TITLE = '医保基金监督检查情况统计表';

const MEASURE_COLUMNS: readonly { key: string; label: string; kinds: readonly HandlingMeasureKind[] }[] = [
  { key: 'hInterview', label: '约谈限期整改数量', kinds: ['interview'] },
  { key: 'hCircular', label: '通报批评数量', kinds: ['circular'] },
  { key: 'hSuspend', label: '暂停协议数量', kinds: ['suspend'] },
  { key: 'hTerminate', label: '解除协议数量', kinds: ['terminate'] },
  { key: 'hPenalty', label: '行政处罚数量', kinds: ['penalty'] },
  { key: 'hJudicial', label: '移交司法机关数量', kinds: ['judicial'] },
];
const OTHER_KINDS: readonly HandlingMeasureKind[] = ['refuse-payment', 'other'];

const ACCOUNTABILITY_COLUMNS: readonly { key: string; label: string; target: AccountabilityTarget }[] = [
  { key: 'accInstitution', label: '医疗机构', target: 'institution' },
  { key: 'accAgency', label: '经办机构', target: 'agency' },
  { key: 'accDepartment', label: '其他部门', target: 'department' },
  { key: 'accInsured', label: '参保人员', target: 'insured' },
];

export const INSTITUTION_GROUPS: StatsColumnGroup[] = [
  {
    label: '定点医药机构数',
    columns: [
      { key: 'instTotal', label: '总数' },
      { key: 'instHospital', label: '医疗机构' },
      { key: 'instPharmacy', label: '零售药店' },
    ],
  },
  {
    label: '已检查机构数',
    columns: [
      { key: 'chkTotal', label: '总数' },
      { key: 'chkJoint', label: '多部门联合检查' },
      { key: 'chkHospital', label: '医疗机构数量' },
      { key: 'chkPharmacy', label: '零售药店数量' },
      { key: 'chkProgress', label: '检查进度(%)' },
    ],
  },
  {
    label: '存在问题机构数',
    columns: [
      { key: 'probHospital', label: '医疗机构' },
      { key: 'probPharmacy', label: '零售药店' },
    ],
  },
  {
    label: '定点医药机构处理情况',
    columns: [
      ...MEASURE_COLUMNS.map(({ key, label }) => ({ key, label })),
      { key: 'hRecovered', label: '追回医保基金(万元)' },
      { key: 'hOther', label: '其他处理情形' },
    ],
  },
  { label: '追责情况', columns: ACCOUNTABILITY_COLUMNS.map(({ key, label }) => ({ key, label })) },
];

export const INSTITUTION_NOTES: readonly string[] = [
  '1.“定点医药机构数”栏目中“总数”填写辖区内定点医药机构数量；“已检查机构数”指自当年1月1日截止到本月末检查（归档）的机构数，其中“多部门联合检查”指医保部门联合公安、卫健等部门检查数；检查进度=已检查总数/辖区内定点医药机构数量的百分比；',
  '2.本表以区县、市医保中心为单位每月累加统计，医药机构数量单位为“家”，追回资金单位为“万元”（保留两位小数，四舍五入）；',
  '3.“追责情况”，统计医疗机构负责人或相关责任人、经办人员、参保人员及准入、审批部门人员的追责情况。',
];

/** Distinct institutions, with every case behind them. */
function institutionsFigure(cases: readonly StatsCase[]): Figure {
  return countFigure(new Set(cases.map((c) => c.targetId)).size, cases.map((c) => c.id));
}

function rowFor(label: string, region: string | null, facts: StatsFacts, w: StatsWindow): StatsRow {
  const inRegion = (r: string) => region === null || r.trim() === region;
  const directory = facts.institutions.filter((t) => t.active && t.addedOn <= w.to && inRegion(t.region));
  const hospitals = directory.filter((t) => t.institutionKind === 'hospital').length;
  const cases = facts.cases.filter((c) => c.kind === 'institution-check' && inRegion(c.region));
  const checked = cases.filter((c) => inWindow(c.archivedOn, w));
  const checkedTotal = institutionsFigure(checked);
  const problems = checked.filter((c) => c.hasProblems);

  const cells: Record<string, Figure> = {
    instTotal: countFigure(directory.length),
    instHospital: countFigure(hospitals),
    instPharmacy: countFigure(directory.length - hospitals),
    chkTotal: checkedTotal,
    chkJoint: institutionsFigure(checked.filter((c) => c.handling.jointCheck)),
    chkHospital: institutionsFigure(checked.filter((c) => c.institutionKind === 'hospital')),
    chkPharmacy: institutionsFigure(checked.filter((c) => c.institutionKind === 'pharmacy')),
    chkProgress: percentFigure(checkedTotal.value, directory.length, checkedTotal.caseIds),
    probHospital: institutionsFigure(problems.filter((c) => c.institutionKind === 'hospital')),
    probPharmacy: institutionsFigure(problems.filter((c) => c.institutionKind === 'pharmacy')),
  };
  const withMeasure = (kinds: readonly HandlingMeasureKind[]) =>
    cases.filter((c) => c.handling.measures.some((m) => kinds.includes(m.kind) && inWindow(m.on, w)));
  for (const col of MEASURE_COLUMNS) cells[col.key] = countFigure(withMeasure(col.kinds).length, withMeasure(col.kinds).map((c) => c.id));
  cells.hOther = countFigure(withMeasure(OTHER_KINDS).length, withMeasure(OTHER_KINDS).map((c) => c.id));

  let recoveredFen = 0;
  const recoveredCases: number[] = [];
  for (const c of cases) {
    for (const m of c.handling.measures) {
      if (m.kind === 'recover' && inWindow(m.on, w) && (m.amountFen ?? 0) > 0) {
        recoveredFen += m.amountFen!;
        recoveredCases.push(c.id);
      }
    }
  }
  cells.hRecovered = wanYuanFigure(recoveredFen, recoveredCases);

  for (const col of ACCOUNTABILITY_COLUMNS) {
    let persons = 0;
    const ids: number[] = [];
    for (const c of cases) {
      for (const a of c.handling.accountability) {
        if (a.target === col.target && inWindow(a.on, w)) {
          persons += a.persons;
          ids.push(c.id);
        }
      }
    }
    cells[col.key] = countFigure(persons, ids);
  }
  return { label, region, cells };
}

function rowsFor(facts: StatsFacts, w: StatsWindow): StatsRow[] {
  const regions = sortRegions([...facts.institutions.map((t) => t.region), ...facts.cases.filter((c) => c.kind === 'institution-check').map((c) => c.region)]);
  return [...regions.map((r) => rowFor(regionLabel(r), r, facts, w)), rowFor(`${facts.unit}（合计）`, null, facts, w)];
}

export function institutionTable(facts: StatsFacts, month: Month): StatsTable {
  const w = statsWindows(month);
  return {
    key: 'institutions',
    title: INSTITUTION_TABLE_TITLE,
    labelHeader: '填报单位',
    groups: INSTITUTION_GROUPS,
    cumulative: rowsFor(facts, w.cumulative),
    month: rowsFor(facts, w.month),
    notes: [...INSTITUTION_NOTES],
  };
}
