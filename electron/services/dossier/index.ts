// The dossier (稽核档案, DOMAIN.md §9): export a case as a ZIP and verify one offline.
export { exportDossier, TRAIL_PATH, type ExportDossierOptions } from './exportDossier';
export { verifyDossier } from './verifyDossier';
