import { describe, expect, it } from 'vitest';
import { withoutNavigationBeforeBody } from '../../src/integrations/pagefind-guard.ts';

const sidebar = '<nav class="sidebar" aria-label="Main"><ul><li><a href="/role/">Role</a></li><li><a href="/data/" aria-current="page">Data</a></li></ul></nav>';
const page = (beforeBody: string, body = '<main data-pagefind-body><h1>Data</h1><p>Text.</p></main>') =>
  `<!doctype html><html><head><title>Data</title></head><body><header>Wiki</header> ${beforeBody} ${body}</body></html>`;

describe('withoutNavigationBeforeBody', () => {
  it('cuts the sidebar and the table of contents, which stand before the indexed body', () => {
    const toc = '<nav aria-labelledby="on-this-page"><a href="#_top">Overview</a></nav>';
    expect(withoutNavigationBeforeBody(page(`${sidebar}<div>${toc}</div>`))).toBe(page('<div></div>'));
  });

  it('cuts a navigation element whose scripts and comments close inside it', () => {
    const withScript = '<nav class="sidebar"><button>Menu</button> <script type="module">customElements.define("x", class {});</script><!-- list --><a href="/role/">Role</a></nav>';
    expect(withoutNavigationBeforeBody(page(withScript))).toBe(page(''));
  });

  it.each([
    ['a filter for the index', '<nav><span data-pagefind-filter="section:Data"></span></nav>'],
    ['metadata for the index', '<nav><span data-pagefind-meta="topic">Data</span></nav>'],
    ['a heading the index may take as the title', '<nav><h1>Data</h1></nav>'],
    ['an image the index may show', '<nav><img src="/logo.svg" alt=""></nav>'],
    ['a script that does not close inside it', '<nav><script>const end = "</nav>"; </script></nav>'],
    ['a comment that does not close inside it', '<nav><!-- </nav> --></nav>'],
    ['a navigation element inside it', '<nav><nav><a href="/">Home</a></nav></nav>'],
  ])('keeps a navigation element that holds %s', (_, nav) => {
    expect(withoutNavigationBeforeBody(page(nav))).toBe(page(nav));
  });

  it('keeps "<nav" written inside a script, a comment or an attribute, where it is no element', () => {
    for (const before of ['<script>const html = "<nav>";</script> <p>x</p></nav>', '<!-- <nav> --> <p>x</p></nav>', '<div title="<nav>">x</div></nav>']) {
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
