// The widget's SDK: state, the public calls (init, identify, track, page, setLanguage,
// showSurvey, reset), and the bridge to the renderer, which is loaded only when something is
// to be shown. Nothing here may break the host page: every failure is swallowed, every request
// has a time-out, and nothing blocks the page's own scripts.
import { LOCALES } from '@feedloop/contracts/locales';
import type { Locale, Renderer, RendererHost, Visitor, WidgetAction, WidgetConfig, WidgetSurvey } from '../types.js';
import { createOutbox } from './outbox.js';
import { createRules } from './rules.js';
import { createStore, randomId, type Store } from './storage.js';
import { createTriggers } from './triggers.js';

export interface InitOptions {
  /** The workspace's public widget key (pk_…). */
  publicKey: string;
  /** Where Feedloop runs, e.g. https://feedback.example.com */
  apiHost: string;
  /** fa, ar, zh or en; default: the customer's, else the page's language. */
  language?: string;
  /** Show the floating feedback / bug-report button. */
  button?: boolean;
}

export interface Traits {
  email?: string;
  /** The customer's language (fa, ar, zh, en). */
  locale?: string;
  /**
   * Proof from your server that this is the signed-in customer: hex HMAC-SHA256 of the external
   * id (plus "\n" and the email when you pass one) under the widget key's identity secret. Without
   * it the identity is only a claim: Feedloop keeps it on the feedback but never attaches the
   * feedback, events or answers to a customer, nor emails anyone because of it.
   */
  userHash?: string;
}

const TIMEOUT_MS = 8_000;
const EVENT_BATCH = 50;

const asLocale = (value: string | null | undefined): Locale | undefined => {
  const base = (value ?? '').slice(0, 2).toLowerCase() as Locale;
  return LOCALES.indexOf(base) >= 0 ? base : undefined;
};

interface State {
  key: string;
  api: string;
  store: Store;
  rules: ReturnType<typeof createRules>;
  /** Surveys a trigger already fired for on this page: each at most once per page. */
  fired: string[];
  /** Events tracked on this page, judged again when the surveys arrive (track() may come first). */
  pageEvents: string[];
  visitor: Visitor;
  language?: Locale;
  button: boolean;
  config?: WidgetConfig;
  onScreen?: string;
}

let state: State | undefined;
let renderer: Promise<Renderer> | undefined;
const pendingEvents: Array<Record<string, unknown>> = [];
let eventTimer: ReturnType<typeof setTimeout> | undefined;
const loadedAt = Date.now();
const triggers = createTriggers((survey) => void showIfAllowed(survey));

function request(path: string, init?: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  return fetch(`${state!.api}/api/v1/widget/${state!.key}/${path}`, { ...init, credentials: 'omit', signal: controller.signal }).finally(
    () => clearTimeout(timer),
  );
}

const outbox = () =>
  createOutbox(
    state!.store,
    async (item) => {
      try {
        const res = await request(item.action, {
          method: 'POST',
          keepalive: true,
          body: JSON.stringify(item.body),
          headers: { 'content-type': 'application/json', 'idempotency-key': item.id },
        });
        // Busy or down: later. Refused for good (any other 4xx, such as a closed survey): retrying
        // cannot help. A 409 is worth a retry only while the same call is still being processed.
        if (res.status === 409)
          return ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code === 'idempotency_in_progress'
            ? 'retry'
            : 'done';
        return res.status === 408 || res.status === 429 || res.status >= 500 ? 'retry' : 'done';
      } catch {
        return 'retry';
      }
    },
    randomId,
  );
let queue: ReturnType<typeof outbox> | undefined;

function language(): Locale {
  return state?.language ?? asLocale(document.documentElement.lang) ?? asLocale(navigator.language) ?? 'en';
}

function visitorFields(): Record<string, unknown> {
  const v = state!.visitor;
  return {
    anonymousId: v.anonymousId,
    ...(v.externalId ? { externalId: v.externalId } : {}),
    ...(v.email ? { email: v.email } : {}),
    ...(v.userHash ? { userHash: v.userHash } : {}),
  };
}

function send(action: WidgetAction, body: Record<string, unknown>) {
  if (!state) return;
  const extra =
    action === 'feedback'
      ? {
          pageUrl: location.href.slice(0, 2000),
          userAgent: navigator.userAgent.slice(0, 500),
          language: language(),
          elapsedMs: Date.now() - loadedAt,
        }
      : {};
  queue!.push(action, { ...extra, ...body, ...visitorFields() });
}

const host: RendererHost = {
  language,
  send,
  newId: randomId,
  surveyShown(surveyId) {
    state!.onScreen = surveyId;
    state!.rules.shown(surveyId);
    send('displays', { surveyId });
  },
  surveyClosed(surveyId, completed) {
    state!.onScreen = undefined;
    if (completed) state!.rules.answered(surveyId);
  },
};

function loadRenderer(): Promise<Renderer> {
  if (!renderer) {
    renderer = new Promise<Renderer>((resolve, reject) => {
      if (window.__feedloopRenderer) return resolve(window.__feedloopRenderer);
      const script = document.createElement('script');
      script.src = `${state!.api}/widget/v1/renderer.js`;
      script.async = true;
      script.onload = () => (window.__feedloopRenderer ? resolve(window.__feedloopRenderer) : reject(new Error('renderer')));
      script.onerror = () => reject(new Error('renderer'));
      document.head.appendChild(script);
    });
    // A failed load may be tried again on the next occasion.
    renderer.catch(() => (renderer = undefined));
  }
  return renderer;
}

