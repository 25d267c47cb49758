// Accessibility checks shared by the browser tests: axe-core's serious and critical findings,
// and the page never scrolling sideways.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;
// Seconds on an idle machine; a loaded 2-core CI machine needs far more.
const AXE_TIMEOUT_MS = 90_000;

/**
 * axe-core's serious and critical violations on the page as it is now, one line each (rule, what
 * it says, the first offending elements), so a failure names what to fix.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // axe-core runs in the page itself, not in its frames: the only frames are previews (a survey
  // email, sandboxed without scripts, and the survey link page), server-rendered pages of their
  // own. @axe-core/playwright's AxeBuilder evaluates in every frame, which a sandboxed frame
  // reports as blocked scripts, so the page gets axe-core's source directly.
  const run = async () => {
    await page.evaluate(axe.source);
    return page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run({ exclude: [['iframe']] }, { iframes: false, resultTypes: ['violations'] }),
    );
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`axe-core did not finish within ${AXE_TIMEOUT_MS / 1000} s on ${page.url()}`)),
      AXE_TIMEOUT_MS,
    );
  });
  const results = await Promise.race([run(), timeout]).finally(() => clearTimeout(timer));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 3)
        .map(
          (node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})` : ''}`,
        );
      return `${violation.id} [${violation.impact}] ${violation.help}: ${nodes.join('; ')}${violation.nodes.length > 3 ? ` … and ${violation.nodes.length - 3} more` : ''}`;
    });
}

/** How far the page scrolls sideways (0 when it fits the viewport), and the widest culprit. */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; widest: string }> {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    let widest = '';
    if (overflow > 0) {
      // The innermost element that sticks out of the viewport: what to fix.
      let worst = 0;
      for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
        const rect = element.getBoundingClientRect();
        const out = Math.max(rect.right - window.innerWidth, -rect.left);
        if (out > 0 && out >= worst) {
          worst = out;
          widest = `${element.tagName.toLowerCase()}.${String(element.className).replace(/\s+/g, '.')} (${Math.round(out)} px out)`;
        }
      }
    }
    return { overflow, widest };
  });
}

/**
 * Switches the page to light or dark colours and waits until it is drawn in them: Chromium
 * applies the emulated preference a moment after Playwright returns, and axe-core must not read
 * half-switched colours. Reduced motion makes transitions instant. The wait is one evaluation in
 * the page (Playwright's waitForFunction costs a few hundred milliseconds per call here).
 */
export async function useColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.evaluate(async (dark) => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the page did not switch to ${dark ? 'dark' : 'light'} colours`)), 30_000);
      const check = () => {
        if (query.matches !== dark) return;
        clearTimeout(timer);
        query.removeEventListener('change', check);
        resolve();
      };
      query.addEventListener('change', check);
      check();
    });
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  }, scheme === 'dark');
}
