import { request, type RequestOptions } from './client';
import type { FeedbackItem, FeedbackType, Sentiment } from './types';

/** The four languages topic names and keywords are kept in. */
export const TOPIC_LANGUAGES = ['fa', 'ar', 'zh', 'en'] as const;
export type TopicLanguage = (typeof TOPIC_LANGUAGES)[number];

export type TopicNames = Partial<Record<TopicLanguage, string>>;
export type TopicKeywords = Partial<Record<TopicLanguage, string[]>>;

export interface Topic {
  id: string;
  key: string;
  names: TopicNames;
  keywords: TopicKeywords;
  examples: string[];
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TopicInput {
  names: TopicNames;
  keywords: TopicKeywords;
  examples: string[];
}

/** A rename may remove a language's name with null. */
export interface TopicPatch {
  names?: Partial<Record<TopicLanguage, string | null>>;
  keywords?: TopicKeywords;
  examples?: string[];
}

export interface AnalysisCorrection {
  sentiment?: Sentiment;
  type?: FeedbackType;
  topics?: string[];
}

export type RunStatus = 'running' | 'done' | 'failed' | 'superseded';

export interface AnalysisRun {
  id: string;
  status: RunStatus;
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
}

export type ModelStatus = 'idle' | 'queued' | 'training' | 'failed';

export interface WorkspaceModel {
  version: number;
  status: ModelStatus;
  /** Training progress in [0, 1]. */
  progress: number;
  examples: number;
  trainedAt: string | null;
  error: string | null;
  corrections: number;
}

const BASE = '/api/v1';

export const analysisApi = {
  listTopics: (options?: RequestOptions) => request<{ data: Topic[] }>('GET', `${BASE}/topics`, undefined, options),

  createTopic: (input: TopicInput) => request<Topic>('POST', `${BASE}/topics`, input),

  updateTopic: (id: string, patch: TopicPatch) => request<Topic>('PATCH', `${BASE}/topics/${encodeURIComponent(id)}`, patch),

  deleteTopic: (id: string) => request<void>('DELETE', `${BASE}/topics/${encodeURIComponent(id)}`),

  mergeTopic: (id: string, into: string) =>
    request<Topic>('POST', `${BASE}/topics/${encodeURIComponent(id)}/merge`, { into }),

  correct: (feedbackId: string, correction: AnalysisCorrection) =>
    request<FeedbackItem>('POST', `${BASE}/feedback/${encodeURIComponent(feedbackId)}/analysis`, correction),

  reanalyze: () => request<AnalysisRun>('POST', `${BASE}/analysis/reanalyze`, {}),

  latestRun: (options?: RequestOptions) =>
    request<{ run: AnalysisRun | null }>('GET', `${BASE}/analysis/runs/latest`, undefined, options),

  model: (options?: RequestOptions) => request<WorkspaceModel>('GET', `${BASE}/analysis/model`, undefined, options),

  train: () => request<WorkspaceModel>('POST', `${BASE}/analysis/model/train`, {}),
};
