// Two test projects: plain Node (unit, render, CLI, e2e) and workerd (the Worker with local D1/R2/Queues).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/{unit,render,cli,e2e}/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            // Fixed settings (never a developer's .dev.vars) and the D1 migrations tests/worker/setup.ts applies.
            miniflare: {
              bindings: {
                API_TOKEN: 'test-api-token-0123456789',
                SIGNING_SECRET: 'test-signing-secret',
                PUBLIC_BASE_URL: 'https://cards.example.com',
                // The fake photo host listens on 127.0.0.1 (exempt from the private-address block on fetched images).
                FETCH_ALLOW_HOSTS: '127.0.0.1',
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          setupFiles: ['./tests/worker/setup.ts'],
          // A fake X API on 127.0.0.1 (Node side); worker tests reach it over real HTTP via inject('fakeXUrl').
          // And fake news feeds for the cron's feed polling (inject('fakeFeedsUrl')).
          // And a fake Cloudflare API for the share cache's global purge (inject('fakeCloudflareUrl')).
          // A fake photo host with fault modes, and Node's bytes for the cards both runtimes must encode alike.
          globalSetup: [
            // The studio's browser script, bundled from src/studio/client/*.ts (never a build done by hand).
            './tests/worker/studio-client.setup.ts',
            './tests/worker/bot-fakes.setup.ts',
            './tests/worker/network-fakes.setup.ts',
            './tests/worker/feeds.setup.ts',
            './tests/worker/share-fakes.setup.ts',
            './tests/worker/cards.setup.ts',
            // And the golden PNGs, to compare workerd's renders with (inject('goldenUrl')).
            './tests/worker/goldens.setup.ts',
          ],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
