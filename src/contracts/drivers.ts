// Drivers: which topics move NPS and CSAT, and by how much.
import type { Channel } from './feedback.js';
import type { MetricValue } from './metrics.js';

/** GET /drivers query. */
export interface DriversQuery {
  /** Local days (workspace time zone), inclusive; the last 30 days up to today by default. */
  from?: string;
  to?: string;
  channel?: Channel;
  limit?: number;
}

/** A recent negative comment that mentions the topic (detractor, CSAT 1–2 or negative sentiment). */
export interface DriverExample {
  id: string;
  text: string;
  createdAt: string;
  nps: number | null;
  csat: number | null;
  customer: { id: string; name: string | null; email: string | null } | null;
}

export interface Driver {
  topic: { key: string; names: Record<string, string> };
  /** Feedback items that mention the topic. */
  volume: number;
  /** NPS and CSAT among the answers that mention it. */
  nps: MetricValue;
  csat: MetricValue;
  /**
   * How many points the overall NPS (CSAT) would rise without this topic's detractors
   * (dissatisfied answers): positive when the topic pulls the score down. Null without answers.
   */
  impact: { nps: number | null; csat: number | null };
  examples: DriverExample[];
}

/** GET /drivers: topics ranked by their NPS impact (then CSAT impact). */
export interface DriversResponse {
  from: string;
  to: string;
  timezone: string;
  channel: Channel | null;
  overall: { volume: number; nps: MetricValue; csat: MetricValue };
  data: Driver[];
}
