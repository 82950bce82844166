import { describe, expect, it } from 'vitest';
import { withoutNavigationBeforeBody } from '../../src/integrations/pagefind-guard.ts';

const sidebar = '<nav class="sidebar" aria-label="Main"><ul><li><a href="/role/">Role</a></li><li><a href="/data/" aria-current="page">Data</a></li></ul></nav>';
const page = (beforeBody: string, body = '<main data-pagefind-body><h1>Data</h1><p>Text.</p></main>') =>
  `<!doctype html><html><head><title>Data</title></head><body><header>Wiki</header> ${beforeBody} ${body}</body></html>`;

describe('withoutNavigationBeforeBody', () => {
  it('cuts the sidebar, the first navigation before the indexed body, and leaves the small ones after it', () => {
    const toc = '<nav aria-labelledby="on-this-page"><a href="#_top">Overview</a></nav>';
    expect(withoutNavigationBeforeBody(page(`${sidebar}<div>${toc}</div>`))).toBe(page(`<div>${toc}</div>`));
  });

  it('cuts a navigation element whose scripts and comments close inside it', () => {
    const withScript = '<nav class="sidebar"><button>Menu</button> <script type="module">customElements.define("x", class {});</script><!-- list --><a href="/role/">Role</a></nav>';
    expect(withoutNavigationBeforeBody(page(withScript))).toBe(page(''));
  });

  it.each([
    ['a filter for the index', '<nav class="x"><span data-pagefind-filter="section:Data"></span></nav>'],
    ['metadata for the index', '<nav class="x"><span data-pagefind-meta="topic">Data</span></nav>'],
    ['a heading the index may take as the title', '<nav class="x"><h1>Data</h1></nav>'],
    ['an image the index may show', '<nav class="x"><img src="/logo.svg" alt=""></nav>'],
    ['a script that does not close inside it', '<nav class="x"><script>const end = "</nav>"; </script></nav>'],
    ['a comment that does not close inside it', '<nav class="x"><!-- </nav> --></nav>'],
  ])('keeps a navigation element that holds %s', (_, nav) => {
    expect(withoutNavigationBeforeBody(page(nav))).toBe(page(nav));
  });

  it('keeps navigation elements nested in each other, whose ends it cannot tell apart', () => {
    const nested = '<nav class="a"><nav class="b"><a href="/">Home</a></nav></nav>';
    expect(withoutNavigationBeforeBody(page(nested))).toBe(page(nested));
  });

  it('keeps "<nav" written inside a script, a comment or an attribute, where it is no element', () => {
    const scripted = `<script>const html = '<nav class="x">';</script> <p>x</p></nav>`;
    const commented = '<!-- <nav class="x"> --> <p>x</p></nav>';
    const inAttribute = `<meta content='> <nav class="x"><span id="x"></span></nav>'>`;
    for (const before of [scripted, commented, inAttribute]) {
      expect(withoutNavigationBeforeBody(page(before))).toBe(page(before));
    }
  });

  it('leaves the body and what follows it, and a page without a marked body, as they are', () => {
    const inBody = page('', `<main data-pagefind-body>${sidebar}<p>Text.</p></main>`);
    expect(withoutNavigationBeforeBody(inBody)).toBe(inBody);
    const unmarked = `<html><body>${sidebar}<main><p>Text.</p></main></body></html>`;
    expect(withoutNavigationBeforeBody(unmarked)).toBe(unmarked);
  });
});
