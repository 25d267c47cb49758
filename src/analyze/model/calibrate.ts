/**
 * Temperature scaling: one divisor per head, chosen to minimise the negative log-likelihood on
 * texts held out of training, so that confidences mean what they say. It never changes which
 * label wins, only how sure the model claims to be.
 */
import { extractFeatures } from './features.js';
import { headLogits, type ModelHead } from './model.js';
import { sigmoid, softmaxInPlace } from './linear.js';
import { ALL_TOPIC_HEADS, FEEDBACK_TYPES, SENTIMENTS } from './taxonomy.js';
import type { LabelledText } from './training-data.js';

const CANDIDATES = Array.from({ length: 31 }, (_, i) => 0.5 + i * 0.1);
const EPSILON = 1e-7;

type Scorer = (logits: Float32Array, temperature: number) => number;

function fit(head: ModelHead, rows: Array<{ logits: Float32Array; loss: Scorer }>): number {
  if (rows.length === 0) return 1;
  let best = 1,
    bestLoss = Infinity;
  for (const t of CANDIDATES) {
    const loss = rows.reduce((sum, r) => sum + r.loss(r.logits, t), 0);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  return best;
}

export function fitTemperatures(
  heads: { sentiment: ModelHead; type: ModelHead; topics: ModelHead },
  heldOut: LabelledText[],
): Record<'sentiment' | 'type' | 'topics', number> {
  const sentimentRows = [],
    typeRows = [],
    topicRows = [];
  for (const item of heldOut) {
    const features = extractFeatures(item.text, item.lang);
    if (item.sentiment) {
      const target = SENTIMENTS.indexOf(item.sentiment);
      const allowed = item.sentimentBinary ? 0b101 : undefined;
      sentimentRows.push({
        logits: headLogits(heads.sentiment, features),
        loss: (l: Float32Array, t: number) =>
          -Math.log(
            softmaxInPlace(
              l.map((x) => x / t),
              allowed,
            )[target] + EPSILON,
          ),
      });
    }
    if (item.type) {
      const target = FEEDBACK_TYPES.indexOf(item.type);
      typeRows.push({
        logits: headLogits(heads.type, features),
        loss: (l: Float32Array, t: number) => -Math.log(softmaxInPlace(l.map((x) => x / t))[target] + EPSILON),
      });
    }
    if (item.topicScope && item.topics) {
      const scope = item.topicScope,
        topics = item.topics;
      topicRows.push({
        logits: headLogits(heads.topics, features),
        loss: (l: Float32Array, t: number) =>
          ALL_TOPIC_HEADS.reduce((sum, topic, k) => {
            if (!scope.includes(topic)) return sum;
            const p = sigmoid(l[k] / t);
            return sum - Math.log((topics.includes(topic) ? p : 1 - p) + EPSILON);
          }, 0),
      });
    }
  }
  // biome-ignore lint/suspicious/noFocusedTests: `fit` here fits a calibration, it is not a focused test
  return { sentiment: fit(heads.sentiment, sentimentRows), type: fit(heads.type, typeRows), topics: fit(heads.topics, topicRows) };
}
