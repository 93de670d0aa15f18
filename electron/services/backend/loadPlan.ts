// Reads a stored plan back into the rules' type. Stored plans were validated when they came in,
// so a failure here means the database was tampered with or a schema changed: say so plainly.
import type { Db } from '../db/open';
import type { RatePlan } from '../../../shared/domain/ratePlan';
import { parseRatePlanText } from '../../../shared/rules/ratePlan';
import { fieldErrorsToText } from '../../../shared/rules/zodIssues';
import { getRatePlanJson } from '../db/repos/ratePlans';
import { ApiFailure } from './errors';

export function loadRatePlan(db: Db, id: number): RatePlan {
  const json = getRatePlanJson(db, id);
  if (json === null) throw new ApiFailure('not-found', `找不到缴费方案（编号 ${id}）`);
  const parsed = parseRatePlanText(json);
  if (!parsed.ok) throw new ApiFailure('internal', `已保存的缴费方案（编号 ${id}）无法读取：${fieldErrorsToText(parsed.errors)}`);
  return parsed.plan;
}
