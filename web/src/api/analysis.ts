import type { AnalysisRun, CorrectAnalysis, CreateTopic, Topic, UpdateTopic, WorkspaceModel } from '@feedloop/contracts/analysis';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import type { List } from '@feedloop/contracts/page';
import { request, type RequestOptions } from './client';

const BASE = '/api/v1';

export const analysisApi = {
  listTopics: (options?: RequestOptions) => request<List<Topic>>('GET', `${BASE}/topics`, undefined, options),

  createTopic: (input: CreateTopic) => request<Topic>('POST', `${BASE}/topics`, input),

  updateTopic: (id: string, patch: UpdateTopic) => request<Topic>('PATCH', `${BASE}/topics/${encodeURIComponent(id)}`, patch),

  deleteTopic: (id: string) => request<void>('DELETE', `${BASE}/topics/${encodeURIComponent(id)}`),

  mergeTopic: (id: string, into: string) => request<Topic>('POST', `${BASE}/topics/${encodeURIComponent(id)}/merge`, { into }),

  correct: (feedbackId: string, correction: CorrectAnalysis) =>
    request<FeedbackItem>('POST', `${BASE}/feedback/${encodeURIComponent(feedbackId)}/analysis`, correction),

  reanalyze: () => request<AnalysisRun>('POST', `${BASE}/analysis/reanalyze`, {}),

  latestRun: (options?: RequestOptions) => request<{ run: AnalysisRun | null }>('GET', `${BASE}/analysis/runs/latest`, undefined, options),

  model: (options?: RequestOptions) => request<WorkspaceModel>('GET', `${BASE}/analysis/model`, undefined, options),

  train: () => request<WorkspaceModel>('POST', `${BASE}/analysis/model/train`, {}),
};
