import { z } from 'astro/zod';

/**
 * Zod compiles a parser for each object schema the first time it validates one. That pays off in a
 * long-running process, but a command that validates each data file once spends more on compiling than
 * it saves: without it, `npm run check` on the 5,000-page benchmark corpus runs about a third faster.
 * Command-line entry points import this module first; the Astro build and the dev server keep Zod's default.
 */
z.config({ jitless: true });
