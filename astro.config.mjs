// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeExternalLinks from 'rehype-external-links';
import { rehypeTaskListLabels } from './src/plugins/rehype-task-list-labels.ts';
import { remarkTaskItems } from './src/plugins/remark-task-items.ts';
import { siteSettings } from './src/site/settings.ts';
import { siteData } from './src/site/site.ts';
import { TRAILING_SLASH } from './src/site/routes.ts';
import { remarkReferences } from './src/plugins/remark-references.ts';
import { remarkDiagrams } from './src/plugins/remark-diagrams.ts';
import { rehypeHeadingIds } from './src/site/heading-ids.ts';
import { existsSync } from 'node:fs';
import { sidebar, WRITTEN_SECTIONS } from './src/navigation.ts';
import { offline, offlineRegistration } from './src/integrations/offline.ts';
import { starlightInlineScriptHashes } from './src/integrations/inline-script-hashes.ts';
import { pagefindGuard, withoutStarlightIndexing } from './src/integrations/pagefind-guard.ts';
import { devCheck } from './src/integrations/dev-check.ts';

const settings = siteSettings(process.env);
const root = process.cwd();
// The reference check while writing; it runs with `astro dev` only.
const check = devCheck({ root, settings });

/**
 * Astro marks every MDX module with the directive "use astro:head-inject", and the bundler warns once
 * per page that it may not keep module-level directives. Astro reads the marker before bundling, so the
 * warning says nothing about this site; exactly that warning is dropped, every other one is kept.
 * @param {{ code?: string, message: string }} warning
 * @param {(warning: { code?: string, message: string }) => void} warn
 */
/** @type {NonNullable<NonNullable<import('vite').BuildOptions['rollupOptions']>['onwarn']>} */
const dropHeadInjectDirectiveWarning = (warning, warn) => {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('use astro:head-inject')) return;
  warn(warning);
};

export default defineConfig({
  site: settings.site,
  vite: { build: { rollupOptions: { onwarn: dropHeadInjectDirectiveWarning } } },
  base: settings.base,
  trailingSlash: TRAILING_SLASH,
  // Astro 7 strips whitespace by JSX rules by default, which drops the space between a word that ends a
  // line of a component and an element that opens the next ("read as<a>a list</a>"). HTML-aware
  // compression keeps one space wherever the source had some, as a browser would show it.
  compressHTML: true,
  // Two sources for one address (two pages with one id, a page on a generated route) fail the build,
  // where Astro would otherwise keep one and drop the other with a warning; the check reports them first.
  prerenderConflictBehavior: 'error',
  security: {
    // Astro hashes every script it bundles, and Starlight's inline scripts are hashed here; nothing else
    // may run. Pagefind's search needs WebAssembly.
    // Inline style attributes (used by Starlight's icons) are allowed: styles cannot run code.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: starlightInlineScriptHashes() },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  markdown: {
    // Expressive Code renders every code block; Astro's own highlighter would only add inline styles.
    syntaxHighlight: false,
    // Heading ids are given by rehype-slug (src/site/heading-ids.ts), first among the rehype plugins, so
    // before Astro's and Starlight's heading plugins; the checker runs the same plugin over each page's
    // headings. Smart punctuation is off so that both see the characters as written.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, remarkDiagrams, remarkTaskItems({ root }), remarkReferences({ data: () => siteData(root).data, base: settings.base, sourcePositions: check.marksSources })],
      rehypePlugins: [rehypeHeadingIds, rehypeTaskListLabels, [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }]],
    }),
  },
  integrations: [
    // Pagefind indexes the site once, in pagefindGuard below; Starlight's own run of it is left out.
    withoutStarlightIndexing(starlight({
      title: 'MLE Wiki',
      description: 'An open wiki on the machine learning engineer role, roadmap, MLOps phases and KPIs, grounded in podcast moments checked at build time.',
      // The site title is written beside the logo, so the logo itself is decorative.
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      editLink: { baseUrl: `${settings.repositoryUrl}/edit/main/` },
      lastUpdated: true,
      // Starlight marks each page's main content for Pagefind; the search dialog is this site's own
      // (src/components/overrides/Search.astro), with its ranking in src/site/search.ts.
      pagefind: true,
      // Checklist items and the sidebar's progress marker can be on any page, so their styles join the main
      // sheet rather than cost each page one more render-blocking request.
      customCss: ['./src/styles/custom.css', './src/styles/progress-items.css'],
      // Expressive Code (copy button, language label) is configured in ec.config.mjs, whose plugin keeps its HTML valid.
      head: [
        { tag: 'meta', attrs: { property: 'og:image', content: new URL(`${settings.base}social-card.png`, settings.site).href } },
        { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
      ],
      sidebar: sidebar(siteData(root).data, WRITTEN_SECTIONS.filter((section) => existsSync(`src/content/docs/${section}`))),
      routeMiddleware: './src/route-middleware.ts',
      plugins: [offlineRegistration({ base: settings.base })],
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Search: './src/components/overrides/Search.astro',
        EditLink: './src/components/overrides/EditLink.astro',
        SocialIcons: './src/components/overrides/SocialIcons.astro',
        Sidebar: './src/components/overrides/Sidebar.astro',
      },
    })),
    // Before the offline integration, which fingerprints the final files.
    pagefindGuard(),
    offline({ base: settings.base }),
    check.integration,
  ],
});
