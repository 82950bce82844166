// @ts-check
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginCodeBlocks } from './src/plugins/expressive-code.ts';

/**
 * Expressive Code reads this file for code blocks in Markdown and for the <Code> component alike, so
 * the plugin that makes its HTML valid and labels each block's language applies everywhere.
 */
export default defineEcConfig({
  plugins: [pluginCodeBlocks()],
});
