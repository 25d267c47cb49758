// The no-code triggers: page view (URL rules), click on a CSS selector, exit intent, scroll
// depth, time on page, and events from track(). Each page() starts a new page: page views are
// judged again and the time and scroll triggers start over.
import type { WidgetSurvey, WidgetTrigger } from '../types.js';
import { urlMatches } from './rules.js';

type Fire = (survey: WidgetSurvey) => void;

export function createTriggers(fire: Fire) {
  let surveys: WidgetSurvey[] = [];
  let timers: Array<ReturnType<typeof setTimeout>> = [];
  let scrolled: Record<string, boolean> = {};
  let pageStart = Date.now();

  /** Every (survey, trigger) of this type whose URL rule holds on the current page. */
  function each<T extends WidgetTrigger['type']>(type: T, fn: (s: WidgetSurvey, t: Extract<WidgetTrigger, { type: T }>) => void) {
    for (const s of surveys) {
      for (const t of s.widget.triggers)
        if (t.type === type && urlMatches(t.url, location.href)) fn(s, t as Extract<WidgetTrigger, { type: T }>);
    }
  }

  function onScroll() {
    const doc = document.documentElement;
    const room = doc.scrollHeight - innerHeight;
    const percent = room <= 0 ? 100 : (scrollY / room) * 100;
    each('scroll', (s, t) => {
      const key = s.id + t.percent;
      if (percent >= t.percent && !scrolled[key]) {
        scrolled[key] = true;
        fire(s);
      }
    });
  }

  addEventListener('scroll', onScroll, { passive: true });
  document.addEventListener(
    'click',
    (e) => {
      const target = e.target as Element | null;
      each('click', (s, t) => {
        try {
          if (target?.closest?.(t.selector)) fire(s);
        } catch {
          // an invalid selector matches nothing
        }
      });
    },
    true,
  );
  document.addEventListener('mouseout', (e) => {
    // The pointer leaves through the top edge, towards the tabs and the close button.
    if (!e.relatedTarget && e.clientY <= 0) each('exit_intent', fire);
  });

  return {
    /** New surveys (config loaded or reloaded): judged from the current page on. */
    set(list: WidgetSurvey[]) {
      surveys = list;
    },
    /** Judges the page's triggers: for a new page (page()), or again with new surveys. */
    page(isNewPage: boolean) {
      timers.forEach(clearTimeout);
      timers = [];
      if (isNewPage) {
        scrolled = {};
        pageStart = Date.now();
      }
      each('page_view', fire);
      each('time_on_page', (s, t) => timers.push(setTimeout(() => fire(s), Math.max(0, t.seconds * 1000 - (Date.now() - pageStart)))));
      onScroll();
    },
    event(name: string) {
      each('event', (s, t) => {
        if (t.name === name) fire(s);
      });
    },
  };
}
