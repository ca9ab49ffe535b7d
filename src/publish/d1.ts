// The publish path's D1 store: every write of one submission is one db.batch(), which D1 runs as one transaction.
import { type CardSpec, isCardRegistered, registerCardStatement } from '../storage/cards.ts';
import { OutboxStore } from '../storage/outbox.ts';
import { isUniqueViolation, StoryStore, type StoryWrite } from '../storage/stories.ts';
import { type Entered, type PublishStore, SlugTaken, UrlTaken } from './index.ts';

export class D1PublishStore implements PublishStore {
  private readonly stories: StoryStore;
  private readonly outbox: OutboxStore;
  private readonly db: D1Database;

  constructor(db: D1Database) {
    this.db = db;
    this.stories = new StoryStore(db);
    this.outbox = new OutboxStore(db);
  }

  private async entered(record: Awaited<ReturnType<StoryStore['get']>>): Promise<Entered | null> {
    return record ? { ...record, botMode: await this.stories.botModeOf(record.id) } : null;
  }

  async byUrl(url: string) {
    return this.entered(await this.stories.byUrl(url));
  }

  async get(id: string) {
    return this.entered(await this.stories.get(id));
  }

  hasCard(hash: string) {
    return isCardRegistered(this.db, hash);
  }

  postsOf(storyId: string) {
    return this.outbox.forStory(storyId);
  }

  async commit(w: Parameters<PublishStore['commit']>[0], now: number): Promise<void> {
    const statements: D1PreparedStatement[] = [];
    if (w.story)
      statements.push(this.stories.insertStatement(w.story.id, w.story.slug, w.story.write, w.story.botMode, now));
    if (w.card) statements.push(registerCardStatement(this.db, w.card.hash, w.card.spec, w.card.storyId));
    for (const p of w.posts) statements.push(this.outbox.insertStatement(p, now));
    if (!statements.length) return;
    try {
      await this.db.batch(statements);
    } catch (error) {
      if (isUniqueViolation(error, 'slug')) throw new SlugTaken('slug taken', { cause: error });
      if (isUniqueViolation(error, 'url_key')) throw new UrlTaken('article URL taken', { cause: error });
      throw error;
    }
  }

  /** PUT: false when there is no such story. The new address is registered in the same transaction. */
  async update(id: string, write: StoryWrite, card: { hash: string; spec: CardSpec }, now: number): Promise<boolean> {
    if (!(await this.stories.get(id))) return false;
    try {
      const [updated] = await this.db.batch([
        this.stories.updateStatement(id, write, now),
        registerCardStatement(this.db, card.hash, card.spec, id),
      ]);
      return (updated?.meta.changes ?? 0) > 0;
    } catch (error) {
      if (isUniqueViolation(error, 'url_key')) throw new UrlTaken('article URL taken', { cause: error });
      throw error;
    }
  }
}
