#!/usr/bin/env node
// Run one fake social API on 127.0.0.1 for `npm start` e2e runs: node tests/fakes/serve.mjs x|bluesky|mastodon [--port N]
// Prints one JSON line ({platform, url, credentials}) when listening. Faults: POST {url}/__fault {"mode","count","on"};
// what was posted: GET {url}/__state. Needs Node ≥ 22.18 (it imports the fakes' TypeScript directly).
import { parseArgs } from 'node:util';
import { FAKE_BLUESKY_ACCOUNT, startFakeBluesky } from './fake-bluesky.ts';
import { FAKE_MASTODON_TOKEN, startFakeMastodon } from './fake-mastodon.ts';
import { FAKE_X_CREDENTIALS, startFakeX } from './fake-x.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: '0' } },
});
const platform = positionals[0];
const port = Number(values.port);
const starters = {
  x: () => startFakeX({ port }).then((s) => [s, FAKE_X_CREDENTIALS]),
  bluesky: () => startFakeBluesky({ port }).then((s) => [s, FAKE_BLUESKY_ACCOUNT]),
  mastodon: () => startFakeMastodon({ port }).then((s) => [s, { accessToken: FAKE_MASTODON_TOKEN }]),
};
if (!(platform in starters) || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `usage: serve.mjs x|bluesky|mastodon [--port N]; received ${JSON.stringify(positionals)} --port ${values.port}`,
  );
  process.exit(2);
}
const [server, credentials] = await starters[platform]();
console.log(JSON.stringify({ platform, url: server.url, credentials }));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close().then(() => process.exit(0)));
}
