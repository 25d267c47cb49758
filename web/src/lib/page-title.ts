import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './router';

type TitleKey = keyof typeof import('../locales/shell/en.json')['shell']['titles'];

const TITLES: Record<Route['name'], TitleKey> = {
  root: 'overview',
  setup: 'setup',
  login: 'login',
  feedbackList: 'feedback',
  feedbackDetail: 'feedbackItem',
  settings: 'settings',
  topics: 'topics',
  themes: 'themes',
  surveys: 'surveys',
  surveyEditor: 'surveyEditor',
  surveyResults: 'surveyResults',
  surveySend: 'surveySend',
  segments: 'segments',
  customers: 'customers',
  customer: 'customer',
  tickets: 'tickets',
  ticket: 'ticket',
  tasks: 'tasks',
  ideas: 'ideas',
  rules: 'rules',
  metrics: 'metrics',
  drivers: 'drivers',
  league: 'league',
  beforeAfter: 'beforeAfter',
  invite: 'invite',
  notFound: 'notFound',
};

/** The tab's title names the page in the user's language ("Feedback — Feedloop"), so tabs, history and screen readers tell pages apart. */
export function usePageTitle(route: Route['name']): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('shell.documentTitle', { page: t(`shell.titles.${TITLES[route]}`) });
  }, [route, t, i18n.language]);
}

// How long a page may take to show its heading (it may load its data first).
const HEADING_WAIT_MS = 5_000;

/**
 * After a client-side move to another page, focus goes to the new page's heading, so a screen
 * reader announces where the user is and Tab continues from the top of the page, as after a full
 * page load. Only the path counts: filters and settings sections change the query string and
 * must leave focus where it is.
 */
export function useFocusOnNavigation(path: string, main: RefObject<HTMLElement | null>): void {
  const shown = useRef(path);
  useEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    const region = main.current;
    if (!region) return;
    const focusHeading = () => {
      const heading = region.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    // The page is still loading: hold focus on the main region until its heading shows, unless
    // the user has moved on by then.
    region.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      const waiting = document.activeElement === region || document.activeElement === document.body;
      if (!waiting || focusHeading()) observer.disconnect();
    });
    observer.observe(region, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [path, main]);
}
