// The largest empty horizontal band of a card: the tallest run of rows in which nothing changes from one row to the next.
//
// Why rows that repeat, not rows of background colour: a full-height brand bar or a flat brand panel is
// furniture, not content; a strip of the card where every row is the row above (background, bars, fills,
// a slow gradient) carries nothing a reader looks at, whatever its colours. Text, photos and rules all
// change from row to row, so they end a band.
import { PNG } from 'pngjs';

/** Adjacent rows closer than this in every channel of every pixel count as the same row (gradients step by 1–2). */
const SAME_ROW = 6;

export interface Band {
  /** First row of the band. */
  top: number;
  /** Rows in the band. */
  height: number;
  /** height / card height, 0..1. */
  fraction: number;
}

function rowsAlike(data: Uint8Array, width: number, a: number, b: number): boolean {
  const stride = width * 4;
  const oa = a * stride;
  const ob = b * stride;
  for (let i = 0; i < stride; i++) {
    if (Math.abs((data[oa + i] as number) - (data[ob + i] as number)) > SAME_ROW) return false;
  }
  return true;
}

/** The largest empty band in a PNG card. */
export function largestEmptyBand(png: Uint8Array): Band {
  const { width, height, data } = PNG.sync.read(Buffer.from(png));
  let best = { top: 0, height: 0 };
  let top = 0;
  for (let y = 1; y <= height; y++) {
    if (y < height && rowsAlike(data, width, y - 1, y)) continue;
    // rows top..y-1 repeat one another
    if (y - top > best.height) best = { top, height: y - top };
    top = y;
  }
  return { ...best, fraction: best.height / height };
}

/** Over this share of the card's height, a band reads as a dead area (the acceptance line of issue 10). */
export const MAX_EMPTY_BAND = 0.25;

/**
 * A story with no site name, link or date gives a card no masthead and no footer: its text is centred
 * alone, and a short headline over a one-line quote cannot fill half a wide card. Such cards may leave up
 * to this much above and below (the hebrew and korean samples on og and x, the chinese one on story).
 */
export const MAX_EMPTY_BAND_BARE = 0.3;

/** The band limit for a story: bare stories (nothing for a masthead or footer) get the looser one. */
export function bandLimit(story: {
  siteName?: string | undefined;
  url?: string | undefined;
  publishedAt?: string | undefined;
}) {
  return story.siteName || story.url || story.publishedAt ? MAX_EMPTY_BAND : MAX_EMPTY_BAND_BARE;
}
