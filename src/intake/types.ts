// Shapes shared by the extraction pipeline: an article is a headline, some metadata and a list of text blocks.

/** One block of article body text, in reading order. */
export interface Block {
  text: string;
  /** `heading` blocks never yield quotes; `blockquote` blocks are quotes the page itself marked up. */
  kind: 'p' | 'blockquote' | 'heading';
  /** For blockquotes: who the page says is quoted (from <cite> or a trailing "— Name" line). */
  cite?: string | undefined;
}

/** What the HTML or text reader found before quote picking and language guessing. */
export interface Article {
  headline?: string | undefined;
  blocks: Block[];
  siteName?: string | undefined;
  url?: string | undefined;
  author?: string | undefined;
  publishedAt?: string | undefined;
  lang?: string | undefined;
  imageUrl?: string | undefined;
}
