/**
 * @module http/metrics/gauges
 * Gauges read from the store when /metrics is scraped: applications by service and state,
 * and open applications with a term past its end. Counts only, no ids.
 */
import type { WorkflowRegistry } from '../../definition/registry.js';
import type { Clock } from '../../ports/types.js';
import type { Store } from '../../store/types.js';
import type { Gauge } from './registry.js';

/**
 * The application gauges.
 *
 * @example
 * for (const gauge of applicationGauges({ store, workflows, clock })) registry.addGauge(gauge);
 */
export function applicationGauges({ store, workflows, clock }: { store: Store; workflows: WorkflowRegistry; clock: Clock }): Gauge[] {
  return [
    {
      name: 'reglament_applications',
      help: 'Applications by service and state.',
      async read() {
        const out = [];
        for (const service of workflows.services()) {
          const states = new Set(workflows.versions(service).flatMap((version) => [...workflows.get(service, version).states.states.keys()].filter((path) => path !== '')));
          for (const state of states) out.push({ labels: { service, state }, value: await store.countApplications({ service, state }) });
        }
        return out;
      },
    },
    {
      name: 'reglament_applications_overdue',
      help: 'Open applications with a term past its end, by service.',
      async read() {
        const now = clock.now();
        const out = [];
        for (const service of workflows.services()) out.push({ labels: { service }, value: await store.countApplications({ service, status: 'open', overdueAt: now }) });
        return out;
      },
    },
  ];
}
