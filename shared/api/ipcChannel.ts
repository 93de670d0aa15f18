// The IPC channel name on its own, so the sandboxed preload can import it without pulling the
// contract's zod schemas into its bundle. contract.ts re-exports it.
export const IPC_CHANNEL = 'jihe:invoke';

/** The passphrase window's one channel (electron/main/unlock.ts), used before the backend exists. */
export const UNLOCK_CHANNEL = 'jihe:unlock';
