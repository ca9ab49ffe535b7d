// Node's way out, guarded by name: every host resolved (dns.lookup, all addresses), checked, and the connection pinned.

import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchPolicy } from '../safe-fetch.ts';

/** Resolve one name to all its addresses (dns.lookup's shape, so a test can hand in its own resolver). */
export type Lookup = (hostname: string, options: { all: true }) => Promise<LookupAddress[]>;

/** Every address of this machine's network interfaces: a name pointing at one reaches us, whatever its range. */
export function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}

/**
 * The resolver, the machine's own addresses and the pinned connection for safeFetch under Node. Node reaches any
 * network (unlike Cloudflare's fetch), so a name is resolved before connecting, every address it has must be public
 * and not ours, and the socket then connects to those very addresses: undici asks our lookup, never the resolver again.
 */
export function nodeFetchGuard(
  lookup: Lookup = dnsLookup as Lookup,
): Required<Pick<FetchPolicy, 'resolve' | 'ownAddresses' | 'connectTo'>> {
  return {
    resolve: async (hostname) => (await lookup(hostname, { all: true })).map((a) => a.address),
    ownAddresses: machineAddresses(),
    connectTo: (hostname, addresses) => pinnedFetch(hostname, addresses),
  };
}

/** A fetch whose connections go to `addresses` only (TLS still checks the certificate against the host name). */
function pinnedFetch(hostname: string, addresses: string[]): typeof fetch {
  const answers = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const agent = new Agent({
    // One hop, one request: no pool outlives it to hold the CLI's event loop open.
    pipelining: 0,
    connect: {
      lookup: (name, options, callback) => {
        if (name !== hostname) return callback(new Error(`pinned to ${hostname}, asked for ${name}`), '', 4);
        const first = answers[0]!;
        if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof answers) => void)(null, answers);
        else callback(null, first.address, first.family);
      },
    },
  });
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    try {
      return (await undiciFetch(
        input as Parameters<typeof undiciFetch>[0],
        { ...init, dispatcher: agent } as Parameters<typeof undiciFetch>[1],
      )) as unknown as Response;
    } finally {
      // Closes once the body has been read (or cancelled): close() waits for requests in flight.
      void agent.close();
    }
  }) as typeof fetch;
}
