// Prometheus metrics, served at /metrics.
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const metrics = {
  httpRequests: new client.Counter({
    name: 'feedloop_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  }),
  httpSeconds: new client.Histogram({
    name: 'feedloop_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'] as const,
    registers: [registry],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }),
  feedbackCreated: new client.Counter({
    name: 'feedloop_feedback_created_total',
    help: 'Feedback items stored',
    labelNames: ['channel'] as const,
    registers: [registry],
  }),
  feedbackAnalysed: new client.Counter({
    name: 'feedloop_feedback_analysed_total',
    help: 'Feedback items analysed (new and re-analysed)',
    registers: [registry],
  }),
  jobsProcessed: new client.Counter({
    name: 'feedloop_jobs_processed_total',
    help: 'Jobs run by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  }),
  jobSeconds: new client.Histogram({
    name: 'feedloop_job_duration_seconds',
    help: 'Job run time',
    labelNames: ['queue'] as const,
    registers: [registry],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  }),
};
