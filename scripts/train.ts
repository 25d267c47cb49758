/**
 * Trains the analysis model from scratch and writes src/analyze/model/artifacts/analysis-model.bin.
 *
 *   npm run train                       # datasets in ../shared/datasets
 *   DATASETS_DIR=/path npm run train
 *
 * Reads only train splits: the public datasets' train.jsonl, the `split: "train"` lines of
 * src/analyze/training-data/labelled-*.jsonl and the authored corpus
 * (src/analyze/training-data/authored/<lang>/<domain>.jsonl, all of it). Deterministic: the same data gives the same file.
 * Steps: (0) if DEFAULT_BUILD_OPTIONS.wordVectors, learn the word vectors the topic features read from the same texts, unlabelled
 * (train-vectors.ts: writes src/analyze/model/artifacts/word-vectors.bin.gz); (1) train on 90 % of the texts and fit each head's temperature on the other 10 %;
 * (2) train on everything and ship that model with those temperatures.
 */
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { encodeModel } from '../src/analyze/model/artifact.js';
import { buildModel, DEFAULT_BUILD_OPTIONS } from '../src/analyze/model/build-model.js';
import { fitTemperatures } from '../src/analyze/model/calibrate.js';
import { createRandom, shuffle } from '../src/analyze/model/linear.js';
import { MODEL_FILE } from '../src/analyze/model/load-model.js';
import { datasetsDir, loadTrainingSplits, type LabelledText } from '../src/analyze/model/training-data.js';
import { decodeWordVectors, setWordVectors, WORD_VECTORS_FILE } from '../src/analyze/model/word-vectors.js';
import { writeVectors } from './train-vectors.js';

const CALIBRATION_SHARE = 0.1;

async function main(): Promise<void> {
  const started = performance.now();
  const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const splits = loadTrainingSplits();
  if (splits.length === 0) throw new Error(`no training data found in ${datasetsDir()} (set DATASETS_DIR)`);
  for (const s of splits) console.log(`  ${s.name.padEnd(22)} ${s.items.length} texts`);
  const items: LabelledText[] = splits.flatMap((s) => s.items);

  const shuffled = [...items];
  shuffle(shuffled, createRandom(29));
  const cut = Math.floor(shuffled.length * (1 - CALIBRATION_SHARE));
  const log = (message: string): void => console.log(`  [${seconds()}] ${message}`);
  if (DEFAULT_BUILD_OPTIONS.wordVectors) {
    console.log('0/2 word vectors (unlabelled text)');
    // Features read the vectors as shipped (quantised), not the learner's floats.
    setWordVectors(decodeWordVectors(await writeVectors(log)));
  } else {
    rmSync(WORD_VECTORS_FILE, { force: true });
    setWordVectors(null);
  }
  console.log('1/2 calibration model (90 % of train)');
  const calibrationModel = await buildModel(shuffled.slice(0, cut), { log });
  const temperatures = fitTemperatures(calibrationModel, shuffled.slice(cut));
  console.log(`  temperatures: ${JSON.stringify(temperatures)}`);

  console.log('2/2 final model (all of train)');
  const model = await buildModel(items, { log });
  model.sentiment.temperature = temperatures.sentiment;
  model.type.temperature = temperatures.type;
  model.topics.temperature = temperatures.topics;
  const bytes = encodeModel(model);
  mkdirSync(path.dirname(MODEL_FILE), { recursive: true });
  writeFileSync(MODEL_FILE, bytes);
  console.log(
    `wrote ${path.relative(process.cwd(), MODEL_FILE)} (${(bytes.length / 1e6).toFixed(2)} MB) from ${items.length} texts in ${seconds()}`,
  );
}

await main();
