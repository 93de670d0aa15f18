#!/usr/bin/env node
// `npx jihe`: registers tsx so the TypeScript command line runs straight from the sources after
// `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
