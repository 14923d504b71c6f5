import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { workflowGraph, type DefinitionLike } from '../../src/viz/graph.js';
import { layoutWorkflow } from '../../src/viz/layout.js';
import { renderSvg } from '../../src/viz/svg.js';
import { statePaths, transitions } from './definition-walk.js';
import { readSvg, type SvgElement } from './svg-reader.js';
import { definitionsToDraw } from './workflows.js';

const everyWorkflow = suite('renderSvg: every workflow is drawn whole');

for (const [file, definition] of definitionsToDraw()) {
  everyWorkflow(`${file}: every state and every transition is in the SVG`, async () => {
    const graph = workflowGraph(definition as DefinitionLike);
    const elements = readSvg(renderSvg(await layoutWorkflow(graph)));
    const states = elements.filter((el) => el.name === 'g' && el.attributes.class === 'state');
    const drawn = new Set(states.map((el) => el.attributes['data-state']));
    for (const path of statePaths(definition)) assert.ok(drawn.has(path), `state ${path} is drawn`);

    const arrows = elements.filter((el) => el.name === 'g' && el.attributes.class === 'transition');
    for (const { source, event, targets } of transitions(definition)) {
      const found = arrows.filter((el) => el.attributes['data-source'] === source && el.attributes['data-event'] === (event ?? ''));
      assert.ok(found.length >= targets, `${source} --${event ?? 'always'}--> is drawn (${found.length} of ${targets})`);
      for (const transition of found) {
        const arrow = transition.parent!;
        assert.is(arrow.attributes.class, 'arrow');
        assert.is(arrow.attributes['data-target'], transition.attributes['data-target']);
        const path = elements.find((el) => el.parent === arrow && el.name === 'path');
        assert.ok(path && /^M[\d.-]+,[\d.-]+( L[\d.-]+,[\d.-]+)+$/.test(path.attributes.d!), 'the arrow has a routed path');
        const label = elements.filter((el) => el.parent === transition && el.name === 'text').map((el) => el.text).join(' ');
        assert.ok(label.length > 0, `${transition.attributes['data-transition']} has its label`);
      }
    }
    assert.is(arrows.length, transitions(definition).reduce((sum, t) => sum + t.targets, 0), 'no invented transitions');
  });

  everyWorkflow(`${file}: each state shows its title, and sibling boxes do not overlap`, async () => {
    const graph = workflowGraph(definition as DefinitionLike);
    const elements = readSvg(renderSvg(await layoutWorkflow(graph)));
    for (const node of graph.nodes) {
      const group = elements.find((el) => el.name === 'g' && el.attributes['data-state'] === node.id)!;
      const shown = elements.filter((el) => el.name === 'text' && el.parent === group).map((el) => el.text).join(' ');
      assert.ok(shown.startsWith(node.label), `"${shown}" starts with "${node.label}"`);
    }
    const boxes = new Map(elements.filter((el) => el.name === 'g' && el.attributes.class === 'state').map((g) => [g.attributes['data-state']!, box(elements, g)]));
    for (const a of graph.nodes) {
      for (const b of graph.nodes) {
        if (a.id >= b.id || a.parent !== b.parent) continue;
        assert.not.ok(overlap(boxes.get(a.id)!, boxes.get(b.id)!), `${a.id} and ${b.id} do not overlap`);
      }
    }
  });
}

everyWorkflow.run();

const output = suite('renderSvg: output');
const fixture = definitionsToDraw().find(([file]) => file.endsWith('small-access.json'))![1] as DefinitionLike;

output('is a standalone SVG with Cyrillic text escaped and a DejaVu Sans font', async () => {
  const svg = renderSvg(await layoutWorkflow(workflowGraph(fixture)));
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.match(svg, /font-family="DejaVu Sans, [^"]*sans-serif"/);
  assert.match(svg, /Рассмотрение &lt;заявления&gt; &amp; проверка/);
  const texts = readSvg(svg).filter((el) => el.name === 'text').map((el) => el.text);
  assert.ok(texts.join(' ').includes('Рассмотрение <заявления> & проверка'), 'the title reads back decoded');
});

output('draws counts on states and transitions, alarming colours for overdue states', async () => {
  const counts = {
    states: { received: { count: 3, overdue: 0 }, 'access.pending': { count: 4, overdue: 3 } },
    transitions: { 'received|REGISTER|review': 7 },
  };
  const elements = readSvg(renderSvg(await layoutWorkflow(workflowGraph(fixture), { reserveCounts: true }), { counts }));
  const state = (id: string) => elements.find((el) => el.attributes['data-state'] === id && el.name === 'g')!;
  const fillOf = (g: SvgElement) => elements.find((el) => el.parent === g && el.name === 'rect')!.attributes.fill;
  assert.is(state('received').attributes['data-count'], '3');
  assert.is(state('access.pending').attributes['data-overdue'], '3');
  assert.is(state('review').attributes['data-count'], '0', 'a state without applications shows 0');
  assert.match(elements.find((el) => el.parent === state('access.pending') && el.attributes['data-role'] === 'count')!.text, /4 заявл\. · просрочено 3/);
  assert.is.not(fillOf(state('received')), fillOf(state('access.pending')));
  const register = elements.find((el) => el.attributes['data-transition'] === 'received|REGISTER|review')!;
  assert.is(register.attributes['data-count'], '7');
  const widths = elements.filter((el) => el.name === 'path' && el.parent?.attributes.class === 'arrow').map((el) => Number(el.attributes['stroke-width']));
  assert.is(Math.max(...widths), Number(elements.find((el) => el.parent === register.parent && el.name === 'path')!.attributes['stroke-width']), 'the busiest arrow is the thickest');
});

output('links each state when asked', async () => {
  const elements = readSvg(renderSvg(await layoutWorkflow(workflowGraph(fixture)), { stateHref: (state) => (state === 'review' ? `/list?state=${state}&x=1` : null) }));
  const links = elements.filter((el) => el.name === 'a');
  assert.equal(links.map((el) => el.attributes.href), ['/list?state=review&x=1']);
});

output('transitions between the same two states share one arrow, each keeping its own label and count', async () => {
  const definition = {
    service: 'bundle',
    initial: 'open',
    events: { A: { title: 'Основание А' }, B: { title: 'Основание Б' } },
    states: { open: { on: { A: 'closed', B: 'closed' } }, closed: { type: 'final' as const } },
  };
  const elements = readSvg(renderSvg(await layoutWorkflow(workflowGraph(definition)), { counts: { transitions: { 'open|A|closed': 2, 'open|B|closed': 3 } } }));
  const arrows = elements.filter((el) => el.attributes.class === 'arrow');
  assert.is(arrows.length, 1);
  assert.is(arrows[0]!.attributes['data-count'], '5');
  const members = elements.filter((el) => el.parent === arrows[0] && el.attributes.class === 'transition');
  assert.equal(members.map((el) => [el.attributes['data-transition'], el.attributes['data-count']]), [['open|A|closed', '2'], ['open|B|closed', '3']]);
  assert.equal(members.map((el) => elements.find((t) => t.parent === el && t.name === 'text')!.text), ['• Основание А · 2', '• Основание Б · 3']);
});

output.run();

function box(elements: SvgElement[], group: SvgElement) {
  const rect = elements.find((el) => el.parent === group && el.name === 'rect')!.attributes;
  return { x: Number(rect.x), y: Number(rect.y), w: Number(rect.width), h: Number(rect.height) };
}

function overlap(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
