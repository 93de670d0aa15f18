// Starts the TypeScript import worker where the code runs from source (tsx, vitest, the
// benchmark): registers tsx's loader in this worker thread, then loads importWorker.ts. The
// Electron bundle ships a prebuilt importWorker.cjs instead (see parseInWorker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
