// Whether a survey may be shown to this visitor now: the survey's display rule (once, until
// answered, every N days), percentage sampling, and the workspace-wide throttle. The server has
// already applied the segment and, for identified customers, their history in every channel.
import type { WidgetConfig, WidgetSurvey, WidgetTrigger } from '../types.js';
import type { Store } from './storage.js';

const DAY_MS = 86_400_000;
interface Seen {
  shown?: number;
  done?: boolean;
}

/** A stable draw in [0, 100) per visitor and survey: reloading never re-rolls it. */
export function sampleDraw(visitorId: string, surveyId: string): number {
  let h = 2166136261;
  for (const ch of visitorId + surveyId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 100;
}

export function urlMatches(rule: WidgetTrigger['url'], href: string): boolean {
  if (!rule) return true;
  if (rule.match === 'exact') return href === rule.value || href.replace(/\/$/, '') === rule.value.replace(/\/$/, '');
  if (rule.match === 'contains') return href.includes(rule.value);
  try {
    return new RegExp(rule.value).test(href);
  } catch {
    return false;
  }
}

export function createRules(store: Store) {
  const seen = (): Record<string, Seen> => store.get('seen') ?? {};
  const update = (id: string, change: Seen) => {
    const all = seen();
    all[id] = { ...all[id], ...change };
    store.set('seen', all);
  };
  return {
    allowed(survey: WidgetSurvey, config: WidgetConfig, visitorId: string, now = Date.now()): boolean {
      const w = survey.widget;
      const mine = seen()[survey.id] ?? {};
      if (w.display === 'once' && mine.shown) return false;
      if (w.display === 'until_answered' && mine.done) return false;
      if (w.display === 'every_n_days' && mine.shown && now - mine.shown < w.everyDays * DAY_MS) return false;
      if (sampleDraw(visitorId, survey.id) >= w.samplePercent) return false;
      const last = Math.max(store.get<number>('last') ?? 0, config.lastSurveyedAt ? Date.parse(config.lastSurveyedAt) : 0);
      return !(config.throttleDays > 0 && now - last < config.throttleDays * DAY_MS);
    },
    shown(id: string) {
      update(id, { shown: Date.now() });
      store.set('last', Date.now());
    },
    answered(id: string) {
      update(id, { done: true });
    },
  };
}
