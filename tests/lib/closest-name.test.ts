import { describe, expect, it } from 'vitest';
import { asWords, closestName } from '../../src/lib/closest-name.ts';
import { checkFixture } from '../helpers/fixture-project.ts';

/** "Did you mean" weighs what people type: the start of a name, a word of it, another name of the thing. */

const TOOLS = [
  { id: 'tecton', names: ['Tecton'] },
  { id: 'seldon-core', names: ['Seldon Core', 'Seldon'] },
  { id: 'kserve', names: ['KServe', 'KFServing'] },
  { id: 'mlflow', names: ['MLflow'] },
  { id: 'weights-and-biases', names: ['Weights & Biases', 'W&B', 'wandb'] },
  { id: 'pandas', names: ['pandas'] },
  { id: 'pytorch', names: ['PyTorch'] },
];

describe('closestName', () => {
  it.each([
    ['seldon', 'seldon-core', 'the start of an id, where edit distance alone picks "tecton"'],
    ['kfserving', 'kserve', 'an alias'],
    ['wandb', 'weights-and-biases', 'an alias, where edit distance picks "pandas"'],
    ['Weights & Biases', 'weights-and-biases', 'a display name'],
    ['mlfow', 'mlflow', 'a slip of one character'],
    ['torch', 'pytorch', 'the end of an id'],
    ['weights-biases', 'weights-and-biases', 'the nearest by edits'],
  ])('%s → %s (%s)', (wanted, meant) => {
    expect(closestName(wanted, TOOLS)).toBe(meant);
  });

  it('prefers a slip of a character to a longer name that starts the same', () => {
    expect(closestName('mlflo', ['mlflow', 'mlflow-pipelines-extension'])).toBe('mlflow');
  });

  it('trusts no prefix shorter than three characters, and offers only near misses when asked', () => {
    expect(closestName('ml', ['mlflow', 'mx'])).toBe('mx');
    expect(closestName('seldon', [{ id: 'data-team-roles' }, { id: 'crisp-dm' }], { nearOnly: true })).toBeUndefined();
    expect(closestName('seldon', [{ id: 'data-team-roles' }, { id: 'crisp-dm' }])).toBeDefined();
    expect(closestName('anything', [])).toBeUndefined();
  });

  it('compares ids and names as lowercase words joined by "-"', () => {
    expect(asWords('Weights & Biases')).toBe('weights-biases');
    expect(asWords('/guides/Model_Monitoring/')).toBe('guides-model-monitoring');
    expect(asWords('Café Naïve')).toBe('cafe-naive');
  });
});

describe('the checker\'s suggestions', () => {
  const tools = TOOLS.map(({ id, names: [name = id, ...aliases] }) => `- id: ${id}\n  name: ${JSON.stringify(name)}\n  aliases: ${JSON.stringify(aliases)}\n  category: serving\n  phase: advanced\n  what: A tool of the fixture directory, described in a sentence.\n  when: When a fixture needs a tool to suggest.\n  licence: Apache-2.0\n  docs: https://example.org/docs/\n`).join('');
  const page = (link: string) => `---\ntitle: Case\ndescription: D.\nsection: guides\nrelated: [guides/model-monitoring]\nsources: []\n---\n\nServe it with [the tool](${link}).\n`;
  const messageFor = (link: string) =>
    checkFixture({ 'src/content/tools/tools.yaml': tools, 'src/content/docs/reference/tools.mdx': '---\ntitle: Tools\ndescription: D.\nsection: reference\nrelated: [guides/model-monitoring]\nsources: []\n---\n\n<ToolsDirectory />\n', 'src/content/docs/case.mdx': page(link) }).find((p) => p.rule === 'entry-missing')?.message;

  it('offers seldon-core for tool:seldon, and the tool an alias names', () => {
    expect(messageFor('tool:seldon')).toBe('there is no tool "seldon" in src/content/tools/; did you mean "seldon-core"?');
    expect(messageFor('tool:kfserving')).toBe('there is no tool "kfserving" in src/content/tools/; did you mean "kserve"?');
  });
});
