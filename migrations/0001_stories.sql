-- Stories behind the share pages, and the card addresses each one has had (so old addresses keep working).
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  -- Canonical article URL (tracking parameters and fragment removed): POST with a known url returns the existing story.
  url_key TEXT NOT NULL UNIQUE,
  story TEXT NOT NULL,            -- the normalised Story as JSON
  template TEXT,                  -- null: the default template
  theme TEXT,                     -- Partial<Theme> as JSON, or null
  card_hash TEXT NOT NULL,        -- the current content address (see src/storage/cards.ts)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX stories_created ON stories (created_at DESC, id DESC);

-- Every content address ever handed out, with what to render for it. A story's PUT adds a row; DELETE removes its rows
-- and their R2 objects. story_id is null for ad-hoc (signed) cards.
CREATE TABLE cards (
  hash TEXT PRIMARY KEY,
  story_id TEXT REFERENCES stories (id) ON DELETE CASCADE,
  request TEXT NOT NULL,          -- RenderRequest without size, as JSON
  created_at TEXT NOT NULL
);
CREATE INDEX cards_story ON cards (story_id);
