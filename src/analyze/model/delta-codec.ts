/**
 * Binary form of a WorkspaceDelta (stored in workspace_models.weights):
 *   "FLWD1" | u32 header length | header JSON | per head: u32 buckets | f32 weights
 * Little-endian throughout; arrays are copied out on decode, so any Uint8Array (a Buffer slice
 * from the database driver, unaligned) is accepted.
 */
import type { DeltaField, DeltaHead, WorkspaceDelta } from './delta.js';

const MAGIC = 'FLWD1';

interface HeadHeader {
  field: DeltaField;
  outputs: string[];
  rows: number;
}

export function serializeDelta(delta: WorkspaceDelta): Uint8Array {
  const entries = Object.entries(delta.heads) as [DeltaField, DeltaHead][];
  const header: HeadHeader[] = entries.map(([field, head]) => ({ field, outputs: head.outputs, rows: head.buckets.length }));
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), headerBytes];
  parts[1].writeUInt32LE(headerBytes.length);
  for (const [, head] of entries) {
    const buckets = Buffer.alloc(head.buckets.length * 4);
    head.buckets.forEach((b, i) => buckets.writeUInt32LE(b, i * 4));
    const weights = Buffer.alloc(head.weights.length * 4);
    head.weights.forEach((w, i) => weights.writeFloatLE(w, i * 4));
    parts.push(buckets, weights);
  }
  return new Uint8Array(Buffer.concat(parts));
}

export function deserializeDelta(bytes: Uint8Array): WorkspaceDelta {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < MAGIC.length + 4 || buffer.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) {
    throw new Error('not a workspace delta');
  }
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const header = JSON.parse(buffer.subarray(offset, offset + headerLength).toString('utf8')) as HeadHeader[];
  offset += headerLength;
  const heads: WorkspaceDelta['heads'] = {};
  for (const { field, outputs, rows } of header) {
    const buckets = new Uint32Array(rows);
    for (let i = 0; i < rows; i++, offset += 4) buckets[i] = buffer.readUInt32LE(offset);
    const weights = new Float32Array(rows * outputs.length);
    for (let i = 0; i < weights.length; i++, offset += 4) weights[i] = buffer.readFloatLE(offset);
    heads[field] = { outputs, buckets, weights };
  }
  return { heads };
}
