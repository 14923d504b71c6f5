/**
 * @module admin/views/overview
 * The start page: every service with how many applications are open and overdue now, and the
 * way to its diagram and its dashboard.
 */
import type { Principal } from '../../http/auth/token.js';
import { Layout } from './layout.js';

export interface WorkflowSummary {
  service: string;
  title: string;
  version: string;
  regulation: string | null;
  total: number;
  open: number;
  overdue: number;
}

/**
 * The list of services.
 *
 * @example
 * c.html(<OverviewPage base="/admin" principal={p} workflows={summaries} />);
 */
export function OverviewPage({ base, principal, workflows }: { base: string; principal: Principal; workflows: WorkflowSummary[] }) {
  return (
    <Layout title="Схемы услуг" base={base} principal={principal} section="workflows">
      <h1>Муниципальные услуги</h1>
      <p class="muted">{principal.role === 'clerk' ? `Показаны заявления школы ${principal.school}.` : 'Показаны заявления всех школ.'}</p>
      <div class="cards">
        {workflows.map((workflow) => (
          <div class="card" data-service={workflow.service}>
            <h2 style="margin-top:0">
              <a href={`${base}/workflows/${encodeURIComponent(workflow.service)}`}>{workflow.title}</a>
            </h2>
            <p class="label">
              {workflow.service} · версия {workflow.version}
            </p>
            <p>
              <span class="figure">{workflow.open}</span> <span class="label">в работе из {workflow.total}</span>
              <br />
              <span class={`figure ${workflow.overdue > 0 ? 'bad' : 'good'}`} data-role="overdue">
                {workflow.overdue}
              </span>{' '}
              <span class="label">с нарушенным сроком</span>
            </p>
            {workflow.regulation && <p class="label">{workflow.regulation}</p>}
            <p>
              <a class="button" href={`${base}/workflows/${encodeURIComponent(workflow.service)}`}>
                Схема и заявления
              </a>{' '}
              <a href={`${base}/dashboard?service=${encodeURIComponent(workflow.service)}`}>Сводка</a>
            </p>
          </div>
        ))}
      </div>
    </Layout>
  );
}
