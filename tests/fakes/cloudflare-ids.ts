// The zone and token the fake Cloudflare API accepts (no node: imports, so workerd tests can use them too).
export const FAKE_CLOUDFLARE_ZONE = '0123456789abcdef0123456789abcdef';
export const FAKE_CLOUDFLARE_TOKEN = 'fake-cloudflare-purge-token';
