import { describe, expect, it } from 'vitest';
import { docsEntryId, normaliseBase, pageIdFromFile, pageIdOfUrl, pagePath } from '../../src/site/routes.ts';

describe('routes', () => {
  it.each([
    ['src/content/docs/index.mdx', ''],
    ['src/content/docs/role/index.mdx', 'role'],
    ['src/content/docs/role/skills.mdx', 'role/skills'],
    ['src/content/docs/Guides/Model Monitoring.md', 'guides/model-monitoring'],
  ])('routes %s to the page id %j', (file, id) => {
    expect(pageIdFromFile(file)).toBe(id);
  });

  it('honours a slug set in the frontmatter', () => {
    expect(pageIdFromFile('src/content/docs/x.mdx', '/custom/path/')).toBe('custom/path');
  });

  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['mle-wiki', '/mle-wiki/'],
    ['/mle-wiki/', '/mle-wiki/'],
    ['/a/b', '/a/b/'],
  ])('normalises the base %j to %j', (base, expected) => {
    expect(normaliseBase(base)).toBe(expected);
  });

  it('builds page paths under a base path', () => {
    expect(pagePath('', '/mle-wiki/')).toBe('/mle-wiki/');
    expect(pagePath('role/skills', '/mle-wiki/')).toBe('/mle-wiki/role/skills/');
    expect(pagePath('role/skills')).toBe('/role/skills/');
  });

  it.each([
    ['/role/skills/', '/', 'role/skills'],
    ['/role/skills', '/', 'role/skills'],
    ['/role/skills/index.html', '/', 'role/skills'],
    ['/', '/', ''],
    ['/mle-wiki/role/', '/mle-wiki/', 'role'],
    ['/mle-wiki', '/mle-wiki/', ''],
    ['/guides/python-3.12/', '/', 'guides/python-3.12'],
  ])('reads %s (base %s) as the page id %j', (path, base, id) => {
    expect(pageIdOfUrl(path, base)).toBe(id);
  });
});

describe('the id Starlight routes a page by', () => {
  it.each([
    ['index.mdx', {}, 'index'],
    ['role/index.mdx', {}, 'role'],
    ['Guides/Model Monitoring.md', {}, 'guides/model-monitoring'],
    ['guides/Namespace.Test.md', {}, 'guides/namespacetest'],
    ['x.mdx', { slug: 'release/v1.0' }, 'release/v1.0'],
  ])('gives %s (frontmatter %j) the id %j', (entry, data, id) => {
    expect(docsEntryId({ entry, data })).toBe(id);
  });
});
