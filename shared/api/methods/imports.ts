// Contract methods of one area (imports); spread into the contract by shared/api/contract.ts.
// Add methods here with method(inputSchema, outputSchema) from ../methodKit.
export const importMethods = {} as const;
