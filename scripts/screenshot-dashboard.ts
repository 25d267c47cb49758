// Renders docs/dashboard-fa.png: the feedback list in Persian (right to left) with the demo
// shop's feedback, at 1280×800. It starts a throw-away server like the browser tests do.
//
//   npx tsx scripts/screenshot-dashboard.ts [output.png]
import fs from 'node:fs';
import path from 'node:path';
import { chromiumAvailability, launchBrowser, openPage, startServer } from '../web/e2e/browser.js';
import { sessionCookie } from '../src/platform/testing/test-app.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { packageRoot } from '../src/platform/paths.js';

const output = path.resolve(process.argv[2] ?? path.join(packageRoot, 'docs', 'dashboard-fa.png'));
const VIEWPORT = { width: 1280, height: 800 };
const MIN_ROWS = 15;

async function main() {
  const { available, reason } = chromiumAvailability();
  if (!available) throw new Error(reason);

  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { t } = server;
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        organizationName: 'داستان',
        workspaceName: 'فروشگاه اصلی',
        name: 'مریم کریمی',
        email: 'maryam@example.com',
        password: 'a long demo password',
        locale: 'fa',
      },
    });
    if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.statusCode} ${setup.body}`);
    const cookie = sessionCookie(setup.headers['set-cookie']);
    const demo = await seedDemo(t.database, 'بازارچه داستان');
    await t.drainJobs();
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/workspace',
      headers: { cookie },
      payload: { workspaceId: demo.workspace.id },
    });
    if (switched.statusCode !== 200) throw new Error(`switching workspace failed: ${switched.statusCode} ${switched.body}`);

    const guarded = await openPage(browser, server.url, { cookie, locale: 'fa-IR', viewport: VIEWPORT });
    const { page } = guarded;
    await page.goto('/feedback?language=fa');
    await page
      .getByTestId('feedback-row')
      .nth(MIN_ROWS - 1)
      .waitFor();
    const { dir, lang } = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
    if (dir !== 'rtl' || lang !== 'fa') throw new Error(`expected <html dir="rtl" lang="fa">, got dir=${dir} lang=${lang}`);
    await page.evaluate(() => document.fonts.ready);
    // Start the view at the table, just below the sticky top bar, so it shows about 15 rows.
    await page.evaluate(() => {
      const table = document.querySelector('[data-testid="feedback-list"]')!.closest('.table-wrap')!;
      const topbar = document.querySelector('.topbar')!.getBoundingClientRect().height;
      window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY - topbar - 12);
    });

    fs.mkdirSync(path.dirname(output), { recursive: true });
    await page.screenshot({ path: output, animations: 'disabled', caret: 'hide' });
    if (guarded.problems.length > 0) throw new Error(`the page reported problems:\n${guarded.problems.join('\n')}`);
    const kb = Math.round(fs.statSync(output).size / 1024);
    console.log(`Saved ${path.relative(process.cwd(), output)} (${VIEWPORT.width}×${VIEWPORT.height}, ${kb} KB)`);
    await guarded.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
