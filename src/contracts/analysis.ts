// Analysis as the dashboard manages it: the workspace's topic taxonomy, corrections of an item's
// analysis, re-analysis runs and the workspace model learnt from corrections.
import type { FeedbackType, Sentiment } from './feedback.js';
import { LOCALES, type Locale } from './locales.js';

/** The four languages topic names and keywords are kept in. */
export const TOPIC_LANGUAGES = LOCALES;
export type TopicLanguage = Locale;

export type TopicNames = Partial<Record<TopicLanguage, string>>;
/** Words or phrases per language, matched on normalised text; a trailing * matches a prefix. */
export type TopicKeywords = Partial<Record<TopicLanguage, string[]>>;

export interface Topic {
  id: string;
  /** Stable machine name stored on feedback items; renaming changes names only. */
  key: string;
  names: TopicNames;
  keywords: TopicKeywords;
  /** Example feedback texts: the workspace model learns from them. */
  examples: string[];
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

/** POST /topics: the key is derived from the English or first name when omitted. */
export interface CreateTopic {
  key?: string;
  names: TopicNames;
  keywords?: TopicKeywords;
  examples?: string[];
}

/** PATCH /topics/{id}: a rename may remove a language's name with null. */
export interface UpdateTopic {
  names?: Partial<Record<TopicLanguage, string | null>>;
  keywords?: TopicKeywords;
  examples?: string[];
}

/** POST /feedback/{id}/analysis: `topics` is the item's complete list of topic keys. */
export interface CorrectAnalysis {
  sentiment?: Sentiment;
  type?: FeedbackType;
  topics?: string[];
}

/** A re-analysis of the workspace's past feedback; a newer one supersedes a running one. */
export const RUN_STATUSES = ['running', 'done', 'failed', 'superseded'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface AnalysisRun {
  id: string;
  status: RunStatus;
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
}

export const MODEL_STATUSES = ['idle', 'queued', 'training', 'failed'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** The workspace model: learnt from its corrections on top of the shipped model. */
export interface WorkspaceModel {
  version: number;
  status: ModelStatus;
  /** Training progress in [0, 1]. */
  progress: number;
  /** Corrections the current weights learnt from. */
  examples: number;
  trainedAt: string | null;
  error: string | null;
  /** Corrections made so far. */
  corrections: number;
}

/** A word of the text and how strongly it pushed the prediction (the model's weight × value). */
export interface WeightedWord {
  text: string;
  weight: number;
}

/** Why an item got its sentiment and topics (GET /feedback/{id}/explanation). */
export interface FeedbackExplanation {
  feedbackId: string;
  language: string;
  sentiment: { label: Sentiment; towards: WeightedWord[]; against: WeightedWord[] } | null;
  topics: Array<{ key: string; keywords: string[]; words: WeightedWord[] }>;
}
