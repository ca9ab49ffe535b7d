// Bindings the worker tests add on top of wrangler.toml's (see vitest.config.ts).
import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      API_TOKEN: string;
      SIGNING_SECRET: string;
      PUBLIC_BASE_URL: string;
    }
  }
}
