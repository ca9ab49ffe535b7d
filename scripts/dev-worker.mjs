// The Worker for `npm start`: wrangler's dev server (unstable_startWorker, the API behind `wrangler dev`) with every
// outbound fetch of the Worker passed through the Node guard (src/runtime/node-fetch.ts): a host name is resolved,
// refused when any address is loopback, private, link-local or this machine's, and the connection pinned to it.
// wrangler dev's own outbound allows private networks and has no setting for it (docs/SELF-HOSTING.md).
import { parseArgs } from 'node:util';
import { unstable_startWorker } from 'wrangler';
import { nodeFetchGuard } from '../src/runtime/node-fetch.ts';
import { assertFetchable } from '../src/safe-fetch.ts';

const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    port: { type: 'string' },
    'persist-to': { type: 'string' },
    'env-file': { type: 'string' },
    'allow-hosts': { type: 'string', default: '' },
  },
});

// FETCH_ALLOW_HOSTS, and the hosts of the operator's own *_API_BASE_URL settings (start.mjs passes both).
const allowHosts = values['allow-hosts']
  .split(',')
  .map((h) => h.trim().toLowerCase())
  .filter(Boolean);
const guard = { ...nodeFetchGuard(), allowHosts };

async function outbound(request) {
  const url = new URL(request.url);
  const init = {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual', // the Worker follows redirects itself, and each hop comes back through here
    duplex: 'half',
  };
  const addresses = await assertFetchable(url, guard); // throws BlockedFetchError: the Worker's fetch fails
  if (!addresses) return fetch(request.url, init);
  return guard.connectTo(url.hostname, addresses)(request.url, init);
}

const worker = await unstable_startWorker({
  config: values.config,
  envFiles: [values['env-file']],
  dev: {
    server: { hostname: '127.0.0.1', port: Number(values.port) },
    persist: values['persist-to'],
    inspector: false,
    watch: true, // as `wrangler dev`: an edited template or source file is live on the next request
    outboundService: outbound,
  },
});
await worker.ready;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    await worker.dispose();
    process.exit(0);
  });
}
