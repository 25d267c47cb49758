// Fills a new workspace with the demo shop: customers, orders, events, multilingual feedback
// spread over the last 60 days, its NPS and CSAT scores as responses to its live surveys, and its
// support messages as tickets. A seeded random generator makes every run alike.
import { refreshStaleRollups } from '../../evaluate/rollups/refresh-rollups.js';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { users, memberships } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { events, orders } from '../../customers/customers/customers.tables.js';
import { recomputeActivityTotals } from '../../customers/customers/record-activity.js';
import { identifyCustomer } from '../../customers/customers/identify-customer.js';
import { toE164 } from '../../customers/customers/phone-number.js';
import { storeFeedback } from '../../collect/feedback/store-feedback.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { createWorkspace } from '../../platform/auth/setup.service.js';
import { newId } from '../../platform/ids.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { demoCustomers, demoFeedback, demoProducts, type DemoCustomer, type DemoFeedbackText } from './demo-content.js';
import type { TCreateFeedbackInput } from '../../collect/feedback/feedback.input.js';
import { createWidgetKey, DEMO_WIDGET_KEY_NAME } from '../../collect/widget/widget-key.service.js';
import { answerDemoSurveys, createDemoSurveys, type DemoAnswer, type DemoRespondent } from './demo-surveys.js';
import { openDemoTickets } from './demo-tickets.js';
import { createDemoServiceUnits, placeDemoTickets } from './demo-service-units.js';

export { DEMO_WIDGET_SETTINGS } from './demo-surveys.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: a tiny seeded PRNG, so the demo looks the same on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A demo customer's phone as every phone is stored, E.164, read in the customer's own country. */
function demoPhone(c: DemoCustomer): string | undefined {
  if (!c.phone) return undefined;
  const e164 = toE164(c.phone, c.country);
  if (!e164) throw new Error(`demo customer ${c.name}: ${c.phone} is not a valid phone number in ${c.country}`);
  return e164;
}

