/**
 * Scores a model on labelled splits: sentiment, type and topics per dataset. Binary sentiment
 * datasets (no neutral label) are scored on their two classes: the prediction is whichever of
 * negative/positive has the higher probability. Topics are multi-label: one binary F1 per topic
 * the dataset annotates, averaged.
 */
import { extractFeatures } from './features.js';
import { classificationMetrics, multiLabelMetrics, type ClassMetrics, type MultiLabelMetrics } from './metrics.js';
import { headLogits, headProbabilities, type AnalysisModel } from './model.js';
import { FEEDBACK_TYPES, SENTIMENTS } from './taxonomy.js';
import type { DatasetSplit } from './training-data.js';

export const TOPIC_THRESHOLD = 0.5;

export interface DatasetEvaluation {
  dataset: string;
  sentiment?: ClassMetrics & { binary: boolean };
  type?: ClassMetrics;
  topics?: MultiLabelMetrics;
}

function argmax(p: ArrayLike<number>, allowed?: (k: number) => boolean): number {
  let best = -1;
  for (let k = 0; k < p.length; k++) if ((!allowed || allowed(k)) && (best < 0 || p[k] > p[best])) best = k;
  return best;
}

export function evaluateModel(model: AnalysisModel, splits: DatasetSplit[]): DatasetEvaluation[] {
  return splits.map(({ name, items }) => {
    const result: DatasetEvaluation = { dataset: name };
    const sentimentTruth: string[] = [],
      sentimentPredicted: string[] = [];
    const typeTruth: string[] = [],
      typePredicted: string[] = [];
    const topicTruth: string[][] = [],
      topicPredicted: string[][] = [];
    const binary = items.some((i) => i.sentimentBinary);
    let scope: readonly string[] = [];
    for (const item of items) {
      const features = extractFeatures(item.text, item.lang);
      if (item.sentiment) {
        const p = headProbabilities(model.sentiment, headLogits(model.sentiment, features));
        const k = argmax(p, binary ? (c) => SENTIMENTS[c] !== 'neutral' : undefined);
        sentimentTruth.push(item.sentiment);
        sentimentPredicted.push(SENTIMENTS[k]);
      }
      if (item.type) {
        const p = headProbabilities(model.type, headLogits(model.type, features));
        typeTruth.push(item.type);
        typePredicted.push(FEEDBACK_TYPES[argmax(p)]);
      }
      if (item.topicScope && item.topics) {
        scope = item.topicScope;
        const p = headProbabilities(model.topics, headLogits(model.topics, features));
        topicTruth.push(item.topics);
        topicPredicted.push(model.topics.outputs.filter((t, k) => p[k] >= TOPIC_THRESHOLD && scope.includes(t)));
      }
    }
    if (sentimentTruth.length) {
      const labels = binary ? ['negative', 'positive'] : SENTIMENTS;
      result.sentiment = { ...classificationMetrics(sentimentTruth, sentimentPredicted, labels), binary };
    }
    if (typeTruth.length) result.type = classificationMetrics(typeTruth, typePredicted, FEEDBACK_TYPES);
    if (topicTruth.length) {
      const present = scope.filter((t) => topicTruth.some((ts) => ts.includes(t)));
      result.topics = multiLabelMetrics(topicTruth, topicPredicted, present);
    }
    return result;
  });
}
