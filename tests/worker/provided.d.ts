// What the worker tests' globalSetup files (Node side) hand the tests inside workerd through inject(): one list, read by
// both the Node program (the setup files) and the workerd program (the tests), which see different runtime types.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    // bot-fakes.setup.ts
    fakeXUrl: string;
    fakeBlueskyUrl: string;
    fakeMastodonUrl: string;
    /** A second set, only for tests/worker/outbox-faults.test.ts: its scripted faults must not hit other files. */
    outboxFakes: { x: string; bluesky: string; mastodon: string };
    /** A third set where no test scripts faults, for outbox tests that expect every request to succeed. */
    quietFakes: { x: string; bluesky: string; mastodon: string };
    /** A fourth, only for tests/worker/outbox-fence.test.ts: its held requests must not stall anyone else's. */
    fenceFakes: { x: string; bluesky: string; mastodon: string };
    // network-fakes.setup.ts: Telegram, Threads, Facebook and Instagram, one file each (tests/worker/<network>-poster.test.ts)
    networkFakes: { telegram: string; threads: string; facebook: string; instagram: string; linkedin: string };
    // cards.setup.ts
    fakePhotosUrl: string;
    /** A second host, only for the same-bytes test (always up). */
    steadyPhotosUrl: string;
    /** case name → { sha256, bytes, format } of Node's render */
    nodeCards: Record<string, { sha256: string; bytes: number; format: string }>;
    // feeds.setup.ts
    fakeFeedsUrl: string;
    // goldens.setup.ts
    /** GET /photo.png; POST /compare/<file> (see goldens.setup.ts). */
    goldenUrl: string;
    // share-fakes.setup.ts
    fakeCloudflareUrl: string;
  }
}
