// Service units in the browser: Settings builds the hierarchy (add inside, move, archive) right to
// left in Persian, the league table ranks one level of it (a region's figures are its branches'),
// a figure of the league drills down to the explorer filtered by its unit, and an item's detail page
// puts it in a unit.
import { beforeAll, expect, it } from 'vitest';
import { rebuildRollups } from '../../src/evaluate/rollups/rebuild-rollups.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { createKey } from '../../src/platform/testing/test-app.js';
import { seriousViolations } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, rowTexts, signedInOwner, until, untilText, useDashboard } from './harness.js';

const RANGE = 'from=2026-09-23&to=2026-11-21';

describeBrowser('service units', () => {
  const dashboard = useDashboard();
  let cookie = '';
  let itemId = '';
  const units: Record<string, string> = {};

  async function unit(name: string, kind: string, parent?: string, externalCode?: string) {
    const res = await dashboard.t.app.inject({
      method: 'POST',
      url: '/api/v1/service-units',
      headers: { cookie },
      payload: { name, kind, parentId: parent ? units[parent] : null, externalCode },
    });
    expect(res.statusCode, res.body).toBe(201);
    units[name] = res.json().id;
  }

  beforeAll(async () => {
    cookie = await signedInOwner(dashboard.t);
    await unit('شمال', 'منطقه');
    await unit('جنوب', 'منطقه');
    await unit('تبریز', 'شعبه', 'شمال', 'TBZ');
    await unit('مشهد', 'شعبه', 'شمال', 'MHD');
    await unit('شیراز', 'شعبه', 'جنوب', 'SYZ');
    await unit('کیش', 'شعبه', 'جنوب', 'KIH');
    const answers = (code: string, scores: number[]) =>
      scores.map((nps, i) => ({
        channel: 'api',
        text: `answer ${code} ${i}`,
        nps,
        serviceUnitCode: code,
        createdAt: `2026-10-${10 + i}T10:00:00Z`,
      }));
    const key = await createKey(dashboard.t, cookie, ['feedback:write']);
    const res = await dashboard.t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/bulk',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        items: [
          ...answers('TBZ', [10, 10, 9, 10, 9, 2]),
          ...answers('MHD', [10, 10, 10, 9, 9]),
          ...answers('SYZ', [10, 9, 3, 1, 0]),
          { channel: 'api', text: 'The delivery came without a receipt.', nps: 6, createdAt: '2026-10-20T10:00:00Z' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    itemId = (res.json().results as Array<{ id: string }>).at(-1)!.id;
    await dashboard.t.drainJobs();
    const [workspace] = await dashboard.t.database.db.select({ id: workspaces.id }).from(workspaces);
    await rebuildRollups(dashboard.t.database, workspace.id);
  });

  async function openAs(locale: 'en' | 'fa', path: string) {
    const me = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale } });
    expect(me.statusCode, me.body).toBe(200);
    const { page } = await dashboard.open({ cookie, locale });
    await page.goto(path);
    return page;
  }

  it('builds the hierarchy right to left in Persian and ranks the branches in the league table', async () => {
    const page = await openAs('fa', '/settings?section=serviceUnits');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    const rows = page.getByTestId('unit-row');
    const names = () => rows.locator('.unit-name').allTextContents();
    await until(names, (n) => n.length === 6, 'six units');
    expect(await names()).toEqual(['جنوب', 'شیراز', 'کیش', 'شمال', 'تبریز', 'مشهد']);

    // A store inside Tabriz.
    const tabriz = rows.filter({ hasText: 'تبریز' });
    await tabriz.getByRole('button', { name: 'افزودن زیرواحد' }).click();
    await tabriz.getByTestId('unit-name').fill('بازار تبریز');
    await tabriz.getByTestId('unit-kind').fill('فروشگاه');
    await tabriz.getByTestId('unit-save').click();
    await until(names, (n) => n.includes('بازار تبریز'), 'the new store');
    expect(await names()).toEqual(['جنوب', 'شیراز', 'کیش', 'شمال', 'تبریز', 'بازار تبریز', 'مشهد']);
    // Tabriz cannot move into its own store: it is not offered.
    await rows.filter({ hasText: 'تبریز' }).first().getByRole('button', { name: 'جابه‌جایی' }).click();
    const targets = await page.getByTestId('unit-move-parent').locator('option').allTextContents();
    expect(targets.map((x) => x.trim())).toEqual(['سطح بالا', 'جنوب', 'شیراز', 'کیش', 'شمال', 'مشهد']);
    await page.getByRole('button', { name: 'انصراف' }).click();
    // Kish moves to the north, then is archived.
    const kish = rows.filter({ hasText: 'کیش' });
    await kish.getByRole('button', { name: 'جابه‌جایی' }).click();
    await kish.getByTestId('unit-move-parent').selectOption(units['شمال']!);
    await kish.getByTestId('unit-move-save').click();
    await until(names, (n) => n.join() === ['جنوب', 'شیراز', 'شمال', 'تبریز', 'بازار تبریز', 'مشهد', 'کیش'].join(), 'Kish under the north');
    await rows.filter({ hasText: 'کیش' }).getByTestId('unit-archive').click();
    await untilText(rows.filter({ hasText: 'کیش' }), (text) => text.includes('بایگانی‌شده'), 'Kish archived');
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'service-units-settings-fa');

    await page.goto(`/evaluate/league?metric=nps&${RANGE}&breakdown=service_unit`);
    await page.getByTestId('league-level').selectOption('شعبه');
    const league = page.getByTestId('league-row');
    // Mashhad +100 (5 answers), Tabriz +66.7, Shiraz −20; Kish has no answers.
    await until(
      () => league.locator('th').allTextContents(),
      (r) => r.join() === 'مشهد,تبریز,شیراز',
      'the branches ranked',
    );
    expect(await league.first().locator('td').first().textContent()).toBe('۱');
    expect(new URL(page.url()).searchParams.get('level')).toBe('شعبه');
    await page.getByTestId('league-level').selectOption('منطقه');
    // The north: Tabriz and Mashhad together, from counts: 10 promoters, 1 detractor of 11 → +81.8.
    await until(
      () => league.locator('th').allTextContents(),
      (r) => r.join() === 'شمال,جنوب',
      'the regions ranked',
    );
    await untilText(league.first(), (text) => text.includes('+۸۱٫۸'), "the north's NPS");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'service-units-league-fa');
  });

  it('offers service units in the English league table, drills down to the explorer and puts an item in a unit', async () => {
    const page = await openAs('en', `/evaluate/league?metric=nps&${RANGE}`);
    await page.getByTestId('league-dimension').selectOption('service_unit');
    await page.getByTestId('league-level').waitFor();
    const league = page.getByTestId('league-row');
    await until(
      () => league.locator('th').allTextContents(),
      (r) => r.length >= 5,
      'every unit with answers',
    );
    await page.getByTestId('league-level').selectOption('شعبه');
    await until(
      () => league.locator('th').allTextContents(),
      (r) => r.join() === 'مشهد,تبریز,شیراز',
      'the branches ranked',
    );
    await untilText(league.nth(1), (text) => text.includes('+66.7'), "Tabriz's NPS");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'service-units-league-en');

    // A region's figure opens the explorer on the answers behind it.
    await page.getByTestId('league-level').selectOption('منطقه');
    await until(
      () => league.locator('th').allTextContents(),
      (r) => r.join() === 'شمال,جنوب',
      'the regions ranked',
    );
    await league.first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/feedback');
    const url = new URL(page.url());
    expect(url.searchParams.get('service_unit_id')).toBe(units['شمال']);
    expect(url.searchParams.get('score_type')).toBe('nps');
    // The north's figure counts its branches' answers: Tabriz's six and Mashhad's five.
    await until(
      () => rowTexts(page),
      (rows) => rows.length === 11 && rows.every((text) => /answer (TBZ|MHD)/.test(text)),
      "the north's eleven answers",
    );
    expect(await page.getByTestId('filter-service-unit').inputValue()).toBe(units['شمال']);
    await page.getByTestId('filter-service-unit').selectOption(units['مشهد']!);
    await until(
      () => rowTexts(page),
      (rows) => rows.length === 5 && rows.every((text) => text.includes('answer MHD')),
      "Mashhad's five answers",
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/feedback/${itemId}`);
    const picker = page.getByTestId('unit-picker-select');
    await picker.waitFor();
    expect(await picker.inputValue()).toBe('');
    await picker.selectOption(units['شیراز']!);
    await untilText(page.getByTestId('unit-picker'), (text) => text.includes('Service unit saved.'), 'the unit saved');
    const stored = await dashboard.t.app.inject({ method: 'GET', url: `/api/v1/feedback/${itemId}`, headers: { cookie } });
    expect(stored.json().serviceUnitId).toBe(units['شیراز']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'service-units-item-en');
  });
});
