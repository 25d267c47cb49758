// The job table: every job queue and the function that runs it.
import type { Logger } from 'pino';
import type { Database } from '../platform/db/client.js';
import type { Config } from '../platform/config.js';
import { createMailer, type Mailer } from '../platform/mail/mailer.js';
import { deliverSurveyEmail, SEND_SURVEY_QUEUE } from '../collect/surveys/send-survey.js';
import { MATCH_TRIGGERS_QUEUE, matchSurveyTriggers } from '../collect/surveys/survey-triggers.js';
import type { JobHandler } from '../platform/jobs/worker.js';
import type { ClaimedJob } from '../platform/jobs/queue.js';
import { ANALYZE_QUEUE } from '../collect/feedback/store-feedback.js';
import { processFeedback, processFeedbackJobs } from '../analyze/analysis/process-feedback.js';
import { REANALYZE_QUEUE, reanalyzeStep } from '../analyze/reanalysis/reanalysis.service.js';
import { TRAIN_QUEUE, trainWorkspaceModel } from '../analyze/workspace-model/workspace-model.service.js';
import { deliverIdeaNotification, NOTIFY_IDEA_QUEUE } from '../loop/ideas/notify-idea.js';

export function jobHandlers(database: Database, config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>, log: Logger, mailer: Mailer = createMailer(config, log)): Record<string, JobHandler> {
  return {
    [MATCH_TRIGGERS_QUEUE]: (payload) => matchSurveyTriggers(database, payload),
    [SEND_SURVEY_QUEUE]: (payload, job) => deliverSurveyEmail({ database, mailer, publicUrl: config.publicUrl }, payload, job),
    [ANALYZE_QUEUE]: Object.assign((payload: Record<string, unknown>, job: ClaimedJob) => processFeedback(database, payload, job), {
      many: (jobs: ClaimedJob[]) => processFeedbackJobs(database, jobs),
    }),
    [REANALYZE_QUEUE]: (payload) => reanalyzeStep(database, payload),
    [TRAIN_QUEUE]: (payload) => trainWorkspaceModel(database, payload),
    [NOTIFY_IDEA_QUEUE]: (payload, job) => deliverIdeaNotification({ database, mailer }, payload, job),
  };
}
