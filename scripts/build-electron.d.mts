// Types for scripts/build-electron.mjs, for the tests that import it.
export declare const ELECTRON_OUT_DIR: string;
export declare function buildElectron(options?: { production?: boolean; outDir?: string }): Promise<{ main: string; preload: string }>;
