/** Classification metrics for the evaluation script and the training-time checks. */

export interface ClassMetrics {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[truth][predicted] */
  confusion: Record<string, Record<string, number>>;
}

/** Accuracy and macro-F1 over `labels` (classes absent from both truth and predictions are skipped). */
export function classificationMetrics(truth: string[], predicted: string[], labels: readonly string[]): ClassMetrics {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of labels) confusion[t] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const row = (confusion[truth[i]] ??= {});
    row[predicted[i]] = (row[predicted[i]] ?? 0) + 1;
    if (truth[i] === predicted[i]) correct++;
  }
  const perClass: ClassMetrics['perClass'] = {};
  const f1s: number[] = [];
  for (const label of labels) {
    const tp = confusion[label]?.[label] ?? 0;
    const support = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    const predictedCount = Object.values(confusion).reduce((a, row) => a + (row[label] ?? 0), 0);
    if (support === 0 && predictedCount === 0) continue;
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support };
    f1s.push(f1);
  }
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    perClass,
    confusion,
  };
}

export interface MultiLabelMetrics {
  n: number;
  /** texts whose whole topic set was predicted exactly */
  exactMatch: number;
  macroF1: number;
  perLabel: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

/** Multi-label: one binary F1 per label, averaged (macro) over `labels`. */
export function multiLabelMetrics(truth: string[][], predicted: string[][], labels: readonly string[]): MultiLabelMetrics {
  const perLabel: MultiLabelMetrics['perLabel'] = {};
  for (const label of labels) {
    let tp = 0,
      fp = 0,
      fn = 0;
    for (let i = 0; i < truth.length; i++) {
      const t = truth[i].includes(label);
      const p = predicted[i].includes(label);
      if (t && p) tp++;
      else if (p) fp++;
      else if (t) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    perLabel[label] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: tp + fn };
  }
  const f1s = Object.values(perLabel).map((m) => m.f1);
  const exact = truth.filter((t, i) => t.length === predicted[i].length && t.every((x) => predicted[i].includes(x))).length;
  return {
    n: truth.length,
    exactMatch: truth.length ? exact / truth.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    perLabel,
  };
}
