import { writeFileSync } from 'node:fs';

/**
 * Timing hooks for a benchmarked build of the wiki. The benchmark's copy of the wiki loads the wiki's own
 * configuration through `profiledConfig`, which wraps, without changing what they do:
 * - every remark and rehype plugin the configuration lists (Starlight's, added later, are not ours);
 * - every hook of every integration but Starlight's (whose work bare Starlight does too).
 * When the build is done, the time spent in each is written as JSON to the file `MLE_BENCH_PROFILE`
 * names: { "remark remarkReferences": ms, "integration mle-wiki:pagefind-guard astro:build:done": ms, … }.
 */

type Totals = Record<string, number>;
type Attacher = (this: unknown, ...args: unknown[]) => unknown;
type PluginEntry = Attacher | [Attacher, ...unknown[]];

interface Integration {
  name: string;
  hooks: Record<string, ((...args: unknown[]) => unknown) | undefined>;
}

interface Config {
  markdown?: { processor?: { options?: { remarkPlugins?: PluginEntry[]; rehypePlugins?: PluginEntry[] } } };
  integrations?: Integration[];
}

const add = (totals: Totals, name: string, ms: number) => {
  totals[name] = (totals[name] ?? 0) + ms;
};

/** Times a promise's settling, or a value's making, under `name`. */
function timed<T>(totals: Totals, name: string, started: number, result: T): T {
  if (result instanceof Promise) return result.finally(() => add(totals, name, performance.now() - started)) as T;
  add(totals, name, performance.now() - started);
  return result;
}

function timedPlugin(totals: Totals, kind: string, entry: PluginEntry): PluginEntry {
  const [attacher, ...options] = Array.isArray(entry) ? entry : [entry];
  const name = `${kind} ${attacher.name || 'anonymous'}`;
  const wrapped: Attacher = function (this: unknown, ...args: unknown[]) {
    const transformer = attacher.apply(this, args);
    if (typeof transformer !== 'function') return transformer;
    return function (this: unknown, ...transformArgs: unknown[]) {
      return timed(totals, name, performance.now(), (transformer as Attacher).apply(this, transformArgs));
    };
  };
  return options.length > 0 ? [wrapped, ...options] : wrapped;
}

function timedIntegration(totals: Totals, integration: Integration): Integration {
  const hooks = Object.fromEntries(
    Object.entries(integration.hooks).map(([hook, run]) => [hook, run && ((...args: unknown[]) => timed(totals, `integration ${integration.name} ${hook}`, performance.now(), run(...args)))]),
  );
  return { ...integration, hooks };
}

export function profiledConfig<C extends Config>(config: C, outputFile: string | undefined): C {
  if (!outputFile) return config;
  const totals: Totals = {};
  const options = config.markdown?.processor?.options;
  if (options) {
    options.remarkPlugins = (options.remarkPlugins ?? []).map((entry) => timedPlugin(totals, 'remark', entry));
    options.rehypePlugins = (options.rehypePlugins ?? []).map((entry) => timedPlugin(totals, 'rehype', entry));
  }
  const integrations = (config.integrations ?? []).map((integration) => (integration.name === '@astrojs/starlight' ? integration : timedIntegration(totals, integration)));
  const report: Integration = { name: 'mle-bench:profile', hooks: { 'astro:build:done': () => writeFileSync(outputFile, JSON.stringify(totals)) } };
  return { ...config, integrations: [...integrations, report] };
}
