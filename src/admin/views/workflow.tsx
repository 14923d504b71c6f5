/**
 * @module admin/views/workflow
 * One service's diagram with live counts: on each state how many applications are in it and
 * how many are overdue (calm → alarming colours), on each transition how many took it in the
 * chosen period. A click on a state opens its applications. The same figures follow as a
 * table, for reading aloud and for copying.
 */
import type { Principal } from '../../http/auth/token.js';
import { alarmSwatch, empty } from '../../viz/colour.js';
import type { WorkflowGraph } from '../../viz/graph.js';
import type { DiagramCounts } from '../../viz/svg.js';
import { Layout } from './layout.js';

export interface WorkflowPageProps {
  base: string;
  principal: Principal;
  graph: WorkflowGraph;
  version: string;
  svg: string;
  counts: Required<DiagramCounts>;
  period: { from: string; to: string };
}

/**
 * The diagram page.
 *
 * @example
 * c.html(<WorkflowPage base="/admin" principal={p} graph={graph} version="1.0.0" svg={svg} counts={counts} period={period} />);
 */
export function WorkflowPage({ base, principal, graph, version, svg, counts, period }: WorkflowPageProps) {
  const link = (state: string) => `${base}/workflows/${encodeURIComponent(graph.id)}/states/${encodeURIComponent(state)}`;
  const states = graph.nodes.filter((node) => node.kind !== 'any');
  return (
    <Layout title={graph.title} base={base} principal={principal} section="workflows">
      <div class="crumbs">
        <a href={base}>Услуги</a> › {graph.title}
      </div>
      <h1>{graph.title}</h1>
      <form class="inline" method="get">
        <label>
          Переходы с
          <input type="date" name="from" value={period.from} />
        </label>
        <label>
          по
          <input type="date" name="to" value={period.to} />
        </label>
        <button class="primary" type="submit">
          Показать
        </button>
        <span class="label">
          версия схемы {version}
          {principal.role === 'clerk' ? ` · школа ${principal.school}` : ' · все школы'}
        </span>
      </form>
      <div class="legend">
        <span>
          <i style={`background:${alarmSwatch(0).fill};border-color:${alarmSwatch(0).stroke}`}></i>без просрочки
        </span>
        <span>
          <i style={`background:${alarmSwatch(0.25).fill};border-color:${alarmSwatch(0.25).stroke}`}></i>просрочена четверть
        </span>
        <span>
          <i style={`background:${alarmSwatch(0.5).fill};border-color:${alarmSwatch(0.5).stroke}`}></i>просрочена половина и более
        </span>
        <span>
          <i style={`background:${empty.fill};border-color:${empty.stroke}`}></i>нет заявлений
        </span>
        <span>число на стрелке — сколько заявлений прошли переход за период; щелчок по состоянию — список заявлений</span>
        <a href={`${base}/workflows/${encodeURIComponent(graph.id)}/diagram.svg?from=${period.from}&to=${period.to}`} target="_blank" rel="noopener">
          схема в натуральную величину (SVG)
        </a>
      </div>
      <div class="diagram" dangerouslySetInnerHTML={{ __html: svg }}></div>
      <h2>Состояния</h2>
      <table data-role="state-table">
        <thead>
          <tr>
            <th>Состояние</th>
            <th>Код</th>
            <th class="num">Заявлений</th>
            <th class="num">Просрочено</th>
          </tr>
        </thead>
        <tbody>
          {states.map((node) => {
            const stat = counts.states[node.id] ?? { count: 0, overdue: 0 };
            return (
              <tr data-state={node.id} data-count={String(stat.count)} data-overdue={String(stat.overdue)}>
                <td style={`padding-left:${10 + 18 * (node.id.split('.').length - 1)}px`}>
                  <a href={link(node.id)}>{node.label}</a>
                </td>
                <td class="mono">{node.id}</td>
                <td class="num">{stat.count}</td>
                <td class="num">{stat.overdue > 0 ? <span class="badge bad">{stat.overdue}</span> : '0'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}
