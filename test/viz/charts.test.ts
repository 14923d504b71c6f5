import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { barChart, lineChart, niceMax } from '../../src/viz/charts.js';
import { readSvg } from './svg-reader.js';

const bars = suite('barChart');

bars('draws one bar segment per series and category, with its value, stacked to the total', () => {
  const svg = barChart({ title: 'Заявления по школам', categories: ['Школа № 1', 'Школа № 2'], series: [{ name: 'Рассмотрение', values: [4, 2] }, { name: 'Доступ', values: [10, 0] }] });
  const elements = readSvg(svg);
  const rects = elements.filter((el) => el.attributes['data-series']);
  assert.equal(rects.map((el) => [el.attributes['data-category'], el.attributes['data-series'], el.attributes['data-value']]), [
    ['Школа № 1', 'Рассмотрение', '4'], ['Школа № 1', 'Доступ', '10'], ['Школа № 2', 'Рассмотрение', '2'], ['Школа № 2', 'Доступ', '0'],
  ]);
  const height = (i: number) => Number(rects[i]!.attributes.height);
  assert.ok(Math.abs(height(1) / height(0) - 10 / 4) < 0.01, 'heights are proportional to values');
  assert.is(Number(rects[1]!.attributes.y) + height(1), Number(rects[0]!.attributes.y), 'the second series sits on the first');
  const texts = elements.filter((el) => el.name === 'text').map((el) => el.text);
  assert.ok(texts.includes('14') && texts.includes('2'), 'totals are written over the bars');
  assert.ok(texts.includes('Заявления по школам'));
});

bars('side by side when not stacked, and an empty chart still draws its axes', () => {
  const grouped = readSvg(barChart({ title: 't', categories: ['a'], series: [{ name: 'x', values: [1] }, { name: 'y', values: [2] }], stacked: false }));
  const [a, b] = grouped.filter((el) => el.attributes['data-series']);
  assert.ok(Number(b!.attributes.x) > Number(a!.attributes.x));
  const empty = readSvg(barChart({ title: 'нет данных', categories: [], series: [] }));
  assert.ok(empty.some((el) => el.name === 'line'));
});

bars('counts get whole-number ticks, and narrow categories every other label', () => {
  const texts = readSvg(barChart({ title: 't', categories: ['a', 'b'], series: [{ name: 'x', values: [1, 2] }], integer: true })).filter((el) => el.name === 'text').map((el) => el.text);
  for (const tick of ['0', '1', '2', '3', '4']) assert.ok(texts.includes(tick), tick);
  assert.not.ok(texts.some((text) => text.includes('.') || text.includes(',')));
  const months = Array.from({ length: 12 }, (_, i) => `m${i}`);
  const labels = readSvg(barChart({ title: 't', categories: months, series: [{ name: 'x', values: months.map(() => 1) }], width: 400 })).filter((el) => el.name === 'title' && el.parent?.name === 'text').map((el) => el.text);
  assert.equal(labels, ['m0', 'm2', 'm4', 'm6', 'm8', 'm10']);
});

bars.run();

const lines = suite('lineChart');

lines('draws a point per value, a gap for null, and the target line', () => {
  const svg = lineChart({ title: 'Решено в срок, %', categories: ['2025-09', '2025-10', '2025-11'], series: [{ name: 'в срок', values: [90, null, 100] }], max: 100, format: (v) => `${v}%`, target: { value: 100, label: 'цель' } });
  const elements = readSvg(svg);
  const points = elements.filter((el) => el.name === 'circle');
  assert.equal(points.map((el) => el.attributes['data-value']), ['90', '100']);
  const path = elements.find((el) => el.name === 'path')!.attributes.d!;
  assert.is(path.split('M').length - 1, 2, 'the missing month breaks the line');
  assert.ok(elements.some((el) => el.name === 'text' && el.text === '90%'));
  assert.ok(Number(points[1]!.attributes.cy) < Number(points[0]!.attributes.cy), 'higher values are higher up');
});

lines.run();

const scale = suite('niceMax');
scale('rounds the axis up to a readable number', () => {
  assert.is(niceMax(0), 1);
  assert.is(niceMax(37), 40);
  assert.is(niceMax(100), 100);
  assert.is(niceMax(101), 200);
  assert.is(niceMax(7), 10);
});
scale.run();
