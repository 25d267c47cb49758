/**
 * The shipped model: src/analyze/model/artifacts/analysis-model.bin, read where it is committed
 * (from the sources and from the bundled server alike). The file is read at import, to derive
 * MODEL_VERSION from its bytes; the model is a view of those bytes (artifact.ts), so loading it
 * costs next to nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../platform/paths.js';
import { decodeModel } from './artifact.js';
import type { AnalysisModel } from './model.js';
import { wordVectorFileBytes } from './word-vectors.js';

export const MODEL_FILE = path.join(packageRoot, 'src/analyze/model/artifacts/analysis-model.bin');

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
  fileBytes = null; // the model holds the bytes it needs
  return model;
}

/**
 * loadBaseModel for the start-up warm-up and every analysis, which await it: the same call since
 * the model loads without decoding, kept asynchronous for callers that must not care.
 */
export async function loadBaseModelInBackground(): Promise<AnalysisModel> {
  return loadBaseModel();
}
