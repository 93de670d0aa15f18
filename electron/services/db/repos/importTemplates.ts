// Column-mapping templates per employer (migration 004): the mapping an auditor confirmed for a
// file layout, found again by its header signature and applied to the employer's next file.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ImportKind } from '../../../../shared/domain/importReport';
import type { ImportTemplate, SheetMappingOverrideDto } from '../../../../shared/api/dto/imports';
import type { WriteMeta } from './meta';

interface TemplateRow {
  id: number;
  employer_id: number;
  kind: ImportKind;
  header_signature: string;
  name: string;
  mapping: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
}

function toTemplate(r: TemplateRow): ImportTemplate {
  return {
    id: r.id,
    employerId: r.employer_id,
    kind: r.kind,
    name: r.name,
    headerSignature: r.header_signature,
    mapping: JSON.parse(r.mapping) as SheetMappingOverrideDto,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  };
}

/** Most recently used first. */
export function listImportTemplates(db: Database.Database, employerId: number, kind: ImportKind): ImportTemplate[] {
  const rows = db
    .prepare('SELECT * FROM import_templates WHERE employer_id = ? AND kind = ? ORDER BY COALESCE(last_used_at, created_at) DESC, id DESC')
    .all(employerId, kind) as TemplateRow[];
  return rows.map(toTemplate);
}

export function getImportTemplate(db: Database.Database, id: number): ImportTemplate | null {
  const r = db.prepare('SELECT * FROM import_templates WHERE id = ?').get(id) as TemplateRow | undefined;
  return r ? toTemplate(r) : null;
}

export interface TemplateInput {
  employerId: number;
  kind: ImportKind;
  headerSignature: string;
  name: string;
  mapping: SheetMappingOverrideDto;
}

/** Saves a template; one per employer, kind and header signature (a later save replaces the mapping). */
export function saveImportTemplate(db: Database.Database, t: TemplateInput, meta: WriteMeta): ImportTemplate {
  db.prepare(
    `INSERT INTO import_templates (employer_id, kind, header_signature, name, mapping, created_by, created_at, last_used_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (employer_id, kind, header_signature) DO UPDATE SET name = excluded.name, mapping = excluded.mapping, last_used_at = excluded.last_used_at`,
  ).run(t.employerId, t.kind, t.headerSignature, t.name, JSON.stringify(t.mapping), meta.actor, meta.at, meta.at);
  const r = db.prepare('SELECT * FROM import_templates WHERE employer_id = ? AND kind = ? AND header_signature = ?').get(t.employerId, t.kind, t.headerSignature) as TemplateRow;
  return toTemplate(r);
}

export function markTemplateUsed(db: Database.Database, id: number, at: string): void {
  db.prepare('UPDATE import_templates SET last_used_at = ? WHERE id = ?').run(at, id);
}
