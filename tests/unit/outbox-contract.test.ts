// The outbox contract (tests/contract/outbox-contract.ts) against the CLI's memory store, under Node.
import { MemoryStore } from '../../src/publish/memory.ts';
import { outboxContract } from '../contract/outbox-contract.ts';

outboxContract('memory', async () => {
  const m = new MemoryStore({ version: 2, stories: [], outbox: [] });
  return {
    store: m.outbox,
    async insert(rows, now) {
      await m.publish.commit({ posts: rows }, now);
      return rows.map(
        (r) =>
          m.state.outbox.find((o) => o.storyId === r.storyId && o.platform === r.platform && o.account === r.account)!,
      );
    },
  };
});
