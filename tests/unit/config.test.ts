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

describe('.dev.vars.example', () => {
  it('documents every setting parseConfig reads', () => {
    const documented = parseEnv(readFileSync(new URL('../../.dev.vars.example', import.meta.url), 'utf8'));
    for (const name of SETTING_NAMES) expect(Object.keys(documented), name).toContain(name);
  });
});
