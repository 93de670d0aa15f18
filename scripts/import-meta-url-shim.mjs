// Injected by scripts/build-electron.mjs into the CommonJS main bundle: the services are ES
// modules that locate files with import.meta.url (fonts, for instance), which a CommonJS
// bundle has to rebuild from __filename.
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