/** `widgetOrigin`: where Feedloop runs; the demo's widget key allows it (the demo shop is served there). */
export async function seedDemo(database: Database, name: string, now = new Date(), widgetOrigin?: string) {
  const [owner] = await database.db
    .select({ userId: users.id, workspaceId: memberships.workspaceId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.role, 'owner'))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!owner)
    throw new Error('Run the first-run setup first (open the dashboard or `feedloop setup`): the demo workspace belongs to the owner');
  const [home] = await database.db.select().from(workspaces).where(eq(workspaces.id, owner.workspaceId));
  const workspace = await createWorkspace(database, home.organizationId, owner.userId, name, home.defaultLocale);
  const scope = new WorkspaceScope(database, workspace.id);
  const random = prng(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const daysAgo = (max: number) => new Date(now.getTime() - random() * max * DAY);
  const surveys = await createDemoSurveys(scope, now);

  const counts = await scope.transaction(async (tx) => {
    const byLocale = new Map<string, DemoRespondent[]>();
    let orderCount = 0;
    let eventCount = 0;
    const customerIds: string[] = [];
    for (const [i, c] of demoCustomers.entries()) {
      // The plan a customer pays for; its top tier also marks them VIP, as the profile shows.
      const { customer } = await identifyCustomer(scope, tx, {
        externalId: `demo-${String(i + 1).padStart(3, '0')}`,
        email: c.email ?? undefined,
        phone: demoPhone(c),
        name: c.name,
        locale: c.locale,
        attributes: { city: c.city, plan: c.plan, ...(c.plan === 'vip' ? { vip: true } : {}) },
      });
      byLocale.set(c.locale, [...(byLocale.get(c.locale) ?? []), { id: customer.id, email: c.email, locale: c.locale }]);
      customerIds.push(customer.id);
      const market = demoProducts.filter((p) => currencyFor(c.locale).includes(p.currency));
      const nOrders = Math.floor(random() * 4);
      for (let k = 0; k < nOrders && market.length; k++) {
        const product = pick(market);
        const placedAt = daysAgo(90);
        const qty = 1 + Math.floor(random() * 3);
        await tx.insert(orders).values(
          scope.stamp({
            id: newId(),
            customerId: customer.id,
            externalId: `DM-${1000 + i * 10 + k}`,
            amount: product.price * qty,
            currency: product.currency,
            status: pick(['delivered', 'delivered', 'shipped', 'cancelled']),
            placedAt,
            metadata: { sku: product.sku, quantity: qty },
          }),
        );
        await tx
          .insert(events)
          .values(
            scope.stamp({ id: newId(), customerId: customer.id, name: 'purchase', properties: { sku: product.sku }, occurredAt: placedAt }),
          );
        orderCount++;
        eventCount++;
      }
      for (const eventName of ['login', 'page_view', 'cart_abandoned']) {
        if (random() < 0.6) {
          await tx
            .insert(events)
            .values(scope.stamp({ id: newId(), customerId: customer.id, name: eventName, properties: {}, occurredAt: daysAgo(30) }));
          eventCount++;
        }
      }
    }
    const everyone = [...byLocale.values()].flat();
    await createDemoServiceUnits(scope, tx, workspace.defaultLocale, customerIds);
    // Rows written directly: the profiles' event and order totals are counted from them.
    await recomputeActivityTotals(
      scope,
      tx,
      everyone.map((c) => c.id),
      ['events', 'orders'],
    );

    // Each text of the demo: a score answers a survey, a support message opens a ticket, the
    // rest is feedback of its channel. Support messages always come from a known customer.
    const placed = demoFeedback.map((f) => {
      const local = byLocale.get(f.lang) ?? everyone;
      const respondent = f.channel === 'support_ticket' || random() < 0.85 ? pick(local) : null;
      return { f, respondent, at: daysAgo(60) };
    });
    const isSurveyAnswer = (f: DemoFeedbackText) => f.channel !== 'support_ticket' && (f.nps !== undefined || f.csat !== undefined);
    const stored = placed.filter(({ f }) => !isSurveyAnswer(f));
    const items: TCreateFeedbackInput[] = stored.map(({ f, respondent, at }) => ({
      channel: f.channel,
      text: f.text,
      rating: f.rating,
      customerId: respondent?.id,
      metadata: { demo: true },
      links: {},
      createdAt: at,
    }));
    const results = await storeFeedback(scope, tx, items);
    const messages = stored.flatMap(({ f, respondent, at }, k) => {
      const result = results[k];
      return f.channel === 'support_ticket' && result.ok
        ? [
            {
              itemId: result.id,
              text: f.text,
              customerId: respondent!.id,
              at,
              sentiment: f.sentiment,
              kind: f.kind,
              topics: f.topics,
              rated: f.csat !== undefined,
              csat: f.csat,
              respondent: respondent!,
            },
          ]
        : [];
    });
    const opened = await openDemoTickets(scope, tx, messages, owner.userId, now, random);
    await placeDemoTickets(scope, tx);

    const answers: DemoAnswer[] = placed
      .filter(({ f }) => isSurveyAnswer(f))
      .map(({ f, respondent, at }) => ({
        survey: f.nps !== undefined ? surveys.nps : surveys.csat,
        score: (f.nps ?? f.csat)!,
        text: f.text,
        at,
        respondent,
        language: respondent?.locale ?? f.lang,
      }));
    // A rated ticket: the CSAT email goes out after it is resolved and the customer answers with a score.
    for (const m of messages.filter((x) => x.csat !== undefined)) {
      const resolvedAt = opened.find((o) => o.itemId === m.itemId)!.resolvedAt!;
      const at = new Date(Math.min(resolvedAt.getTime() + (2 + random() * 20) * HOUR, now.getTime() - 60_000));
      answers.push({ survey: surveys.csat, score: m.csat!, text: '', at, respondent: m.respondent, language: m.respondent.locale });
    }
    // Emails nobody answered: about one in two NPS emails, and some after resolved tickets.
    const answeredBy = new Set(answers.flatMap((a) => (a.respondent ? [a.respondent.id] : [])));
    const reachable = everyone.filter((c): c is DemoRespondent & { email: string } => c.email !== null && !answeredBy.has(c.id));
    const unanswered = reachable.slice(0, Math.round(reachable.length * 0.8)).map((to) => ({ survey: surveys.nps, to, at: daysAgo(58) }));
    for (const o of opened.filter((x) => x.resolvedAt && !messages.find((m) => m.itemId === x.itemId)!.rated)) {
      const m = messages.find((x) => x.itemId === o.itemId)!;
      if (m.respondent.email && random() < 0.5)
        unanswered.push({
          survey: surveys.csat,
          to: { ...m.respondent, email: m.respondent.email },
          at: new Date(o.resolvedAt!.getTime() + HOUR),
        });
    }
    const responses = await answerDemoSurveys(scope, tx, answers, unanswered, random);
    await dateCustomersByActivity(scope, tx);
    const [{ n: feedback }] = await tx.select({ n: sql<number>`count(*)::int` }).from(feedbackItems).where(scope.where(feedbackItems));
    return { customers: demoCustomers.length, orders: orderCount, events: eventCount, feedback, responses, tickets: opened.length };
  });
  notifyJobsEnqueued();
  // The dashboards read the rollups: the demo's figures show at once, not after the next refresh.
  await refreshStaleRollups(database, workspace.id);
  const widgetKey = await createWidgetKey(scope, {
    name: DEMO_WIDGET_KEY_NAME,
    allowedOrigins: widgetOrigin ? [new URL(widgetOrigin).origin] : [],
  });
  return { workspace, ...counts, surveys: surveys.count, widgetKey: widgetKey.publicKey };
}

/**
 * The customers were written today but act over the last months: each became a customer a few
 * days before their first activity and was last seen at their latest (one with none is new).
 */
async function dateCustomersByActivity(scope: WorkspaceScope, tx: Tx) {
  const ws = scope.workspaceId;
  await tx.execute(sql`
    with activity as (
      select customer_id, occurred_at as at from events where workspace_id = ${ws}
      union all select customer_id, placed_at from orders where workspace_id = ${ws}
      union all select customer_id, created_at from feedback_items where workspace_id = ${ws} and customer_id is not null
      union all select customer_id, started_at from survey_responses where workspace_id = ${ws} and customer_id is not null
    ), span as (select customer_id, min(at) as first, max(at) as last from activity group by customer_id)
    update customers c set created_at = span.first - interval '3 days', last_seen_at = span.last, updated_at = span.last
    from span where c.workspace_id = ${ws} and c.id = span.customer_id`);
}

function currencyFor(locale: string): string[] {
  return { fa: ['IRR'], ar: ['SAR', 'AED', 'EGP'], zh: ['CNY'], en: ['USD'] }[locale] ?? ['USD'];
}
