// Fetching URLs users and feeds hand us (images, logos, feeds): hop by hop, never into loopback, private or
// link-local networks, nor into this Worker itself. FETCH_ALLOW_HOSTS exempts named hosts (local development, tests).
import type { Config } from './config.ts';

export interface FetchPolicy {
  /** FETCH_ALLOW_HOSTS: `host` (any port) or `host:port`, lower-case; exempt from the address checks. */
  allowHosts?: readonly string[];
  /** This Worker's own hosts (PUBLIC_BASE_URL's, the request's): never fetched, allowed or not. */
  selfHosts?: readonly string[];
  /**
   * The addresses a host name resolves to, checked like literal addresses (Node: dns.lookup). workerd has none to
   * offer, and needs none in production: Cloudflare's fetch cannot reach private networks.
   */
  resolve?: (hostname: string) => Promise<string[]>;
  /** This machine's own addresses (Node: every network interface's): refused like loopback, public or not. */
  ownAddresses?: readonly string[];
  /**
   * A fetch that connects only to `addresses`, the ones `resolve` gave and the checks passed (Node: an undici Agent
   * whose lookup answers with them), so a second resolution, by an attacker's DNS or anyone's, cannot differ.
   */
  connectTo?: (hostname: string, addresses: string[]) => typeof fetch;
  /** Hops after the first (default 5). */
  maxRedirects?: number;
}

/** The policy for one request (or, without one, the cron and queue): settings plus this Worker's own hosts. */
export function fetchPolicyFor(
  config: Pick<Config, 'fetchAllowHosts' | 'publicBaseUrl'>,
  requestUrl?: string,
): FetchPolicy {
  const self = new Set<string>();
  if (config.publicBaseUrl) self.add(new URL(config.publicBaseUrl).host);
  if (requestUrl) self.add(new URL(requestUrl).host);
  return { allowHosts: config.fetchAllowHosts, selfHosts: [...self] };
}

/** A URL we will not fetch, and why (named in logs and feed status; card images just go without). */
export class BlockedFetchError extends Error {
  override name = 'BlockedFetchError';
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * fetch(url) with every hop checked: redirects are followed here, one at a time (at most `maxRedirects`), and each
 * Location must pass the same checks as the first URL. GET only: what we fetch is images and feeds.
 */
export async function safeFetch(
  url: string,
  init: RequestInit,
  policy: FetchPolicy,
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  let current = new URL(url);
  const max = policy.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    const checked = await assertFetchable(current, policy);
    const hopFetch = checked && policy.connectTo ? policy.connectTo(current.hostname, checked) : fetchImpl;
    const res = await hopFetch(current.href, { ...init, method: 'GET', redirect: 'manual' });
    const location = REDIRECTS.has(res.status) ? res.headers.get('location') : null;
    if (!location) return res;
    await res.body?.cancel();
    if (hop >= max) throw new BlockedFetchError(`${url}: more than ${max} redirects`);
    try {
      current = new URL(location, current);
    } catch {
      throw new BlockedFetchError(`${current.href} redirects to ${JSON.stringify(location)}, which is not a URL`);
    }
  }
}

/**
 * Throws BlockedFetchError when `url` may not be fetched under `policy`. Returns the addresses a name resolved to
 * and passed (every one must: a connection may go to any), for the caller to connect to and no other; undefined
 * when nothing was resolved (an IP literal, an allowed host, or no resolver).
 */
export async function assertFetchable(url: URL, policy: FetchPolicy): Promise<string[] | undefined> {
  const why = blockedReason(url, policy);
  if (why) throw new BlockedFetchError(`refused to fetch ${url.href}: ${why}`);
  if (isAllowed(url, policy)) return undefined;
  if (isIpLiteral(url.hostname)) {
    const own = ownAddress(url.hostname.replace(/^\[|\]$/g, ''), policy);
    if (own) throw new BlockedFetchError(`refused to fetch ${url.href}: ${url.hostname} is ${own}`);
    return undefined;
  }
  if (!policy.resolve) return undefined;
  let addresses: string[];
  try {
    addresses = await policy.resolve(url.hostname);
  } catch (error) {
    throw new BlockedFetchError(`refused to fetch ${url.href}: ${url.hostname} does not resolve`, { cause: error });
  }
  if (addresses.length === 0)
    throw new BlockedFetchError(`refused to fetch ${url.href}: ${url.hostname} has no address`);
  for (const address of addresses) {
    const kind = addressKind(address) ?? ownAddress(address, policy);
    if (kind)
      throw new BlockedFetchError(`refused to fetch ${url.href}: ${url.hostname} resolves to ${kind} ${address}`);
  }
  return addresses;
}

