/**
 * Learns the word vectors the topic features read (src/analyze/model/learn-word-vectors.ts) and writes
 * src/analyze/model/artifacts/word-vectors.bin.gz:
 *
 *   npm run train:vectors               # also the first step of `npm run train`
 *   VECTORS_NEIGHBOURS=1 npm run train:vectors   # prints nearest words of a few probes
 *
 * Unlabelled text only (labels are never read): the texts of every public dataset's train split, the
 * hand-labelled set's train lines and the authored corpus. Deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { learnWordVectors } from '../src/analyze/model/learn-word-vectors.js';
import { loadTrainingSplits } from '../src/analyze/model/training-data.js';
import {
  decodeWordVectors,
  encodeWordVectors,
  VectorLookup,
  WORD_VECTORS_FILE,
  type WordVectors,
} from '../src/analyze/model/word-vectors.js';
import { DEFAULT_TOPICS } from '../src/analyze/topics/default-taxonomy.js';

export function topicKeywords() {
  return DEFAULT_TOPICS.map((t) => ({ key: t.key, keywords: t.keywords as Record<string, string[]> }));
}

export function trainVectors(texts: ReadonlyArray<{ text: string; lang: string }>, log?: (m: string) => void): WordVectors {
  return learnWordVectors(texts, topicKeywords(), { log });
}

export async function writeVectors(log: (m: string) => void = console.log): Promise<Uint8Array> {
  const started = performance.now();
  const texts = loadTrainingSplits().flatMap((s) => s.items);
  const vectors = trainVectors(texts, log);
  const bytes = encodeWordVectors(vectors);
  mkdirSync(path.dirname(WORD_VECTORS_FILE), { recursive: true });
  writeFileSync(WORD_VECTORS_FILE, bytes);
  log(
    `wrote ${path.relative(process.cwd(), WORD_VECTORS_FILE)} (${(bytes.length / 1e6).toFixed(2)} MB) from ${texts.length} texts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return bytes;
}

function neighbours(bytes: Uint8Array): void {
  const v = decodeWordVectors(bytes);
  const probes: Record<string, string[]> = {
    fa: ['ارسال', 'پشتیبانی', 'قیمت', 'اپلیکیشن', 'رمز', 'ersal', 'پیک'],
    ar: ['التوصيل', 'الدعم', 'السعر', 'التطبيق', 'الحساب', 'el', 'المندوب'],
    zh: ['快递', '客服', '价格', '软件', '密码', '包装'],
    en: ['delivery', 'support', 'price', 'app', 'password', 'courier', 'refund'],
  };
  for (const [lang, words] of Object.entries(probes)) {
    const l = v.languages[lang];
    if (!l) continue;
    const lookup = new VectorLookup(l, v.dim, v.topics);
    const out = new Float32Array(v.dim);
    for (const w of words) {
      if (lookup.vectorOf(w, out) === -1) continue;
      const sims = l.words.map((x, i) => {
        let s = 0;
        for (let k = 0; k < v.dim; k++) s += l.vectors[i * v.dim + k] * out[k];
        return [x, s] as const;
      });
      sims.sort((a, b) => b[1] - a[1]);
      console.log(
        `${lang} ${w}: ${sims
          .slice(1, 9)
          .map(([x, s]) => `${x} ${s.toFixed(2)}`)
          .join(', ')}`,
      );
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = await writeVectors();
  if (process.env.VECTORS_NEIGHBOURS) neighbours(bytes);
}
