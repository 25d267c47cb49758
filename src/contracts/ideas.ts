// Ideas: feedback items that ask for the same thing, grouped under a title with a status.
import type { LinkedFeedback } from './act.js';

export const IDEA_STATUSES = ['new', 'under_review', 'planned', 'in_progress', 'done', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** An idea as PATCH /ideas/{id} answers it. */
export interface IdeaRecord {
  id: string;
  title: string;
  description: string;
  status: IdeaStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
}

/** An idea in lists and as created: how many feedback items and distinct customers back it. */
export interface Idea extends IdeaRecord {
  feedbackCount: number;
  customerCount: number;
}

/** GET /ideas/{id}: the first 100 feedback items behind it. */
export interface IdeaDetail extends Idea {
  feedback: Array<LinkedFeedback & { customerId: string | null }>;
}

/** POST /ideas. */
export interface CreateIdea {
  title: string;
  description?: string;
  /** Feedback items that ask for it. */
  feedbackIds?: string[];
}

/** PATCH /ideas/{id}: at least one of title, description and status. */
export interface UpdateIdea {
  title?: string;
  description?: string;
  status?: IdeaStatus;
  /** On a status change (other than back to new), email every customer behind the idea (default true). */
  notifyCustomers?: boolean;
}

/** PATCH /ideas/{id}: the idea, and the customers told about a new status. */
export interface IdeaUpdated extends IdeaRecord {
  notified: { queued: number; skipped: number };
}
