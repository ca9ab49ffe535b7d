-- The format `auto` chose for each size of a card address, once it rendered with every image it asked for:
-- {"og":"png","x":"jpeg"}. Share pages name that file (og:image) and its type; null until the first complete render.
ALTER TABLE cards ADD COLUMN formats TEXT;
