-- Feed polling (FEEDS, cron): per-feed status and conditional-GET validators, and every item each feed has shown.
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,                      -- validators of the last fully processed 200, sent back as If-None-Match /
  last_modified TEXT,             -- If-Modified-Since; kept empty while items are still waiting to be processed
  primed_at TEXT,                 -- first successful poll: what the feed showed then was recorded, not made stories
  last_polled_at TEXT,
  last_status TEXT CHECK (last_status IN ('ok', 'not_modified', 'error')),
  last_http_status INTEGER,       -- null when no answer came (timeout, DNS, reset)
  last_error TEXT,                -- null after a poll that worked
  last_ok_at TEXT,
  title TEXT,
  format TEXT,                    -- rss, atom, json, rdf
  items_seen INTEGER NOT NULL DEFAULT 0,
  stories_created INTEGER NOT NULL DEFAULT 0
);

-- Every key an item was ever known by in a feed: 'guid:<guid>' and 'url:<canonical link>'. An item with any known
-- key is not new, so an edited (new link or new GUID) or reordered feed never makes a second story.
CREATE TABLE feed_items (
  feed_url TEXT NOT NULL,
  item_key TEXT NOT NULL,
  story_id TEXT,                  -- null: seen on the first poll, or not a story (no title or link)
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_key)
);