/** 'this machine's own address' when `address` is one of the policy's own addresses (compared in canonical form). */
function ownAddress(address: string, policy: FetchPolicy): string | undefined {
  if (!policy.ownAddresses?.length) return undefined;
  const canonical = (a: string) => {
    try {
      return new URL(`http://${a.includes(':') ? `[${a.replace(/%.*$/, '')}]` : a}/`).hostname;
    } catch {
      return a.toLowerCase();
    }
  };
  const mine = canonical(address);
  return policy.ownAddresses.some((a) => canonical(a) === mine) ? "this machine's own address" : undefined;
}

const isAllowed = (url: URL, policy: FetchPolicy) =>
  (policy.allowHosts ?? []).some((h) => h === url.host.toLowerCase() || h === url.hostname.toLowerCase());

const isIpLiteral = (hostname: string) => hostname.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(hostname);

/**
 * Why a URL is refused before any request, or undefined. The URL parser has already turned every spelling of an
 * IPv4 address (2130706433, 0x7f.1, 0177.0.0.1, 127.1) into dotted decimal and every IPv6 one into its short form,
 * so checking that form covers them all.
 */
export function blockedReason(url: URL, policy: FetchPolicy = {}): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `expected an http(s) URL, received ${url.protocol}`;
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if ((policy.selfHosts ?? []).some((h) => h.toLowerCase() === host)) return `${host} is this Worker itself`;
  if (isAllowed(url, policy)) return undefined;
  const hint = ' (FETCH_ALLOW_HOSTS exempts a host, for local development and tests)';
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return `${hostname} is a loopback name${hint}`;
  const kind = addressKind(hostname);
  return kind ? `${hostname} is ${kind}${hint}` : undefined;
}

/** 'a loopback address', 'a private address', … for addresses no public URL should point at; undefined otherwise. */
export function addressKind(address: string): string | undefined {
  const a = address.replace(/^\[|\]$/g, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(a)) return ipv4Kind(a.split('.').map(Number) as [number, number, number, number]);
  if (a.includes(':')) {
    const groups = ipv6Groups(a);
    return groups ? ipv6Kind(groups) : 'an unparseable IPv6 address';
  }
  return undefined;
}

function ipv4Kind([a, b, c]: [number, number, number, number]): string | undefined {
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
  if (a === 0) return 'an unspecified address';
  if (a >= 224) return 'a multicast or reserved address';
  if ((a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && (b === 18 || b === 19)))
    return 'a reserved address';
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'a reserved address';
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address (with `::` expanded and a trailing dotted IPv4 part), or null. */
function ipv6Groups(s: string): number[] | null {
  let text = s.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [p, q, r, t] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((p << 8) | q).toString(16)}:${((r << 8) | t).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const groups = [...head, ...new Array(fill).fill(0), ...tail];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function ipv6Kind(g: number[]): string | undefined {
  const embedded = (hi: number, lo: number) => ipv4Kind([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]) ?? undefined;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(7) && g[7] === 1) return 'a loopback address';
  if (zeros(8)) return 'an unspecified address';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): the IPv4 part decides.
  if (zeros(5) && g[5] === 0xffff) return embedded(g[6]!, g[7]!);
  if (zeros(6)) return embedded(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6]!, g[7]!);
  // 6to4 (2002:a.b.c.d::/48) carries an IPv4 address in its second and third groups.
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!);
  if ((g[0]! & 0xfe00) === 0xfc00) return 'a private (unique local) address';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'a site-local address';
  if ((g[0]! & 0xff00) === 0xff00) return 'a multicast address';
  return undefined;
}
