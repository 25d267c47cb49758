// The header's workspace switcher: hidden with one workspace; with several, switching moves the
// session and the feedback list to the chosen workspace.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { setupOwner } from '../../src/platform/testing/test-app.js';
import { createWorkspace } from '../../src/platform/auth/setup.service.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { WorkspaceScope } from '../../src/platform/db/workspace-scope.js';
import { createFeedback } from '../../src/collect/feedback/feedback.service.js';
import { ZCreateFeedbackInput } from '../../src/collect/feedback/feedback.input.js';
import { screenshot } from './browser.js';
import { describeBrowser, seedFeedback, until, untilRows, useDashboard } from './harness.js';

const MAIN_ITEMS = [
  { language: 'en', text: 'Main shop: the checkout page is confusing.' },
  { language: 'fa', text: 'فروشگاه اصلی: ارسال رایگان عالی است.' },
];
const SECOND_ITEMS = [
  { language: 'en', text: 'Second shop: love the new loyalty points.' },
  { language: 'ar', text: 'المتجر الثاني: الأسعار مناسبة جداً.' },
  { language: 'zh', text: '第二家店：客服很耐心。' },
];

describeBrowser('workspace switcher', () => {
  const dashboard = useDashboard();

  it('appears with a second workspace and switches the list to it', async () => {
    const { t } = dashboard;
    const { cookie, body } = await setupOwner(t, { workspaceName: 'Main shop' });
    await seedFeedback(t, cookie, MAIN_ITEMS);

    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback');
    await untilRows(
      page,
      MAIN_ITEMS.map((item) => item.text),
      'the main workspace rows',
    );
    expect(await page.getByTestId('workspace-switcher').count()).toBe(0);
    expect(await page.locator('.brand-name').textContent()).toBe('Main shop');

    const [main] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, body.workspace.id));
    const second = await createWorkspace(t.database, main.organizationId, body.user.id, 'Second shop');
    const scope = new WorkspaceScope(t.database, second.id);
    for (const item of SECOND_ITEMS) await createFeedback(scope, ZCreateFeedbackInput.parse({ channel: 'email', ...item }));
    await t.drainJobs();

    await page.reload();
    const switcher = page.getByTestId('workspace-switcher');
    await switcher.waitFor();
    expect(await switcher.locator('option').allTextContents()).toEqual(['Main shop', 'Second shop']);
    expect(await switcher.inputValue()).toBe(main.id);
    await untilRows(
      page,
      MAIN_ITEMS.map((item) => item.text),
      'the main workspace rows after reload',
    );
    await screenshot(page, 'workspace-switcher-main');

    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/me/workspace'),
      switcher.selectOption(second.id),
    ]);
    expect(request.headers()['content-type']).toBe('application/json');
    expect(request.postDataJSON()).toEqual({ workspaceId: second.id });
    // The page reloads right after the answer, so only its status can still be read.
    expect((await request.response())?.status()).toBe(200);

    await untilRows(
      page,
      SECOND_ITEMS.map((item) => item.text),
      'the second workspace rows',
    );
    await until(
      () => page.getByTestId('workspace-switcher').inputValue(),
      (value) => value === second.id,
      'the switcher to show the second workspace',
    );
    expect(new URL(page.url()).pathname).toBe('/feedback');
    await screenshot(page, 'workspace-switcher-second');

    // The session moved: a reload stays in the second workspace, and switching back works.
    await page.reload();
    await untilRows(
      page,
      SECOND_ITEMS.map((item) => item.text),
      'the second workspace rows after reload',
    );
    await page.getByTestId('workspace-switcher').selectOption(main.id);
    await untilRows(
      page,
      MAIN_ITEMS.map((item) => item.text),
      'the main workspace rows again',
    );
    expect(await page.getByTestId('workspace-switcher').inputValue()).toBe(main.id);
  });
});
