// The job table: every job Feedloop runs, each defined next to the code it runs (defineJob), and
// the worker's registry built from them. Recurring work is in schedules.ts; each schedule runs
// as a job of its own.
import type { JobHandler } from '../platform/jobs/worker.js';
import { jobRegistry, type JobContext } from '../platform/jobs/define-job.js';
import { scheduleJob } from '../platform/jobs/schedules.js';
import { analyzeFeedbackJob } from '../analyze/analysis/analyze-feedback.job.js';
import { reanalyzeFeedbackJob } from '../analyze/reanalysis/reanalyze-feedback.job.js';
import { trainWorkspaceModelJob } from '../analyze/workspace-model/train-workspace-model.job.js';
import { matchSurveyTriggersJob } from '../collect/surveys/match-survey-triggers.job.js';
import { sendSurveyEmailJob } from '../collect/surveys/send-survey-email.job.js';
import { notifyIdeaStatusJob } from '../loop/ideas/notify-idea-status.job.js';
import { sendTicketReplyJob } from '../act/conversation/send-ticket-reply.job.js';
import { remindTaskJob } from '../act/tasks/remind-task.job.js';
import { evaluateRulesJob } from '../act/rules/evaluate-rules.job.js';
import { runRuleActionsJob } from '../act/rules/run-rule-actions.job.js';
import { sendDigestJob } from '../evaluate/digest/send-digest.job.js';
import { exportDataJob } from '../evaluate/exports/export-data.job.js';
import { SCHEDULES } from './schedules.js';

export const JOBS = [
  analyzeFeedbackJob, // analyze-feedback: every new or changed feedback item
  reanalyzeFeedbackJob, // reanalyze-feedback: a workspace's past feedback, batch by batch
  trainWorkspaceModelJob, // train-workspace-model: after corrections
  matchSurveyTriggersJob, // match-survey-triggers: events and orders a survey trigger listens for
  sendSurveyEmailJob, // send-survey-email: one survey email
  notifyIdeaStatusJob, // notify-idea-status: one customer told an idea's news
  sendTicketReplyJob, // send-ticket-reply: one reply of a ticket's conversation, emailed
  remindTaskJob, // remind-task: one task's assignee reminded before it is due
  evaluateRulesJob, // evaluate-rules: the rules listening for a batch of triggers
  runRuleActionsJob, // run-rule-actions: one matched rule's actions
  sendDigestJob, // send-digest: one member's feedback digest of one period
  exportDataJob, // export-data: one export written to its file
  ...SCHEDULES.map(scheduleJob), // schedule:<name>: one occurrence of a schedule
];

export const jobHandlers = (ctx: JobContext): Record<string, JobHandler> => jobRegistry(JOBS, ctx);
