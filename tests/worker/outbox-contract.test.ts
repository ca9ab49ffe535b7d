// The outbox contract (tests/contract/outbox-contract.ts) against the D1 store, inside workerd with local D1.
import { env } from 'cloudflare:workers';
import { OutboxStore } from '../../src/storage/outbox.ts';
import { outboxContract } from '../contract/outbox-contract.ts';

outboxContract('D1', async () => {
  const store = new OutboxStore(env.DB);
  return {
    store,
    async insert(rows, now) {
      await env.DB.batch(rows.map((r) => store.insertStatement(r, now)));
      const found = [];
      for (const r of rows) {
        const row = (await store.forStory(r.storyId)).find((o) => o.platform === r.platform && o.account === r.account);
        found.push(row!);
      }
      return found;
    },
  };
});
