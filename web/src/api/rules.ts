import type { DryRunMatch, Playbook, RuleDefinition, RuleRun, RuleSummary } from '@feedloop/contracts/rules';
import type { Page } from '@feedloop/contracts/page';
import { request } from './client';

const id = (s: string) => encodeURIComponent(s);

export interface ReplyDraft {
  id: string;
  feedbackId: string;
  language: string;
  body: string;
  status: 'pending' | 'approved' | 'discarded';
  feedbackText: string | null;
  rating: number | null;
  createdAt: string;
}

export const rulesApi = {
  list: () => request<{ data: RuleSummary[] }>('GET', '/api/v1/rules'),
  create: (name: string, definition: RuleDefinition) => request<RuleSummary>('POST', '/api/v1/rules', { name, definition }),
  update: (ruleId: string, patch: { name?: string; enabled?: boolean; definition?: RuleDefinition }) =>
    request<RuleSummary>('PATCH', `/api/v1/rules/${id(ruleId)}`, patch),
  runs: (ruleId: string) => request<Page<RuleRun>>('GET', `/api/v1/rules/${id(ruleId)}/runs?limit=20`),
  dryRun: (definition: RuleDefinition, days: number) =>
    request<{ replayed: number; matched: number; matches: DryRunMatch[] }>('POST', '/api/v1/rules/dry-run', { definition, days }),
  playbooks: () => request<{ data: Playbook[] }>('GET', '/api/v1/rules/playbooks'),
  install: (key: string, locale: string) => request<RuleSummary>('POST', `/api/v1/rules/playbooks/${id(key)}/install`, { locale }),
  drafts: () => request<Page<ReplyDraft>>('GET', '/api/v1/reply-drafts?limit=50'),
  decide: (draftId: string, change: { body?: string; status?: 'approved' | 'discarded' }) =>
    request<ReplyDraft>('PATCH', `/api/v1/reply-drafts/${id(draftId)}`, change),
};
