// Settings: parseConfig validates every setting by name, and .dev.vars.example documents every one of them.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, SETTING_NAMES } from '../../src/config.ts';

describe('parseConfig', () => {
  it('applies defaults, treats blanks as unset, and splits FEEDS', () => {
    const c = parseConfig({ API_TOKEN: ' ', FEEDS: ' https://a.example/feed.xml, ,https://b.example/rss ', DB: {} });
    expect(c.apiToken).toBeUndefined();
    expect(c.botMode).toBe('off');
    expect(c.x.apiBaseUrl).toBe('https://api.x.com');
    expect(c.feeds).toEqual(['https://a.example/feed.xml', 'https://b.example/rss']);
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://cards.example.com/' }).publicBaseUrl).toBe(
      'https://cards.example.com',
    );
  });

  it('names the setting, what it expected and what it received', () => {
    expect(() => parseConfig({ BOT_MODE: 'sometimes' })).toThrow(ConfigError);
    expect(() => parseConfig({ BOT_MODE: 'sometimes' })).toThrow(/BOT_MODE: .*"off".*received "sometimes"/);
    expect(() => parseConfig({ PUBLIC_BASE_URL: 'cards.example.com' })).toThrow(
      /PUBLIC_BASE_URL: expected an absolute http\(s\) URL, received "cards.example.com"/,
    );
    expect(() => parseConfig({ FEEDS: 'https://ok.example/feed, not-a-url' })).toThrow(/FEEDS/);
  });
});

describe('share page settings', () => {
  it('keeps pages a minute, or ten once the global purge can reach every location', () => {
    expect(parseConfig({}).share).toEqual({ redirectQuery: undefined, cacheTtl: 60, purge: undefined });
    const zone = '0123456789abcdef0123456789abcdef';
    const purged = parseConfig({ CLOUDFLARE_ZONE_ID: zone, CLOUDFLARE_PURGE_TOKEN: 't0ken' }).share;
    expect(purged.cacheTtl).toBe(600);
    expect(purged.purge).toEqual({ zoneId: zone, token: 't0ken', apiBaseUrl: 'https://api.cloudflare.com/client/v4' });
    expect(parseConfig({ SHARE_CACHE_TTL: '0' }).share.cacheTtl).toBe(0);
    expect(parseConfig({ SHARE_REDIRECT_QUERY: '?utm_source=storycard' }).share.redirectQuery).toBe(
      'utm_source=storycard',
    );
  });

  it('refuses a half-configured purge and malformed values, naming the setting', () => {
    expect(() => parseConfig({ CLOUDFLARE_ZONE_ID: '0123456789abcdef0123456789abcdef' })).toThrow(
      /CLOUDFLARE_PURGE_TOKEN: expected it with CLOUDFLARE_ZONE_ID/,
    );
    expect(() => parseConfig({ CLOUDFLARE_PURGE_TOKEN: 't' })).toThrow(/CLOUDFLARE_ZONE_ID: expected it with/);
    expect(() => parseConfig({ CLOUDFLARE_ZONE_ID: 'example.com', CLOUDFLARE_PURGE_TOKEN: 't' })).toThrow(
      /CLOUDFLARE_ZONE_ID: expected the 32 hex digits of a zone ID, received "example.com"/,
    );
    expect(() => parseConfig({ SHARE_CACHE_TTL: '-1' })).toThrow(/SHARE_CACHE_TTL/);
    expect(() => parseConfig({ SHARE_REDIRECT_QUERY: '=share' })).toThrow(/SHARE_REDIRECT_QUERY: expected name=value/);
  });
});

describe('.dev.vars.example', () => {
  it('documents every setting parseConfig reads', () => {
    const documented = parseEnv(readFileSync(new URL('../../.dev.vars.example', import.meta.url), 'utf8'));
    for (const name of SETTING_NAMES) expect(Object.keys(documented), name).toContain(name);
  });
});
