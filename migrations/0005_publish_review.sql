-- One publish path and the editor in control: what the bot was told when each story entered, the review states,
-- and the link each post carries (the article URL with POST_LINK_QUERY's campaign parameters).

-- BOT_MODE when the story entered (off for the demo story, which is never posted); null for stories made before.
-- A repeat POST repairs missing posts only for a story that entered with the bot on (or before this was recorded).
ALTER TABLE stories ADD COLUMN bot_mode TEXT;

-- SQLite cannot change a CHECK constraint in place: the outbox is rebuilt with the new states and the link column.
-- States: review (waiting for an editor, BOT_MODE=review) → queued on approve, or skipped.
CREATE TABLE outbox_next (
  id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  account TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('review', 'queued', 'posting', 'posted', 'failed', 'dead', 'skipped', 'dry-run')),
  text TEXT NOT NULL,
  link TEXT,                      -- the link the text carries; null for rows made before campaign links
  card_hash TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  lease_until INTEGER,
  lease_token TEXT,               -- every state change of an attempt names it; a stale attempt changes nothing
  needs_check TEXT CHECK (needs_check IN ('ambiguous', 'duplicate')),
  first_attempt_at INTEGER,
  platform_post_id TEXT,
  post_url TEXT,
  last_error TEXT,
  posted_at INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (platform, account, story_id)
);
INSERT INTO outbox_next (id, story_id, platform, account, state, text, card_hash, attempts, next_attempt_at,
  lease_until, lease_token, needs_check, first_attempt_at, platform_post_id, post_url, last_error, posted_at,
  created_at, updated_at)
SELECT id, story_id, platform, account, state, text, card_hash, attempts, next_attempt_at, lease_until, lease_token,
  needs_check, first_attempt_at, platform_post_id, post_url, last_error, posted_at, created_at, updated_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_story ON outbox (story_id);
CREATE INDEX outbox_created ON outbox (created_at DESC, id DESC);
CREATE INDEX outbox_posted ON outbox (platform, account, posted_at);
