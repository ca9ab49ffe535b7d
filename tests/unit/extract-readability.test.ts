// Readability's tag lookups done by hand must find exactly what the selector it replaces finds, in the same order.
import { parseHTML } from 'linkedom/worker';
import { describe, expect, it } from 'vitest';
import { elementsByTagNames, readArticle } from '../../src/intake/readability.ts';

const page = `<html><head><title>T</title></head><body>
  <div id="a"><p>One <img src="x.png"> <span><p>nested</p></span></p>
  <template><p>inside a template</p></template>
  <IFRAME src="https://example.com/v"></IFRAME><p>Two</p></div>
  <section><h1>Head</h1><p>Three <object></object></p></section>
</body></html>`;

describe('elementsByTagNames', () => {
  it('finds what querySelectorAll finds, in document order, across several tag names', () => {
    const doc = parseHTML(page).document;
    // The shapes Readability asks for: one tag, several tags, on the document and on one element.
    for (const [root, tags] of [
      [doc, ['p']],
      [doc, ['img', 'embed', 'object', 'iframe']],
      [doc, ['h1', 'p', 'template']],
      [doc.querySelector('#a')!, ['p', 'iframe']],
      [doc.querySelector('section')!, ['object', 'p']],
    ] as const)
      expect(elementsByTagNames(root, [...tags])).toEqual([...root.querySelectorAll(tags.join(','))]);
  });

  it('matches the upper-case elements Readability creates, as a CSS selector does', () => {
    const doc = parseHTML(page).document;
    const div = doc.createElement('DIV');
    div.appendChild(doc.createElement('P'));
    doc.body.appendChild(div);
    const found = elementsByTagNames(doc, ['div', 'p']);
    expect(found).toEqual([...doc.querySelectorAll('div, p')]);
    expect(found).toContain(div);
  });
});

describe('readArticle', () => {
  it('returns the article as an element with its paragraphs, and the byline Readability saw', () => {
    const body = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i} of the council story, long enough for Readability to count it as text.</p>`,
    ).join('');
    const doc = parseHTML(
      `<html><head><title>Council</title></head><body><div class="byline">By Ana Ruiz</div><article>${body}</article></body></html>`,
    ).document;
    const article = readArticle(doc);
    expect(article?.byline).toBe('By Ana Ruiz');
    expect([...(article?.content.querySelectorAll('p') ?? [])].map((p) => p.textContent)).toEqual(
      Array.from(
        { length: 6 },
        (_, i) => `Paragraph ${i} of the council story, long enough for Readability to count it as text.`,
      ),
    );
  });

  it('still drops what the page hides, read with or without a style attribute', () => {
    const text = (i: number) => `Paragraph ${i} of the council story, long enough for Readability to count it as text.`;
    const doc = parseHTML(
      `<html><head><title>Council</title></head><body><article>
        <p>${text(0)}</p><p>${text(1)}</p><p>${text(2)}</p>
        <div hidden><p>Hidden by attribute, and long enough to be kept were it shown on the page at all.</p></div>
        <div style="display: none"><p>Hidden by style, and long enough to be kept were it shown on the page at all.</p></div>
        <div aria-hidden="true"><p>Hidden from readers, and long enough to be kept were it shown on the page.</p></div>
        <div style="color: red"><p>${text(3)}</p></div>
      </article></body></html>`,
    ).document;
    const kept = [...(readArticle(doc)?.content.querySelectorAll('p') ?? [])].map((p) => p.textContent);
    expect(kept).toEqual([text(0), text(1), text(2), text(3)]);
  });
});
