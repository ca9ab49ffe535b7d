// The studio as the e2e tests and the studio bench open it: `npm start`, Debian's chromium in a throwaway profile,
// and the counters the studio keeps on <body> (data-renders, data-mockups) to wait on instead of a clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Started, startServer } from './npm-start.ts';

/** Every launch needs these (no sandbox for root in CI, no GPU on a server, no first-run dialogs). */
const BASE_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
/** Pixel-compared runs add these: no hinting (screenshots match across machines), no background traffic. */
export const QUIET_ARGS = [
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

/**
 * The budget of expect.poll on the page: as long as the files' other waits on it (nextRender). Vitest's default is
 * one second, which a render on a loaded machine does not always fit in.
 */
export const PAGE_WAIT = { timeout: 60_000 };

export interface StudioOptions {
  /** Settings for `npm start` on top of the test defaults (tests/helpers/npm-start.ts). */
  env?: Record<string, string>;
  /** Chromium flags besides BASE_ARGS. */
  args?: readonly string[];
  /** Open the studio and wait for its first preview (default); false leaves a blank page. */
  open?: boolean;
  profilePrefix?: string;
}

export interface Studio {
  server: Started;
  context: BrowserContext;
  page: Page;
  /** Closes the browser, removes the profile, stops the server: whatever of it was started. */
  close(): Promise<void>;
}

export async function openStudio(options: StudioOptions = {}): Promise<Studio> {
  const server = await startServer(options.env);
  const profile = mkdtempSync(join(tmpdir(), options.profilePrefix ?? 'storycard-chromium-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    await server.stop();
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      args: [...BASE_ARGS, ...(options.args ?? [])],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    if (options.open ?? true) {
      await page.goto(server.printed.studio!);
      await page.waitForFunction(() => Number(document.body.dataset.renders ?? 0) > 0, null, { timeout: 60_000 });
    }
    return { server, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The studio's own counters: finished previews and mock-up renders, and waits on them. `page` is read at each call, so
 * a test file can take these at the top, before its beforeAll has opened the page.
 */
export function studioCounters(page: () => Page) {
  const count = async (name: string) => Number((await page().locator('body').getAttribute(name)) ?? 0);
  const renders = () => count('data-renders');
  const mockupRenders = () => count('data-mockups');
  return {
    renders,
    mockupRenders,
    async nextRender(before: number, timeout = 60_000) {
      await page().waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n, before, { timeout });
    },
    async nextMockups(before: number, timeout = 60_000) {
      await page().waitForFunction((n) => Number(document.body.dataset.mockups ?? 0) > n, before, { timeout });
    },
    /** Wait until no preview or mock-up render has landed for a second (debounced renders come in bursts). */
    async settled() {
      let last = '';
      for (;;) {
        const now = `${await renders()}/${await mockupRenders()}`;
        if (now === last) return;
        last = now;
        await page().waitForTimeout(1000);
      }
    },
  };
}
