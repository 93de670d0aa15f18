// Types for scripts/native-electron.mjs, for the tests that import it.
export declare function nativeModulePath(projectRoot: string, electronVersion: string): string;
export declare function installedElectron(projectRoot?: string): { version: string; abi: string };
export declare function isBuiltForAbi(file: string, abi: string): Promise<boolean>;
export declare function ensureElectronNative(options?: { projectRoot?: string; force?: boolean }): Promise<{ path: string; built: boolean }>;
