// Upload limits of the platforms that take our card as a file: the server's warnings and the browser's meters share them.
/** Crawlers fetch by URL and are far more lenient; these are the file uploads. */
export const PLATFORM_LIMITS = [
  { platform: 'X', bytes: 5_000_000, what: 'image upload' },
  { platform: 'Bluesky', bytes: 1_000_000, what: 'link-card thumbnail' },
] as const;
