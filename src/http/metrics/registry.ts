/**
 * @module http/metrics/registry
 * A small Prometheus registry: counters and histograms kept in memory, gauges read at scrape
 * time, rendered in the text exposition format (version 0.0.4). Enough for the service's own
 * metrics without a dependency.
 */

export type Labels = Record<string, string>;

/** Default latency buckets in seconds: 1 ms .. 5 s. */
export const defaultBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

function key(labels: Labels): string {
  return Object.keys(labels).sort().map((name) => `${name}="${escapeLabel(labels[name] ?? '')}"`).join(',');
}

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
}

function series(name: string, labelText: string, value: number): string {
  return `${name}${labelText ? `{${labelText}}` : ''} ${Number.isFinite(value) ? value : 0}`;
}

/**
 * A monotonically increasing count per label set.
 *
 * @example
 * const served = new Counter('served_total', 'Requests served.');
 * served.inc({ route: '/healthz' });
 */
export class Counter {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(series(this.name, k, v));
    return lines;
  }
}

/**
 * Observations counted into cumulative buckets, with their sum and count.
 *
 * @example
 * const latency = new Histogram('latency_seconds', 'Latency.');
 * latency.observe({ route: '/healthz' }, 0.004);
 */
export class Histogram {
  private readonly values = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: number[] = defaultBuckets) {}
  observe(labels: Labels, value: number): void {
    const k = key(labels);
    let entry = this.values.get(k);
    if (!entry) this.values.set(k, (entry = { buckets: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) entry.buckets[i]!++;
    entry.sum += value;
    entry.count++;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, entry] of this.values) {
      const sep = k ? ',' : '';
      this.buckets.forEach((le, i) => lines.push(series(`${this.name}_bucket`, `${k}${sep}le="${le}"`, entry.buckets[i]!)));
      lines.push(series(`${this.name}_bucket`, `${k}${sep}le="+Inf"`, entry.count));
      lines.push(series(`${this.name}_sum`, k, entry.sum));
      lines.push(series(`${this.name}_count`, k, entry.count));
    }
    return lines;
  }
}

/** A value read when scraped, e.g. applications by state counted in the store. */
export interface Gauge {
  name: string;
  help: string;
  read(): Promise<{ labels: Labels; value: number }[]>;
}

/**
 * The service's metrics.
 *
 * @example
 * const registry = new Registry();
 * registry.requests.inc({ method: 'GET', route: '/healthz', status: '200' });
 * const text = await registry.render();
 */
export class Registry {
  readonly requests = new Counter('reglament_http_requests_total', 'HTTP requests by method, route pattern and status.');
  readonly latency = new Histogram('reglament_http_request_duration_seconds', 'HTTP request latency by method and route pattern.');
  private readonly gauges: Gauge[] = [];

  addGauge(gauge: Gauge): void {
    this.gauges.push(gauge);
  }

  async render(): Promise<string> {
    const lines = [...this.requests.render(), ...this.latency.render()];
    for (const gauge of this.gauges) {
      lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
      for (const { labels, value } of await gauge.read()) lines.push(series(gauge.name, key(labels), value));
    }
    return lines.join('\n') + '\n';
  }
}
