// Contract methods of the employer directory's bulk import (DOMAIN.md §10.1): a sheet laid out
// like seed 003's annex through the messy-file importer (all rows or none), and its template.
import { z } from 'zod';
import { ImportReportSchema } from '../../domain/importReport';
import { BytesSchema, method } from '../methodKit';

export const employerDirectoryMethods = {
  'employers.import': method(z.object({ fileName: z.string().min(1), data: BytesSchema }), z.object({ created: z.number().int(), updated: z.number().int(), report: ImportReportSchema })),
  'employers.template': method(z.object({}), z.object({ fileName: z.string(), data: BytesSchema })),
} as const;
