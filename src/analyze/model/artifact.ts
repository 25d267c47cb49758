/**
 * The committed model file (src/analyze/model/artifacts/analysis-model.bin.gz): gzip of
 *   "FLAM1" | u32 header length | header JSON | per head: int8 weights | commonness bytes
 * Weights are μ-law quantised to one signed byte (relative error ≈1 % for the weights that
 * matter; tiny ones become 0 and compress away), which keeps the file a few MB and the loaded
 * model ≈22 MB of memory instead of 88 MB of float32. Loading is synchronous: one gunzip.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { HeadKind } from './linear.js';
import type { AnalysisModel, ModelHead } from './model.js';

const MAGIC = 'FLAM1';
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
  const parts: Buffer[] = [];
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
    parts.push(Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength));
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
    parts.push(Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength));
  }
  const header = Buffer.from(JSON.stringify({ dim: model.dim, heads } satisfies Header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const body = Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, header, ...parts, Buffer.from(model.featureCommonness)]);
  return gzipSync(body, { level: 9 });
}

/**
 * Inverse of encodeModel; weights stay quantised (decoded per lookup, see model.ts) and the
 * heads' per-head blocks are interleaved per bucket into one array (QuantizedWeights).
 */
export function decodeModel(gzipped: Uint8Array): AnalysisModel {
  return decodeModelBody(gunzipSync(gzipped));
}

/** decodeModel after the gunzip (which the start-up warm-up runs off the event loop). */
export function decodeModelBody(body: Buffer): AnalysisModel {
  if (body.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not an analysis model file');
  const headerLength = body.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const header = JSON.parse(body.subarray(offset, offset + headerLength).toString('utf8')) as Header;
  offset += headerLength;
  const heads = {} as Record<HeadHeader['name'], ModelHead>;
  const stride = header.heads.reduce((sum, h) => sum + h.outputs.length, 0);
  const codes = new Int8Array(header.dim * stride);
  let column = 0;
  for (const h of header.heads) {
    const K = h.outputs.length;
    const block = new Int8Array(body.buffer, body.byteOffset + offset, header.dim * K);
    // Element by element: a subarray per bucket would allocate millions of views.
    for (let b = 0, from = 0, to = column; b < header.dim; b++, from += K, to += stride)
      for (let k = 0; k < K; k++) codes[to + k] = block[from + k];
    heads[h.name] = {
      kind: h.kind,
      outputs: h.outputs,
      weights: { codes, table: decodeTable(h.maxAbs), stride, offset: column },
      temperature: h.temperature,
      ...(h.languageBias ? { languageBias: h.languageBias } : {}),
    };
    offset += block.length;
    column += K;
  }
  const featureCommonness = new Uint8Array(body.subarray(offset, offset + header.dim));
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
