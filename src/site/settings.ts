import { normaliseBase } from './routes.ts';

/** Where the site is deployed; both the links it renders and the links the checker accepts depend on it. */
export interface SiteSettings {
  site: string;
  base: string;
  repositoryUrl: string;
}

/** Deployment settings from the environment, so the same commit builds for localhost or a sub-path host. */
export function siteSettings(env: Record<string, string | undefined>): SiteSettings {
  return {
    site: env['SITE_URL'] ?? 'http://localhost:4321',
    base: normaliseBase(env['BASE_PATH']),
    repositoryUrl: env['REPOSITORY_URL'] ?? 'https://github.com/mle-wiki/mle-wiki',
  };
}
