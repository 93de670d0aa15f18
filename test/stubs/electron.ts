// Stands in for the `electron` module under Node (see vitest.config.ts). Any service that
// reaches for it is a layering bug, so every member throws.
const fail = (): never => {
  throw new Error('electron is not available under Node: services must not import it');
};
export const app = new Proxy({}, { get: fail });
export const ipcMain = new Proxy({}, { get: fail });
export default new Proxy({}, { get: fail });
