// The Hono environment every route shares: bindings, plus what app.ts puts on each request.
import type { Config } from '../config.ts';
import type { CardStore } from '../storage/cards.ts';
import type { StoryStore } from '../storage/stories.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    stories: StoryStore;
    cards: CardStore;
    /** PUBLIC_BASE_URL, or this request's origin: every absolute URL we hand out starts with it. */
    baseUrl: string;
  };
}
