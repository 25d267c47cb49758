// What the activity metrics count — survey sends, displays and responses, tickets with their SLA
// clocks, compensations, ideas with linked feedback and notifications, orders — written straight
// into their tables for tests of what is computed from them.
import { customers, orders } from '../../customers/customers/customers.tables.js';
import { surveyResponses, surveySends, surveyVersions, surveys } from '../../collect/surveys/surveys.tables.js';
import { surveyDisplays } from '../../collect/widget/widget.tables.js';
import { tickets } from '../../act/tickets/tickets.tables.js';
import { ticketSla } from '../../act/sla/sla.tables.js';
import { teams } from '../../act/teams/teams.tables.js';
import { compensations } from '../../act/compensations/compensations.tables.js';
import { ideaFeedback, ideas, notifications } from '../../loop/ideas/ideas.tables.js';
import type { Database } from '../db/client.js';
import { newId } from '../ids.js';

const at = (iso: string) => new Date(iso);

export function activitySeeder(database: Database, workspaceId: string) {
  const db = database.db;
  let ticketNumber = 0;
  return {
    async customer(values: Partial<typeof customers.$inferInsert> = {}) {
      const id = newId();
      await db.insert(customers).values({ id, workspaceId, createdAt: at('2025-01-01T00:00:00Z'), ...values });
      return id;
    },
    async survey() {
      const id = newId();
      const versionId = newId();
      await db.insert(surveys).values({ id, workspaceId, name: 'NPS', publicToken: newId(), signingKey: newId() });
      await db
        .insert(surveyVersions)
        .values({ id: versionId, workspaceId, surveyId: id, version: 1, definition: { questions: [] } as never });
      return { id, versionId };
    },
    async send(survey: { id: string }, customerId: string, values: Partial<typeof surveySends.$inferInsert>) {
      const id = newId();
      await db.insert(surveySends).values({
        id,
        workspaceId,
        surveyId: survey.id,
        customerId,
        email: 'x@example.com',
        language: 'en',
        messageId: newId(),
        ...values,
      });
      return id;
    },
    async display(survey: { id: string }, displayedAt: string) {
      await db.insert(surveyDisplays).values({ id: newId(), workspaceId, surveyId: survey.id, displayedAt: at(displayedAt) });
    },
    async response(survey: { id: string; versionId: string }, values: Partial<typeof surveyResponses.$inferInsert>) {
      const id = newId();
      await db.insert(surveyResponses).values({
        id,
        workspaceId,
        surveyId: survey.id,
        versionId: survey.versionId,
        channel: 'email',
        language: 'en',
        resumeTokenHash: newId(),
        ...values,
      });
      return id;
    },
    async team(name: string) {
      const id = newId();
      await db.insert(teams).values({ id, workspaceId, name });
      return id;
    },
    async ticket(values: Partial<typeof tickets.$inferInsert>, clock: Partial<typeof ticketSla.$inferInsert>) {
      const id = newId();
      await db.insert(tickets).values({ id, workspaceId, number: ++ticketNumber, subject: 'help', ...values });
      await db.insert(ticketSla).values({ ticketId: id, workspaceId, warnPercent: 80, startedAt: at('2025-03-01T00:00:00Z'), ...clock });
      return id;
    },
    async compensation(customerId: string, values: Partial<typeof compensations.$inferInsert>) {
      const id = newId();
      await db.insert(compensations).values({ id, workspaceId, customerId, kind: 'credit', ...values });
      return id;
    },
    async idea(status: typeof ideas.$inferInsert.status, feedbackIds: string[]) {
      const id = newId();
      await db.insert(ideas).values({ id, workspaceId, title: 'Faster delivery', status });
      if (feedbackIds.length)
        await db.insert(ideaFeedback).values(feedbackIds.map((feedbackId) => ({ ideaId: id, feedbackId, workspaceId })));
      return id;
    },
    async notification(customerId: string, ideaId: string, values: Partial<typeof notifications.$inferInsert>) {
      const id = newId();
      await db.insert(notifications).values({ id, workspaceId, customerId, ideaId, language: 'en', messageId: newId(), ...values });
      return id;
    },
    async order(customerId: string, placedAt: string, values: Partial<typeof orders.$inferInsert> = {}) {
      const id = newId();
      await db
        .insert(orders)
        .values({ id, workspaceId, customerId, externalId: id, amount: 10, currency: 'EUR', placedAt: at(placedAt), ...values });
      return id;
    },
  };
}
