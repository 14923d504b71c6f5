import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Registry } from '../../../src/http/metrics/registry.js';

const registry = suite('metrics registry');

registry('renders counters, histograms and gauges in Prometheus text', async () => {
  const metrics = new Registry();
  metrics.requests.inc({ method: 'GET', route: '/healthz', status: '200' });
  metrics.requests.inc({ method: 'GET', route: '/healthz', status: '200' });
  metrics.latency.observe({ method: 'GET', route: '/healthz' }, 0.003);
  metrics.addGauge({ name: 'reglament_applications', help: 'Applications.', read: async () => [{ labels: { state: 'registered', service: 'diary-access' }, value: 4 }] });
  const text = await metrics.render();
  assert.ok(text.includes('reglament_http_requests_total{method="GET",route="/healthz",status="200"} 2'));
  assert.ok(text.includes('reglament_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="0.001"} 0'));
  assert.ok(text.includes('reglament_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="0.005"} 1'));
  assert.ok(text.includes('reglament_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"} 1'));
  assert.ok(text.includes('reglament_http_request_duration_seconds_count{method="GET",route="/healthz"} 1'));
  assert.ok(text.includes('# TYPE reglament_applications gauge'));
  assert.ok(text.includes('reglament_applications{service="diary-access",state="registered"} 4'));
});

registry('escapes label values', async () => {
  const metrics = new Registry();
  metrics.requests.inc({ route: 'a"b\\c' });
  assert.ok((await metrics.render()).includes('route="a\\"b\\\\c"'));
});

registry.run();