/** Runs fn with the renderer once it is loaded; a renderer that cannot load shows nothing. */
function draw(fn: (r: Renderer) => void) {
  loadRenderer().then(
    (r) => {
      try {
        fn(r);
      } catch {
        // never break the page
      }
    },
    () => undefined,
  );
}

function showIfAllowed(survey: WidgetSurvey) {
  if (
    !state?.config ||
    state.onScreen ||
    state.fired.indexOf(survey.id) >= 0 ||
    !state.rules.allowed(survey, state.config, state.visitor.anonymousId)
  )
    return;
  state.onScreen = survey.id;
  state.fired.push(survey.id);
  setTimeout(() => draw((r) => r.showSurvey(host, survey)), survey.widget.delaySeconds * 1000);
}

async function loadConfig() {
  if (!state) return;
  const query = new URLSearchParams(visitorFields() as Record<string, string>);
  try {
    const res = await request(`config?${query}`);
    if (!res.ok) return;
    state.config = (await res.json()) as WidgetConfig;
  } catch {
    return;
  }
  triggers.set(state.config.surveys);
  triggers.page(false);
  state.pageEvents.forEach(triggers.event);
  for (const s of state.config.surveys) if (s.due) showIfAllowed(s);
}

function mountPageBlocks() {
  const blocks = Array.prototype.slice.call(
    document.querySelectorAll('[data-feedloop-helpful]:not([data-feedloop-mounted])'),
  ) as HTMLElement[];
  if (blocks.length > 0)
    draw((r) =>
      blocks.forEach((el) => {
        el.setAttribute('data-feedloop-mounted', '');
        r.mountHelpful(host, el);
      }),
    );
}

function flushEvents() {
  clearTimeout(eventTimer);
  if (!state || pendingEvents.length === 0) return;
  send('events', { events: pendingEvents.splice(0, EVENT_BATCH) });
  if (pendingEvents.length > 0) flushEvents();
}

/** A public call: does nothing before init(), and never throws into the page. */
function guarded<A extends unknown[]>(fn: (...args: A) => void, needsInit = true) {
  return (...args: A) => {
    try {
      if (state || !needsInit) fn(...args);
    } catch {
      // never break the page
    }
  };
}

export const init = guarded((options: InitOptions) => {
  if (state) return;
  const store = createStore(`fl:${options.publicKey}:`);
  const saved = store.get<Visitor>('visitor');
  state = {
    key: options.publicKey,
    api: options.apiHost.replace(/\/+$/, ''),
    store,
    rules: createRules(store),
    fired: [],
    pageEvents: [],
    visitor: saved ?? { anonymousId: randomId() },
    language: asLocale(options.language),
    button: Boolean(options.button),
  };
  store.set('visitor', state.visitor);
  queue = outbox();
  void queue.flush();
  addEventListener('pagehide', flushEvents);
  addEventListener('popstate', () => page());
  if (state.button) draw((r) => r.mountButton(host));
  mountPageBlocks();
  void loadConfig();
}, false);

export const identify = guarded((externalId: string, traits: Traits = {}) => {
  const s = state!;
  // The server trims the id, and the hash must be over what it verifies.
  s.visitor = {
    anonymousId: s.visitor.anonymousId,
    externalId: String(externalId).trim(),
    ...(traits.email ? { email: traits.email } : {}),
    ...(traits.userHash ? { userHash: String(traits.userHash) } : {}),
  };
  s.store.set('visitor', s.visitor);
  s.language = s.language ?? asLocale(traits.locale);
  // The customer's own segment and history decide what they may see.
  void loadConfig();
});

export const track = guarded((name: string, properties: Record<string, unknown> = {}) => {
  pendingEvents.push({ name, properties, occurredAt: new Date().toISOString() });
  if (pendingEvents.length >= EVENT_BATCH) flushEvents();
  else if (!eventTimer)
    eventTimer = setTimeout(() => {
      eventTimer = undefined;
      flushEvents();
    }, 1_000);
  state!.pageEvents.push(name);
  triggers.event(name);
});

export const page = guarded(() => {
  state!.fired = [];
  state!.pageEvents = [];
  triggers.page(true);
  mountPageBlocks();
});

export const setLanguage = guarded((lang: string) => {
  state!.language = asLocale(lang);
  if (renderer) draw((r) => r.relabel(host));
});

export const showSurvey = guarded((surveyId: string) => {
  if (state!.onScreen) return;
  request(`surveys/${encodeURIComponent(surveyId)}`)
    .then((res) => (res.ok ? res.json() : undefined))
    .then(
      (survey?: WidgetSurvey) => {
        if (!survey || state!.onScreen) return;
        state!.onScreen = survey.id;
        draw((r) => r.showSurvey(host, survey));
      },
      () => undefined,
    );
});

/** Opens the feedback / bug-report form. */
export const openFeedback = guarded((kind?: 'feedback' | 'bug' | 'idea' | 'question') => draw((r) => r.openFeedback(host, kind)));

/** Forgets the visitor (log-out): a new anonymous id, no identity, nothing on screen. */
export const reset = guarded(() => {
  const s = state!;
  flushEvents();
  s.visitor = { anonymousId: randomId() };
  s.store.set('visitor', s.visitor);
  s.store.remove('seen');
  s.store.remove('last');
  s.onScreen = undefined;
  s.fired = [];
  s.pageEvents = [];
  if (renderer) draw((r) => r.unmount());
  if (s.button) draw((r) => r.mountButton(host));
  // The helpful blocks were removed with everything else: draw them again for the new visitor.
  document.querySelectorAll('[data-feedloop-mounted]').forEach((el) => el.removeAttribute('data-feedloop-mounted'));
  mountPageBlocks();
  void loadConfig();
});
