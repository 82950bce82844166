import type { Element, ElementContent, Root } from 'hast';
import { definePlugin, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/**
 * Languages whose name is shown above a code block. Plain text gets no label: "text" tells a reader
 * nothing. A language missing here is shown as written in the fence, so a new one still gets a label.
 */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  bash: 'Shell',
  sh: 'Shell',
  shell: 'Shell',
  zsh: 'Shell',
  console: 'Shell',
  powershell: 'PowerShell',
  python: 'Python',
  py: 'Python',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  json: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  toml: 'TOML',
  sql: 'SQL',
  md: 'Markdown',
  markdown: 'Markdown',
  mdx: 'MDX',
  html: 'HTML',
  css: 'CSS',
  dockerfile: 'Dockerfile',
  docker: 'Dockerfile',
  hcl: 'HCL',
  terraform: 'Terraform',
  r: 'R',
  scala: 'Scala',
  java: 'Java',
  go: 'Go',
  rust: 'Rust',
};
const UNLABELLED = new Set(['', 'text', 'txt', 'plaintext', 'plain', 'ansi']);

/** The label shown for a code block's language, or undefined for plain text. */
export function languageLabel(language: string): string | undefined {
  const key = language.trim().toLowerCase();
  if (UNLABELLED.has(key)) return undefined;
  return LANGUAGE_NAMES[key] ?? key;
}

/** Elements inside which HTML allows only phrasing content: Expressive Code puts a `<div>` in each. */
const PHRASING_ONLY = new Set(['code', 'button']);

/**
 * Expressive Code draws each line of code as a `<div>` inside `<code>`, and a `<div>` inside the copy
 * button, which HTML does not allow. Inside those, every `<div>` becomes a `<span>`: its styles are
 * written against class names (`.ec-line` is a grid, `.code` is its grid item), and the one rule
 * written against the tag, the copy button's backdrop, is repeated below for the span.
 */
export function makePhrasingValid(node: Element | Root, insidePhrasing = false): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (insidePhrasing && child.tagName === 'div') child.tagName = 'span';
    makePhrasingValid(child, insidePhrasing || PHRASING_ONLY.has(child.tagName));
  }
}

function findFigcaption(node: Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'figcaption') return child;
    const found = findFigcaption(child);
    if (found) return found;
  }
  return undefined;
}

/** The language name is written into the frame's caption, so it is real text that assistive technology reads. */
function addLanguageLabel(block: Element, language: string): void {
  const label = languageLabel(language);
  const caption = findFigcaption(block);
  if (label === undefined || caption === undefined) return;
  const badge: ElementContent = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['ec-language'], dataPagefindIgnore: '' },
    children: [{ type: 'text', value: label }],
  };
  caption.children.push(badge);
  const className = block.properties['className'];
  block.properties['className'] = [...(Array.isArray(className) ? className : []), 'has-language'];
}

const LABEL_BAR_HEIGHT = '1.6rem';

/** Valid HTML for every code block, and its language named above it. */
export function pluginCodeBlocks(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'mle-wiki-code-blocks',
    baseStyles: ({ cssVar }) => `
      .copy button span {
        position: absolute;
        inset: 0;
        border-radius: inherit;
        background: ${cssVar('frames.inlineButtonBackground')};
        opacity: ${cssVar('frames.inlineButtonBackgroundIdleOpacity')};
        transition-property: inherit;
        transition-duration: inherit;
        transition-timing-function: inherit;
      }
      .copy button:hover span,
      .copy button:focus:focus-visible span {
        opacity: ${cssVar('frames.inlineButtonBackgroundHoverOrFocusOpacity')};
      }
      .copy button:active span {
        opacity: ${cssVar('frames.inlineButtonBackgroundActiveOpacity')};
      }
      /* A block without a title gets a slim bar above its code that holds the language name. */
      .frame.has-language:not(.has-title):not(.is-terminal) {
        --button-spacing: calc(${LABEL_BAR_HEIGHT} + 0.4rem);
      }
      .frame.has-language:not(.has-title):not(.is-terminal) .header {
        display: flex;
        height: ${LABEL_BAR_HEIGHT};
        background: ${cssVar('codeBackground')};
        border: ${cssVar('borderWidth')} solid ${cssVar('borderColor')};
        border-bottom: none;
      }
      .frame.has-language:not(.has-title):not(.is-terminal) pre {
        border-top: none;
        border-top-left-radius: 0;
        border-top-right-radius: 0;
      }
      .frame.has-language .header {
        align-items: center;
      }
      .ec-language {
        margin-inline-start: auto;
        padding: 0 ${cssVar('uiPaddingInline')};
        font-size: 0.75rem;
        line-height: ${LABEL_BAR_HEIGHT};
        letter-spacing: 0.04em;
        color: ${cssVar('frames.terminalTitlebarForeground')};
      }
    `,
    hooks: {
      postprocessRenderedBlockGroup: ({ renderedGroupContents }) => {
        for (const { codeBlock, renderedBlockAst } of renderedGroupContents) {
          addLanguageLabel(renderedBlockAst, codeBlock.language);
          makePhrasingValid(renderedBlockAst);
        }
      },
    },
  });
}
