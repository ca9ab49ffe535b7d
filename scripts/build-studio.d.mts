// Types for scripts/build-studio.mjs (plain JS, so wrangler's [build] can run it with any node).
export const STUDIO_BUNDLE: string;
/** Bundle src/studio/client/main.ts into src/studio/built/client.js; what went in, how big and how long. */
export function buildStudioClient(): Promise<{ bytes: number; ms: number; inputs: string[] }>;
