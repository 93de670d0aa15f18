// Shapes of resolving transfer conflicts (issue 8 item 6): when both workstations changed a case,
// the section head or archivist chooses per case — take the package's version, keep this
// workstation's, or keep both (the package's additions merged in as a recorded correction).
import { z } from 'zod';

export const CONFLICT_CHOICES = ['theirs', 'ours', 'both'] as const;
export const ConflictChoiceSchema = z.enum(CONFLICT_CHOICES);
export type ConflictChoice = z.infer<typeof ConflictChoiceSchema>;

export const CONFLICT_CHOICE_NAMES: Record<ConflictChoice, string> = {
  theirs: '采用交换包',
  ours: '保留本机',
  both: '两边都保留（作为更正）',
};

/** What each choice does, for the dialog and the trail (Chinese). */
export const CONFLICT_CHOICE_HINTS: Record<ConflictChoice, string> = {
  theirs: '本机该案件的内容改为与交换包相同（本机独有的记录删除），交换包的审计记录摘要记入本机审计记录',
  ours: '本机该案件不作改动，交换包中的修改不导入，记入审计记录',
  both: '保留本机的内容，并加入交换包新增的记录；两边都改过的记录以本机为准，交换包的版本记入审计记录作为更正依据',
};

export const ConflictResolutionSchema = z.object({
  /** The case number as the package and the conflict list name it. */
  caseNumber: z.string().trim().min(1).max(100),
  choice: ConflictChoiceSchema,
});
export type ConflictResolution = z.infer<typeof ConflictResolutionSchema>;
