// The digest's headline figures include the SLA targets missed and the loops closed, each against
// the period before, counted from the metric rollups like the metrics themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { seedFeedback } from '../../platform/testing/seed-feedback.js';
import { activitySeeder } from '../../platform/testing/seed-activity.js';
import { refreshStaleRollups } from '../rollups/refresh-rollups.js';
import { headlineFigures } from './digest-figures.js';
import { renderDigestEmail } from './digest-email.js';

let t: TestApp;
let s: SignedInApp;
const at = (iso: string) => new Date(iso);
const WEEK = { start: '2025-03-10', end: '2025-03-16' };
const BEFORE = { start: '2025-03-03', end: '2025-03-09' };

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read'] });
  t = s.t;
  const seed = activitySeeder(t.database, s.workspace.id);
  const c1 = await seed.customer();
  const c2 = await seed.customer();
  // The week before: one first response breached. This week: both targets of one ticket breached, one met.
  await seed.ticket({}, { firstResponseMinutes: 60, firstResponseBreachedAt: at('2025-03-05T10:00:00Z') });
  await seed.ticket(
    {},
    {
      firstResponseMinutes: 60,
      firstResponseBreachedAt: at('2025-03-11T10:00:00Z'),
      resolutionMinutes: 480,
      resolutionBreachedAt: at('2025-03-12T10:00:00Z'),
    },
  );
  await seed.ticket({}, { firstResponseMinutes: 60, firstResponseAt: at('2025-03-11T10:00:00Z') });
  // Items received the week before; both customers told this week (one of a declined idea).
  const [f1, f2] = await seedFeedback(t.database, s.workspace.id, [
    { createdAt: at('2025-03-04T10:00:00Z'), customerId: c1 },
    { createdAt: at('2025-03-05T10:00:00Z'), customerId: c2 },
  ]);
  const done = await seed.idea('done', [f1!]);
  const declined = await seed.idea('declined', [f2!]);
  await seed.notification(c1, done, { ideaStatus: 'done', status: 'sent', sentAt: at('2025-03-11T10:00:00Z') });
  await seed.notification(c2, declined, { ideaStatus: 'declined', status: 'sent', sentAt: at('2025-03-13T10:00:00Z') });
  await refreshStaleRollups(t.database);
});

afterAll(async () => t?.close());

describe('digest headline figures', () => {
  it('count SLA targets missed and loops closed in each period, declined ideas included', async () => {
    const [week, before] = await headlineFigures(new WorkspaceScope(t.database, s.workspace.id), [WEEK, BEFORE], 'UTC');
    expect(week).toMatchObject({ slaBreaches: 2, loopsClosed: 2, volume: 0, nps: null });
    expect(before).toMatchObject({ slaBreaches: 1, loopsClosed: 0, volume: 2 });
  });

  it('show them in the email’s headline table in the reader’s language', async () => {
    const [current, previous] = await headlineFigures(new WorkspaceScope(t.database, s.workspace.id), [WEEK, BEFORE], 'UTC');
    const content = {
      workspaceName: 'Main',
      period: WEEK,
      previous: BEFORE,
      figures: { current: current!, previous: previous! },
      drivers: [],
      themes: [],
      slaBreaches: 2,
      ideasDone: { count: 1, titles: [] },
    };
    const links = { dashboard: 'https://x.test', settings: 'https://x.test/s', unsubscribe: 'https://x.test/u' };
    const en = await renderDigestEmail({
      reader: { language: 'en', calendar: 'gregorian', latinDigits: false },
      frequency: 'weekly',
      content,
      links,
    });
    expect(en.text).toMatch(/SLA targets missed\D+2\D+1\D+\+1/);
    expect(en.text).toMatch(/Loops closed \(customers told\)\D+2\D+0\D+\+2/);
    const fa = await renderDigestEmail({
      reader: { language: 'fa', calendar: 'persian', latinDigits: false },
      frequency: 'weekly',
      content,
      links,
    });
    expect(fa.text).toContain('تعهدهای SLA که رعایت نشد');
    expect(fa.html).toContain('حلقه‌های بسته‌شده');
  });
});
