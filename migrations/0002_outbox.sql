-- The bot's outbox: one row per (platform, account, story), created once with the post text frozen.
-- States: queued → posting → posted | failed (retried at next_attempt_at) | dead (last_error says why); dry-run rows
-- record what BOT_MODE=dry-run would have posted and never move. Times the state machine compares are epoch ms.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  -- No foreign key: deleting a story keeps the record of what was posted for it.
  story_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  -- Which account of the platform (X user id, Bluesky identifier, Mastodon instance + token digest).
  account TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'posting', 'posted', 'failed', 'dead', 'dry-run')),
  text TEXT NOT NULL,             -- frozen at creation: every attempt and every check uses exactly this text
  card_hash TEXT NOT NULL,        -- the card address at creation (src/storage/cards.ts)
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,        -- queued/failed: not before this
  lease_until INTEGER,            -- posting: the claim holds until then; an expired lease is an ambiguous attempt
  lease_token TEXT,               -- the claimer's token: only it may write the outcome of its attempt
  needs_check TEXT CHECK (needs_check IN ('ambiguous', 'duplicate')), -- set: look for the post before posting again
  first_attempt_at INTEGER,       -- findExisting looks no further back than this
  platform_post_id TEXT,
  post_url TEXT,
  last_error TEXT,
  posted_at INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (platform, account, story_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_story ON outbox (story_id);
CREATE INDEX outbox_created ON outbox (created_at DESC, id DESC);
-- The daily cap counts posts per account since the start of the UTC day.
CREATE INDEX outbox_posted ON outbox (platform, account, posted_at);
