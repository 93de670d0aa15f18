// The workflow area's handlers in one object, so electron/services/backend.ts registers the area
// with one line: case states and deadlines, evidence, the audit trail, rectification.
import { evidenceHandlers } from './evidence';
import { rectificationHandlers } from './rectification';
import { trailHandlers } from './trail';
import { workflowHandlers } from './workflow';

export const workflowAreaHandlers = { ...workflowHandlers, ...evidenceHandlers, ...trailHandlers, ...rectificationHandlers };
