/**
 * The committed model file (src/analyze/model/artifacts/analysis-model.bin):
 *   "FLAM2" | u32 header length | header JSON | int8 weights, the heads interleaved per bucket | commonness bytes
 * Weights are μ-law quantised to one signed byte (relative error ≈1 % for the weights that
 * matter), which keeps the model ≈24 MB on disk and in memory instead of 100 MB of float32.
 * The file is stored uncompressed and laid out as the model reads it, so loading it is reading
 * it: no gunzip and no copy (gzip made it 7 MB, but its gunzip and re-layout cost a third of a
 * second of CPU at every start, before the first analysis could run). Git compresses it anyway.
 */
import type { HeadKind } from './linear.js';
import type { AnalysisModel, ModelHead } from './model.js';

const MAGIC = 'FLAM2';
const MU = 255;
const LEVELS = 127;

// A language term (model.ts) is stored as one more one-output block, named after its head; `add`
// and `language` say how it enters that head's logits.
interface HeadHeader {
  name: 'sentiment' | 'type' | 'topics' | 'sentimentLanguageTerm';
  kind: HeadKind;
  outputs: string[];
  temperature: number;
  maxAbs: number;
  language?: string;
  add?: number[];
  keepOthers?: boolean;
  /** ModelHead.languageBias */
  languageBias?: Record<string, number[]>;
}
interface Header {
  dim: number;
  heads: HeadHeader[];
}

const HEAD_NAMES = ['sentiment', 'type', 'topics'] as const;

function decodeTable(maxAbs: number): Float32Array {
  const table = new Float32Array(256);
  for (let q = -LEVELS; q <= LEVELS; q++) {
    const magnitude = (maxAbs / MU) * ((1 + MU) ** (Math.abs(q) / LEVELS) - 1);
    table[q & 0xff] = Math.sign(q) * magnitude;
  }
  return table;
}

function quantize(head: ModelHead, dim: number): { codes: Int8Array; maxAbs: number } {
  if (!(head.weights instanceof Float32Array)) {
    const { codes: shared, stride, offset, table } = head.weights;
    const K = head.outputs.length;
    const codes = new Int8Array(dim * K);
    for (let b = 0; b < dim; b++) codes.set(shared.subarray(b * stride + offset, b * stride + offset + K), b * K);
    return { codes, maxAbs: table[LEVELS] };
  }
  const weights = head.weights;
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const codes = new Int8Array(weights.length);
  if (maxAbs === 0) return { codes, maxAbs: 1 };
  const denominator = Math.log1p(MU);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    codes[i] = Math.sign(w) * Math.round((LEVELS * Math.log1p((MU * Math.abs(w)) / maxAbs)) / denominator);
  }
  return { codes, maxAbs };
}

export function encodeModel(model: AnalysisModel): Buffer {
  const blocks: Array<{ codes: Int8Array; K: number }> = [];
  const heads: HeadHeader[] = [];
  for (const name of HEAD_NAMES) {
    const head = model[name];
    const { codes, maxAbs } = quantize(head, model.dim);
    const languageBias = head.languageBias ? Object.fromEntries(Object.entries(head.languageBias).map(([l, b]) => [l, [...b]])) : undefined;
    heads.push({
      name,
      kind: head.kind,
      outputs: [...head.outputs],
      temperature: head.temperature,
      maxAbs,
      ...(languageBias ? { languageBias } : {}),
    });
    blocks.push({ codes, K: head.outputs.length });
  }
  const term = model.sentiment.languageTerm;
  if (term) {
    const { codes, maxAbs } = quantize({ kind: 'sigmoid', outputs: [term.language], weights: term.weights, temperature: 1 }, model.dim);
    heads.push({
      name: 'sentimentLanguageTerm',
      kind: 'sigmoid',
      outputs: [term.language],
      temperature: 1,
      maxAbs,
      language: term.language,
      add: [...term.add],
      keepOthers: term.keepOthers,
    });
    blocks.push({ codes, K: 1 });
  }
  // The heads' blocks interleaved per bucket, as the model reads them (QuantizedWeights).
  const stride = blocks.reduce((sum, b) => sum + b.K, 0);
  const interleaved = new Int8Array(model.dim * stride);
  let column = 0;
  for (const { codes, K } of blocks) {
    for (let b = 0, from = 0, to = column; b < model.dim; b++, from += K, to += stride)
      for (let k = 0; k < K; k++) interleaved[to + k] = codes[from + k];
    column += K;
  }
  const header = Buffer.from(JSON.stringify({ dim: model.dim, heads } satisfies Header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return Buffer.concat([
    Buffer.from(MAGIC, 'latin1'),
    length,
    header,
    Buffer.from(interleaved.buffer, interleaved.byteOffset, interleaved.byteLength),
    Buffer.from(model.featureCommonness),
  ]);
}

/**
 * Inverse of encodeModel, without copying: the weights stay quantised (decoded per lookup, see
 * model.ts) and are a view of the file's bytes, already interleaved as the model reads them.
 */
export function decodeModel(file: Uint8Array): AnalysisModel {
  const body = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (body.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not an analysis model file (FLAM2)');
  const headerLength = body.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const header = JSON.parse(body.subarray(offset, offset + headerLength).toString('utf8')) as Header;
  offset += headerLength;
  const heads = {} as Record<HeadHeader['name'], ModelHead>;
  const stride = header.heads.reduce((sum, h) => sum + h.outputs.length, 0);
  const codes = new Int8Array(body.buffer, body.byteOffset + offset, header.dim * stride);
  offset += codes.length;
  let column = 0;
  for (const h of header.heads) {
    heads[h.name] = {
      kind: h.kind,
      outputs: h.outputs,
      weights: { codes, table: decodeTable(h.maxAbs), stride, offset: column },
      temperature: h.temperature,
      ...(h.languageBias ? { languageBias: h.languageBias } : {}),
    };
    column += h.outputs.length;
  }
  const featureCommonness = new Uint8Array(body.buffer, body.byteOffset + offset, header.dim);
  if (offset + header.dim !== body.length) throw new Error('analysis model file is truncated or too long');
  const termHeader = header.heads.find((h) => h.name === 'sentimentLanguageTerm');
  if (termHeader)
    heads.sentiment.languageTerm = {
      language: termHeader.language!,
      weights: heads.sentimentLanguageTerm.weights,
      add: termHeader.add!,
      keepOthers: termHeader.keepOthers,
    };
  return { dim: header.dim, sentiment: heads.sentiment, type: heads.type, topics: heads.topics, featureCommonness };
}
