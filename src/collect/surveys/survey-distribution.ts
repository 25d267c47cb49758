// Getting a survey to customers from the dashboard or the API: email it to chosen customers, a
// saved segment or a pasted list (after a preview of who gets it), see the email as each language
// reads it, and make personal links in bulk.
import { eq, inArray } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { randomToken } from '../../platform/ids.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { previewSurveySends, queueSurveySends } from './send-survey.js';
import { resolveRecipients, type Recipients, type RecipientsInput } from './survey-recipients.js';
import { renderSurveyEmail } from './survey-email.js';
import { currentVersion, findSurvey } from './surveys.service.js';
import { linkExpiry, signLink } from './survey-links.js';
import type { SurveyLanguage } from '../../contracts/survey-definition.js';

/** A list or segment that names nobody is a mistake to point out, not an empty send. */
function assertSomeone(recipients: Recipients, input: RecipientsInput): void {
  if (recipients.customerIds.length > 0 || input.customerIds) return;
  if (input.segmentId) throw new AppError(400, 'no_recipients', 'segmentId: this segment has no customers', 'segmentId');
  throw new AppError(400, 'no_recipients', 'list: none of these entries names a customer of this workspace', 'list');
}

const audience = (r: Recipients) => ({ ...(r.list ? { list: r.list } : {}), ...(r.segment ? { segment: r.segment } : {}) });

export async function previewSurveySend(scope: WorkspaceScope, surveyId: string, input: RecipientsInput & { respectThrottle: boolean }) {
  await findSurvey(scope, surveyId);
  const recipients = await resolveRecipients(scope, input);
  const plan = await previewSurveySends(scope, surveyId, { customerIds: recipients.customerIds, respectThrottle: input.respectThrottle });
  return { ...plan, ...audience(recipients) };
}

export async function sendSurvey(scope: WorkspaceScope, surveyId: string, input: RecipientsInput & { respectThrottle: boolean }) {
  await findSurvey(scope, surveyId);
  const recipients = await resolveRecipients(scope, input);
  assertSomeone(recipients, input);
  const sent = await queueSurveySends(scope, surveyId, { customerIds: recipients.customerIds, respectThrottle: input.respectThrottle });
  return { ...sent, ...audience(recipients) };
}

/**
 * The survey email as a customer reading `language` gets it. Its links are signed with a
 * throwaway key for nobody, so following one from the preview answers nothing.
 */
export async function previewSurveyEmail(scope: WorkspaceScope, surveyId: string, publicUrl: string, requested?: SurveyLanguage) {
  const survey = await findSurvey(scope, surveyId);
  const { definition } = await currentVersion(scope, survey);
  const language = requested && definition.languages.includes(requested) ? requested : definition.defaultLanguage;
  const [workspace] = await scope.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const nobody = '00000000-0000-0000-0000-000000000000';
  const email = renderSurveyEmail({
    publicUrl,
    workspaceName: workspace.name,
    survey: { publicToken: survey.publicToken, signingKey: randomToken(32) },
    definition,
    language,
    customerId: nobody,
    sendId: nobody,
  });
  return { language, subject: email.subject, html: email.html, text: email.text };
}

/** Personal links (signed, one per customer) for chosen customers or a pasted list. */
export async function createPersonalLinks(scope: WorkspaceScope, surveyId: string, publicUrl: string, input: RecipientsInput) {
  const survey = await findSurvey(scope, surveyId);
  const recipients = await resolveRecipients(scope, input);
  assertSomeone(recipients, input);
  const ids = recipients.customerIds;
  const found =
    ids.length === 0
      ? []
      : await scope.db
          .select({
            id: customers.id,
            name: customers.name,
            email: customers.email,
            phone: customers.phone,
            externalId: customers.externalId,
          })
          .from(customers)
          .where(scope.where(customers, inArray(customers.id, ids)));
  const byId = new Map(found.map((c) => [c.id, c]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw new AppError(404, 'not_found', `customerIds: no such customer in this workspace (${unknown[0]})`, 'customerIds');
  const x = linkExpiry();
  const links = ids.map((id) => {
    const c = byId.get(id)!;
    return {
      customerId: id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      externalId: c.externalId,
      ...recipients.entries?.get(id),
      url: `${publicUrl}/s/${survey.publicToken}?c=${signLink(survey.signingKey, { k: 'p', c: id, x })}`,
    };
  });
  return { expiresAt: new Date(x * 1000), links, ...audience(recipients) };
}
