/**
 * How a text's topics are decided from the model's topic probabilities and the workspace's keyword
 * matches. A keyword match is evidence of `keywordEvidence` combined with the model's probability
 * as independent evidence (score = 1 − (1 − p_model)(1 − e)); a topic is assigned from its
 * threshold up. Thresholds and the keyword evidence of the default topics are per language and
 * chosen on the authored corpus's held-out domains (scripts/eval-topics.ts prints the values best
 * over all of them; every figure it reports uses values chosen on the other domains only). A
 * topic without an entry (custom topics, renamed keys, languages without one) uses the defaults,
 * under which one keyword match alone assigns its topic.
 */
import { modelLanguage } from '../model/features.js';

export interface TopicDecision {
  /** evidence of a keyword match: score = 1 − (1 − p_model)(1 − e) */
  keywordEvidence: number;
  /** a topic is assigned from this score up */
  threshold: number;
}

/** For any topic and language without its own values: a keyword match alone assigns the topic. */
export const DEFAULT_TOPIC_DECISION: TopicDecision = { keywordEvidence: 0.8, threshold: 0.5 };

/** Per model language (fa, ar, zh, en), per default topic key. */
export type TopicDecisions = Readonly<Record<string, Readonly<Record<string, TopicDecision>>>>;

// Chosen by `npx tsx scripts/eval-topics.ts` (best over all held-out domain groups).
export const TOPIC_DECISIONS: TopicDecisions = {};

export interface CombinedTopics {
  /** topics assigned, highest score first */
  topics: string[];
  /** combined score of every topic from 0.05 up */
  topicScores: Record<string, number>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function decisionFor(decisions: TopicDecisions, language: string, topic: string): TopicDecision {
  return decisions[modelLanguage(language)]?.[topic] ?? DEFAULT_TOPIC_DECISION;
}

/**
 * `model`: the model's probability per topic key (the delta's custom topics included);
 * `matched`: topic keys whose keywords occur in the text; `language`: the text's language.
 */
export function combineTopics(
  model: Readonly<Record<string, number>>,
  matched: { has(key: string): boolean },
  topicKeys: Iterable<string>,
  language: string,
  decisions: TopicDecisions = TOPIC_DECISIONS,
): CombinedTopics {
  const topicScores: Record<string, number> = {};
  const assigned: string[] = [];
  const own = decisions[modelLanguage(language)];
  for (const key of topicKeys) {
    const d = own?.[key] ?? DEFAULT_TOPIC_DECISION;
    const p = 1 - (1 - (model[key] ?? 0)) * (1 - (matched.has(key) ? d.keywordEvidence : 0));
    if (p >= 0.05) topicScores[key] = round(p);
    if (p >= d.threshold) assigned.push(key);
  }
  return { topics: assigned.sort((a, b) => topicScores[b] - topicScores[a]), topicScores };
}
