import type { Code, Root } from 'mdast';
import type { Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import { DIAGRAM_LANGUAGE, diagramTextStart, readDiagram } from '../site/diagrams.ts';
import { COLUMN_WIDTH, drawDiagram, NARROW_SCREEN_LIMIT } from './diagram-svg.ts';

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, className: string[], children: ElementContent[]): Element => ({ type: 'element', tagName, properties: { className }, children });

/**
 * Renders every ```mermaid block of a page as a figure drawn at build time, read by `readDiagram`, the
 * function the checker reports its problems with. A left-to-right drawing too wide for the text column is
 * drawn from top to bottom instead; one that fits the column but not a phone is drawn both ways, and
 * the stylesheet shows the top-to-bottom one on narrow screens, so that no label is shrunk past reading. A block the checker rejects (which fails the build before it is rendered) is shown in
 * the dev server as its problems and its text, never as an empty box.
 */
export function remarkDiagrams() {
  return (tree: Root, file: { path?: string }) => {
    let count = 0;
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== DIAGRAM_LANGUAGE || !parent || index === undefined) return;
      count += 1;
      const id = `diagram-${count}`;
      const reading = readDiagram(node.value, node.meta, diagramTextStart(node.position?.start));
      let figure: Element;
      if (reading.ok) {
        const { diagram } = reading;
        const across = diagram.direction === 'LR' || diagram.direction === 'RL';
        let main = drawDiagram(diagram, id);
        // Too wide for the column: drawn from top to bottom on every screen, when that is narrower.
        if (across && main.width > COLUMN_WIDTH) {
          const down = drawDiagram(diagram, id, 'TD');
          if (down.width < main.width) main = down;
        }
        const drawings = [element('div', ['diagram-drawing'], [main.svg])];
        if (across && main.width > NARROW_SCREEN_LIMIT && main.width <= COLUMN_WIDTH) {
          const down = drawDiagram(diagram, `${id}-narrow`, 'TD');
          if (down.width < main.width) {
            drawings[0]!.properties['className'] = ['diagram-drawing', 'diagram-wide'];
            drawings.push(element('div', ['diagram-drawing', 'diagram-narrow'], [down.svg]));
          }
        }
        figure = element('figure', ['diagram'], [...drawings, element('figcaption', [], [text(diagram.title)])]);
      } else {
        const where = file.path ?? 'this page';
        figure = element('figure', ['diagram', 'diagram-broken'], [
          element('figcaption', [], [text('This diagram cannot be drawn until its text is fixed')]),
          element(
            'ul',
            [],
            reading.faults.map((fault) => element('li', [], [text(`${where}:${fault.position.line}:${fault.position.column} ${fault.message}`)])),
          ),
          element('pre', [], [element('code', [], [text(node.value)])]),
        ]);
      }
      parent.children[index] = { type: 'paragraph', children: [], data: { hName: figure.tagName, hProperties: figure.properties, hChildren: figure.children } };
    });
  };
}
