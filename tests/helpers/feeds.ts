// Feed documents for tests: an RSS 2.0, Atom or JSON Feed with the items a test names, so polls can differ by one item.

export interface TestItem {
  title: string;
  link: string;
  guid?: string;
  date?: string;
  html?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${
          i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''
        }${i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : ''}${
          i.html ? `<description><![CDATA[${i.html}]]></description>` : ''
        }</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>https://news.example/</link><description>d</description>\n${body}\n</channel></rss>`;
}

export function atom(title: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<entry><title>${esc(i.title)}</title><id>${esc(i.guid ?? i.link)}</id><link href="${esc(i.link)}"/><updated>${
          i.date ?? '2025-11-01T00:00:00Z'
        }</updated>${i.html ? `<content type="html">${esc(i.html)}</content>` : ''}</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:${esc(title)}</id><updated>2025-11-01T00:00:00Z</updated>\n${body}\n</feed>`;
}

export function jsonFeed(title: string, items: TestItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({
      id: i.guid ?? i.link,
      url: i.link,
      title: i.title,
      ...(i.html ? { content_html: i.html } : { content_text: 'Teaser.' }),
      ...(i.date ? { date_published: i.date } : {}),
    })),
  });
}
