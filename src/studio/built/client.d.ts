// The studio's browser script, bundled by scripts/build-studio.mjs into client.js (gitignored, never stale: wrangler
// and the worker tests build it first). Its source is src/studio/client/*.ts.
declare const STUDIO_CLIENT_JS: string;
export default STUDIO_CLIENT_JS;
