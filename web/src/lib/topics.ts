import { TOPIC_LANGUAGES, type Topic, type TopicLanguage, type TopicNames } from '@feedloop/contracts/analysis';
import type { Role } from '@feedloop/contracts/workspace';

/** Agents, admins and owners may correct an item's analysis; viewers only read. */
export function canWriteFeedback(role: Role): boolean {
  return role !== 'viewer';
}

/** Only admins and owners edit the taxonomy, re-analyse and retrain (the `topics:manage` scope). */
export function canManageTopics(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export interface DisplayName {
  text: string;
  /** The language of `text`, or null when it is the topic's key. */
  lang: TopicLanguage | null;
}

/** A topic's name in the UI language, else in English, else in any other language, else its key. */
export function topicDisplayName(names: TopicNames, key: string, locale: string): DisplayName {
  const order = [locale, 'en', ...TOPIC_LANGUAGES].filter((l): l is TopicLanguage => (TOPIC_LANGUAGES as readonly string[]).includes(l));
  for (const lang of order) {
    const text = names[lang]?.trim();
    if (text) return { text, lang };
  }
  return { text: key, lang: null };
}

/** Looks up topics by key; unknown keys (e.g. a topic deleted meanwhile) show as the key. */
export function topicNameByKey(topics: Topic[], locale: string): (key: string) => DisplayName {
  const byKey = new Map(topics.map((topic) => [topic.key, topic]));
  return (key) => {
    const topic = byKey.get(key);
    return topic ? topicDisplayName(topic.names, key, locale) : { text: key, lang: null };
  };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const clean = value.trim();
    if (clean && !seen.has(clean)) {
      seen.add(clean);
      out.push(clean);
    }
  }
  return out;
}

/** Keywords typed as a list: separated by commas (Latin, Arabic/Persian or Chinese) or new lines. */
export function parseKeywords(text: string): string[] {
  return unique(text.split(/[,،，、\n\r]+/));
}

/** Examples typed one per line. */
export function parseLines(text: string): string[] {
  return unique(text.split(/[\n\r]+/));
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The same elements, whatever their order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((value) => set.has(value));
}

/** Wraps user text put into a sentence in Unicode isolates, so its direction cannot scramble the sentence. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
