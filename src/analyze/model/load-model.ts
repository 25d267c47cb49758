/**
 * The shipped model: src/analyze/model/artifacts/analysis-model.bin.gz, read where it is committed
 * (from the sources and from the bundled server alike). The file is read at import, to derive MODEL_VERSION from its bytes,
 * and decoded on first use, so importing the module stays cheap for processes that never predict.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../platform/paths.js';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { decodeModel, decodeModelBody } from './artifact.js';
import type { AnalysisModel } from './model.js';
import { wordVectorFileBytes } from './word-vectors.js';

export const MODEL_FILE = path.join(packageRoot, 'src/analyze/model/artifacts/analysis-model.bin.gz');

let fileBytes: Uint8Array | null = existsSync(MODEL_FILE) ? readFileSync(MODEL_FILE) : null;

/**
 * First 12 hex digits of the sha256 of the artifact (and of the word vectors its topic features read,
 * word-vectors.ts): changes whenever either changes.
 */
export const MODEL_VERSION: string = fileBytes ? `analysis-${modelHash(fileBytes)}` : 'analysis-missing';

function modelHash(bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes);
  const vectors = wordVectorFileBytes();
  if (vectors) hash.update(vectors);
  return hash.digest('hex').slice(0, 12);
}

let model: AnalysisModel | null = null;

/** Whether the shipped model has been decoded (the start-up warm-up does it before any request needs it). */
export const baseModelLoaded = (): boolean => model !== null;

export function loadBaseModel(): AnalysisModel {
  if (model) return model;
  if (!fileBytes) throw new Error(`analysis model not found at ${MODEL_FILE}; run npm run train`);
  model = decodeModel(fileBytes);
  fileBytes = null; // the decoded model is all that is needed from now on
  return model;
}

const gunzipOffTheLoop = promisify(gunzip);
let loading: Promise<AnalysisModel> | null = null;

/**
 * loadBaseModel with the gunzip (most of its time) on libuv's thread pool: the start-up warm-up
 * uses it, so a request that arrives meanwhile is not held up by it.
 */
export function loadBaseModelInBackground(): Promise<AnalysisModel> {
  if (model) return Promise.resolve(model);
  loading ??= (async () => {
    if (!fileBytes) return loadBaseModel(); // reports the missing file
    const body = await gunzipOffTheLoop(fileBytes);
    model ??= decodeModelBody(body);
    fileBytes = null;
    return model;
  })();
  return loading;
}
