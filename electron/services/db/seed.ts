// First-open content: the example rate plans shipped in resources/plans/ (flagged as examples)
// and the default agency profile. Idempotent: a plan already stored (same SHA-256) is skipped and
// an agency profile the user has edited is never overwritten.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { parseRatePlanText } from '../../../shared/rules/ratePlan';
import { fieldErrorsToText } from '../../../shared/rules/zodIssues';
import { parseAgencyProfile } from '../../../shared/domain/agency';
import { appendAudit } from '../audit/auditLog';
import { findRatePlanBySha, insertRatePlan } from './repos/ratePlans';
import { AGENCY_PROFILE_KEY, getSetting, setSetting } from './repos/settings';
import type { WriteMeta } from './repos/meta';

export const AGENCY_PROFILE_FILE = 'agency-profile.default.json';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function seedDatabase(db: Database.Database, resourcesDir: string, meta: WriteMeta): { plans: number; agencyProfile: boolean } {
  let plans = 0;
  let agencyProfile = false;
  const plansDir = path.join(resourcesDir, 'plans');
  const planFiles = existsSync(plansDir) ? readdirSync(plansDir).filter((f) => f.endsWith('.json')).sort() : [];
  const profileFile = path.join(resourcesDir, AGENCY_PROFILE_FILE);
  db.transaction(() => {
    for (const file of planFiles) {
      const text = readFileSync(path.join(plansDir, file), 'utf8');
      const sha = sha256Hex(text);
      if (findRatePlanBySha(db, sha)) continue;
      const parsed = parseRatePlanText(text);
      // A broken shipped plan is a packaging bug: fail loudly rather than hide it.
      if (!parsed.ok) throw new Error(`示例缴费方案 ${file} 有误：${fieldErrorsToText(parsed.errors)}`);
      const summary = insertRatePlan(db, { plan: parsed.plan, json: text, sha256: sha, example: true }, meta);
      appendAudit(db, { ...meta, caseId: null, action: 'ratePlan.seed', detail: { ratePlanId: summary.id, file, sha256: sha } });
      plans++;
    }
    if (getSetting(db, AGENCY_PROFILE_KEY) === null && existsSync(profileFile)) {
      const raw = JSON.parse(readFileSync(profileFile, 'utf8')) as Record<string, unknown>;
      const profile = parseAgencyProfile(raw, profileFile);
      setSetting(db, AGENCY_PROFILE_KEY, profile, meta);
      appendAudit(db, { ...meta, caseId: null, action: 'settings.seed', detail: { key: AGENCY_PROFILE_KEY, file: AGENCY_PROFILE_FILE } });
      agencyProfile = true;
    }
  })();
  return { plans, agencyProfile };
}
