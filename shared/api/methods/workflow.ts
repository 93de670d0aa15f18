// Contract methods of one area (workflow); spread into the contract by shared/api/contract.ts.
// Add methods here with method(inputSchema, outputSchema) from ../methodKit.
export const workflowMethods = {} as const;
