// Contract methods of one area (workflow); spread into the contract by shared/api/contract.ts.
// The case's states and deadlines, the proof of service, evidence, the audit trail and
// rectification with the follow-up check (DOMAIN.md §2, §8; issue 5).
import { z } from 'zod';
import { BytesSchema, IdSchema, method } from '../methodKit';
import {
  DashboardSchema,
  EvidenceKindSchema,
  EvidenceSchema,
  RecordEnrolmentInputSchema,
  RecordPaymentInputSchema,
  RecordServiceInputSchema,
  RectificationStatusSchema,
  SetCaseDatesInputSchema,
  TrailEntrySchema,
  TrailVerifySchema,
  TransitionInputSchema,
  WorkflowStatusSchema,
} from '../dto/workflow';

const caseOnly = z.object({ caseId: IdSchema });

export const workflowMethods = {
  'workflow.status': method(caseOnly, WorkflowStatusSchema),
  'workflow.transition': method(TransitionInputSchema, WorkflowStatusSchema),
  'workflow.recordService': method(RecordServiceInputSchema, WorkflowStatusSchema),
  'workflow.setDates': method(SetCaseDatesInputSchema, WorkflowStatusSchema),
  'workflow.dashboard': method(z.object({}), DashboardSchema),

  'evidence.add': method(
    z.object({
      caseId: IdSchema,
      findingKey: z.string().trim().min(1).optional(),
      fileName: z.string().trim().min(1, '请提供文件名'),
      data: BytesSchema,
      description: z.string().trim().min(1, '请填写证据说明').max(500),
      kind: EvidenceKindSchema,
    }),
    EvidenceSchema,
  ),
  'evidence.list': method(caseOnly, z.array(EvidenceSchema)),
  'evidence.get': method(z.object({ evidenceId: IdSchema }), z.object({ evidence: EvidenceSchema, data: BytesSchema })),

  'trail.list': method(caseOnly, z.array(TrailEntrySchema)),
  'trail.verify': method(caseOnly, TrailVerifySchema),

  'rectification.status': method(caseOnly, RectificationStatusSchema),
  'rectification.recordPayment': method(RecordPaymentInputSchema, RectificationStatusSchema),
  'rectification.recordEnrolment': method(RecordEnrolmentInputSchema, RectificationStatusSchema),
  'rectification.followUp': method(z.object({ caseId: IdSchema, fileName: z.string().trim().min(1, '请提供文件名'), data: BytesSchema }), RectificationStatusSchema),
} as const;
