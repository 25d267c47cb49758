import { useMemo, useSyncExternalStore } from 'react';

/** A very small History API router: enough for a handful of pages. */

const NAVIGATE_EVENT = 'feedloop:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface Location {
  path: string;
  search: string;
  query: URLSearchParams;
  /** Path plus query string, e.g. `/feedback?channel=email`. */
  href: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return { path: url.pathname, search: url.search, query: url.searchParams, href };
  }, [href]);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type Route =
  | { name: 'root' }
  | { name: 'setup' }
  | { name: 'login' }
  | { name: 'feedbackList' }
  | { name: 'feedbackDetail'; id: string }
  | { name: 'settings' }
  | { name: 'topics' }
  | { name: 'themes' }
  | { name: 'surveys' }
  | { name: 'surveyEditor'; id: string }
  | { name: 'surveyResults'; id: string }
  | { name: 'surveySend'; id: string }
  | { name: 'segments' }
  | { name: 'customers' }
  | { name: 'customer'; id: string }
  | { name: 'tickets' }
  | { name: 'ticket'; id: string }
  | { name: 'tasks' }
  | { name: 'ideas' }
  | { name: 'rules' }
  | { name: 'metrics' }
  | { name: 'drivers' }
  | { name: 'league' }
  | { name: 'beforeAfter' }
  | { name: 'invite'; token: string }
  | { name: 'notFound' };

export function matchRoute(path: string): Route {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  switch (clean) {
    case '/':
      return { name: 'root' };
    case '/setup':
      return { name: 'setup' };
    case '/login':
      return { name: 'login' };
    case '/feedback':
      return { name: 'feedbackList' };
    case '/settings':
      return { name: 'settings' };
    case '/settings/topics':
      return { name: 'topics' };
    case '/themes':
      return { name: 'themes' };
    case '/surveys':
      return { name: 'surveys' };
    case '/segments':
      return { name: 'segments' };
    case '/customers':
      return { name: 'customers' };
    case '/tickets':
      return { name: 'tickets' };
    case '/tasks':
      return { name: 'tasks' };
    case '/ideas':
      return { name: 'ideas' };
    case '/rules':
      return { name: 'rules' };
    case '/evaluate':
    case '/evaluate/metrics':
      return { name: 'metrics' };
    case '/evaluate/league':
      return { name: 'league' };
    case '/evaluate/drivers':
      return { name: 'drivers' };
    case '/evaluate/before-after':
      return { name: 'beforeAfter' };
  }
  const survey = /^\/surveys\/([^/]+)(\/results|\/send)?$/.exec(clean);
  if (survey) {
    const id = decodeURIComponent(survey[1]);
    return survey[2] === '/results'
      ? { name: 'surveyResults', id }
      : survey[2] === '/send'
        ? { name: 'surveySend', id }
        : { name: 'surveyEditor', id };
  }
  const ticket = /^\/tickets\/([^/]+)$/.exec(clean);
  if (ticket) return { name: 'ticket', id: decodeURIComponent(ticket[1]) };
  const customer = /^\/customers\/([^/]+)$/.exec(clean);
  if (customer) return { name: 'customer', id: decodeURIComponent(customer[1]) };
  const invite = /^\/invite\/([^/]+)$/.exec(clean);
  if (invite) return { name: 'invite', token: decodeURIComponent(invite[1]) };
  const detail = /^\/feedback\/([^/]+)$/.exec(clean);
  if (detail) return { name: 'feedbackDetail', id: decodeURIComponent(detail[1]) };
  return { name: 'notFound' };
}

export const paths = {
  overview: () => '/',
  feedbackList: (search = '') => `/feedback${search}`,
  feedbackDetail: (id: string) => `/feedback/${encodeURIComponent(id)}`,
  settings: () => '/settings',
  settingsSection: (section: string) => `/settings?section=${encodeURIComponent(section)}`,
  topics: () => '/settings/topics',
  themes: (search = '') => `/themes${search}`,
  surveys: () => '/surveys',
  surveyEditor: (id: string) => `/surveys/${encodeURIComponent(id)}`,
  surveyResults: (id: string) => `/surveys/${encodeURIComponent(id)}/results`,
  surveySend: (id: string) => `/surveys/${encodeURIComponent(id)}/send`,
  segments: () => '/segments',
  customers: (q = '') => (q ? `/customers?q=${encodeURIComponent(q)}` : '/customers'),
  customer: (id: string) => `/customers/${encodeURIComponent(id)}`,
  tickets: (status = '') => (status ? `/tickets?status=${encodeURIComponent(status)}` : '/tickets'),
  /** The inbox with its queue and filters (empty ones left out). */
  inbox: (filters: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
    return q.size ? `/tickets?${q}` : '/tickets';
  },
  ticket: (id: string) => `/tickets/${encodeURIComponent(id)}`,
  tasks: (queue = '') => (queue ? `/tasks?queue=${encodeURIComponent(queue)}` : '/tasks'),
  rules: (tab = '') => (tab ? `/rules?tab=${encodeURIComponent(tab)}` : '/rules'),
  /** The Metrics page with its choices (`?metric=nps&range=…`). */
  metrics: (search = '') => `/evaluate/metrics${search}`,
  league: (search = '') => `/evaluate/league${search}`,
  drivers: (search = '') => `/evaluate/drivers${search}`,
  beforeAfter: (search = '') => `/evaluate/before-after${search}`,
  ideas: (status = '') => (status ? `/ideas?status=${encodeURIComponent(status)}` : '/ideas'),
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  setup: () => '/setup',
};

/** Only follow same-site relative paths after login (no open redirects). */
export function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') && !next.startsWith('/setup')) {
    return next;
  }
  return paths.overview();
}
