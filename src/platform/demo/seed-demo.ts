// Fills a new workspace with the demo shop: customers, orders, events and multilingual
// feedback spread over the last 60 days. A seeded random generator makes every run alike.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { WorkspaceScope } from '../db/workspace-scope.js';
import { users, memberships, workspaces } from '../schema.js';
import { events, orders } from '../../customers/schema.js';
import { recomputeActivityTotals } from '../../customers/record-activity.js';
import { identifyCustomer } from '../../customers/identify-customer.js';
import { toE164 } from '../../customers/phone-number.js';
import { storeFeedback } from '../../collect/store-feedback.js';
import { createWorkspace } from '../auth/setup.service.js';
import { newId } from '../ids.js';
import { notifyJobsEnqueued } from '../jobs/queue.js';
import { demoCustomers, demoFeedback, demoProducts, type DemoCustomer } from './demo-content.js';
import type { TCreateFeedbackInput } from '../../collect/feedback.schemas.js';
import { createSurvey, setSurveyStatus } from '../../collect/surveys/survey.service.js';
import { createTrigger } from '../../collect/surveys/survey-triggers.js';
import { createWidgetKey, DEMO_WIDGET_KEY_NAME } from '../../collect/widget/widget-key.service.js';

const DAY = 86_400_000;

/** mulberry32: a tiny seeded PRNG, so the demo looks the same on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The widget survey of the demo shop (/demo/widget): after a purchase, or on the thank-you page. */
export const DEMO_WIDGET_SETTINGS = {
  enabled: true, display: 'until_answered', everyDays: 30, samplePercent: 100, segment: [], placement: 'slide_in', delaySeconds: 1,
  triggers: [{ type: 'event', name: 'purchase' }, { type: 'page_view', url: { match: 'contains', value: '/demo/widget/thank-you' } }],
} as const;

/** A demo customer's phone as every phone is stored, E.164, read in the customer's own country. */
function demoPhone(c: DemoCustomer): string | undefined {
  if (!c.phone) return undefined;
  const e164 = toE164(c.phone, c.country);
  if (!e164) throw new Error(`demo customer ${c.name}: ${c.phone} is not a valid phone number in ${c.country}`);
  return e164;
}

/** `widgetOrigin`: where Feedloop runs; the demo's widget key allows it (the demo shop is served there). */
export async function seedDemo(database: Database, name: string, now = new Date(), widgetOrigin?: string) {
  const [owner] = await database.db.select({ userId: users.id, workspaceId: memberships.workspaceId })
    .from(users).innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.role, 'owner')).orderBy(asc(users.createdAt)).limit(1);
  if (!owner) throw new Error('Run the first-run setup first (open the dashboard or `feedloop setup`): the demo workspace belongs to the owner');
  const [home] = await database.db.select().from(workspaces).where(eq(workspaces.id, owner.workspaceId));
  const workspace = await createWorkspace(database, home.organizationId, owner.userId, name, home.defaultLocale);
  const scope = new WorkspaceScope(database, workspace.id);
  const random = prng(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const daysAgo = (max: number) => new Date(now.getTime() - random() * max * DAY);

  const counts = await scope.transaction(async (tx) => {
    const byLocale = new Map<string, string[]>();
    let orderCount = 0;
    let eventCount = 0;
    for (const [i, c] of demoCustomers.entries()) {
      const { customer } = await identifyCustomer(scope, tx, {
        externalId: `demo-${String(i + 1).padStart(3, '0')}`, email: c.email ?? undefined, phone: demoPhone(c),
        name: c.name, locale: c.locale, attributes: { city: c.city, plan: c.plan }, seenAt: daysAgo(20),
      });
      byLocale.set(c.locale, [...(byLocale.get(c.locale) ?? []), customer.id]);
      const market = demoProducts.filter((p) => currencyFor(c.locale).includes(p.currency));
      const nOrders = Math.floor(random() * 4);
      for (let k = 0; k < nOrders && market.length; k++) {
        const product = pick(market);
        const placedAt = daysAgo(90);
        const qty = 1 + Math.floor(random() * 3);
        await tx.insert(orders).values(scope.stamp({
          id: newId(), customerId: customer.id, externalId: `DM-${1000 + i * 10 + k}`, amount: product.price * qty,
          currency: product.currency, status: pick(['delivered', 'delivered', 'shipped', 'cancelled']), placedAt,
          metadata: { sku: product.sku, quantity: qty },
        }));
        await tx.insert(events).values(scope.stamp({ id: newId(), customerId: customer.id, name: 'purchase', properties: { sku: product.sku }, occurredAt: placedAt }));
        orderCount++;
        eventCount++;
      }
      for (const eventName of ['login', 'page_view', 'cart_abandoned']) {
        if (random() < 0.6) {
          await tx.insert(events).values(scope.stamp({ id: newId(), customerId: customer.id, name: eventName, properties: {}, occurredAt: daysAgo(30) }));
          eventCount++;
        }
      }
    }
    // Rows written directly: the profiles' event and order totals are counted from them.
    await recomputeActivityTotals(scope, tx, [...byLocale.values()].flat(), ['events', 'orders']);
    const items: TCreateFeedbackInput[] = demoFeedback.map((f) => ({
      channel: f.channel, text: f.text, nps: f.nps, csat: f.csat, rating: f.rating,
      customerId: random() < 0.85 ? pick(byLocale.get(f.lang) ?? [...byLocale.values()].flat()) : undefined,
      metadata: { demo: true }, links: {}, createdAt: daysAgo(60),
    }));
    const stored = await storeFeedback(scope, tx, items);
    return { customers: demoCustomers.length, orders: orderCount, events: eventCount, feedback: stored.filter((s) => s.ok).length };
  });
  notifyJobsEnqueued();
  // Two surveys so the Surveys pages have something to show: a live NPS survey that goes out
  // three days after delivery and is shown by the demo shop's widget, and a draft to edit.
  const nps = await createSurvey(scope, { template: 'nps', settings: { widget: { ...DEMO_WIDGET_SETTINGS, triggers: [...DEMO_WIDGET_SETTINGS.triggers], segment: [] } } });
  await setSurveyStatus(scope, nps.id, 'live');
  await createTrigger(scope, nps.id, { eventName: 'order_delivered', delayMinutes: 3 * 1440, segment: [], quietHours: { start: '21:00', end: '09:00' }, enabled: true });
  await createSurvey(scope, { template: 'csat_after_ticket', settings: {} });
  const widgetKey = await createWidgetKey(scope, { name: DEMO_WIDGET_KEY_NAME, allowedOrigins: widgetOrigin ? [new URL(widgetOrigin).origin] : [] });
  return { workspace, ...counts, surveys: 2, widgetKey: widgetKey.publicKey };
}

function currencyFor(locale: string): string[] {
  return { fa: ['IRR'], ar: ['SAR', 'AED', 'EGP'], zh: ['CNY'], en: ['USD'] }[locale] ?? ['USD'];
}
