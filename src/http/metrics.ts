import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ProjectionGauges {
  name: string;
  /** Events in the log not yet reflected in the projection's committed data. */
  lag: number;
  caughtUp: boolean;
  degraded: boolean;
}

export interface Metrics {
  /** Counts and times a finished request. */
  onResponse(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  contentType: string;
  /** The metrics in Prometheus' text format. */
  text(): Promise<string>;
}

/**
 * Prometheus metrics: process defaults, HTTP requests by route and status,
 * and each projection's lag. One registry per app, so tests can build many
 * apps in one process.
 */
export function createMetrics(projections: () => ProjectionGauges[]): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'ledger_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const gauge = (name: string, help: string, value: (p: ProjectionGauges) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['projection'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const projection of projections()) this.set({ projection: projection.name }, value(projection));
      },
    });
  gauge('ledger_projection_lag_events', 'Events not yet reflected in the projection', (p) => p.lag);
  gauge('ledger_projection_caught_up', '1 when the projection has reached the end of the log', (p) => Number(p.caughtUp));
  gauge('ledger_projection_degraded', '1 when the projection cannot write its read model', (p) => Number(p.degraded));

  return {
    async onResponse(request, reply) {
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    },
    contentType: registry.contentType,
    text: () => registry.metrics(),
  };
}
