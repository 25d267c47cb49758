// The authored corpus is hand-written data that every training reads: a malformed line, a label
// outside the guidelines' vocabulary or a text written twice would silently skew the model (the
// loader drops what it cannot read), so its shape is checked here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORED_DIR, LABELLED_DIR } from './training-data.js';
import { FEEDBACK_TYPES, PRODUCT_TOPICS, SENTIMENTS } from './taxonomy.js';

const KEYS = ['id', 'text', 'lang', 'domain', 'register', 'type', 'sentiment', 'topics'];
const REGISTERS: Record<string, string[]> = {
  fa: ['formal', 'colloquial', 'finglish'],
  ar: ['msa', 'gulf', 'egyptian', 'levantine', 'maghrebi', 'arabizi'],
  zh: ['simplified', 'traditional', 'slang'],
  en: ['review', 'chat', 'tweet', 'email'],
};

/**
 * Texts compared as a reader would: case, spacing and punctuation do not make a new text. Short
 * answers ("ok", "ممتاز", "سلام خسته نباشید") recur in real feedback of every business and may
 * recur here; a longer text written twice is a copy.
 */
const isShortAnswer = (key: string) => key.split(' ').length <= 3 && [...key].length <= 24;
const sameText = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();

function readLines(file: string): Array<Record<string, unknown>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${path.basename(file)}:${i + 1} is not JSON`);
      }
    });
}

describe('authored corpus', () => {
  for (const lang of Object.keys(REGISTERS)) {
    it(`${lang}: every line follows the format and the guidelines' labels, and no text is written twice`, () => {
      const dir = path.join(AUTHORED_DIR, lang);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
      const problems: string[] = [];
      const seen = new Map<string, string>();
      const labelled = path.join(LABELLED_DIR, `labelled-${lang}.jsonl`);
      for (const row of fs.existsSync(labelled) ? readLines(labelled) : []) seen.set(sameText(String(row.text)), String(row.id));
      let lines = 0;
      for (const file of files) {
        const domain = file.replace(/\.jsonl$/, '');
        readLines(path.join(dir, file)).forEach((row, i) => {
          lines++;
          const where = `${lang}/${file}:${i + 1}`;
          if (JSON.stringify(Object.keys(row)) !== JSON.stringify(KEYS)) problems.push(`${where}: keys ${Object.keys(row).join(',')}`);
          if (row.id !== `${lang}-${domain}-${String(i + 1).padStart(4, '0')}`) problems.push(`${where}: id ${row.id}`);
          if (row.lang !== lang || row.domain !== domain) problems.push(`${where}: lang/domain ${row.lang}/${row.domain}`);
          if (!REGISTERS[lang].includes(String(row.register))) problems.push(`${where}: register ${row.register}`);
          if (!(FEEDBACK_TYPES as readonly string[]).includes(String(row.type))) problems.push(`${where}: type ${row.type}`);
          if (!(SENTIMENTS as readonly string[]).includes(String(row.sentiment))) problems.push(`${where}: sentiment ${row.sentiment}`);
          const topics = Array.isArray(row.topics) ? (row.topics as string[]) : [];
          const canonical = PRODUCT_TOPICS.filter((t) => topics.includes(t));
          if (!Array.isArray(row.topics) || JSON.stringify(canonical) !== JSON.stringify(topics))
            problems.push(`${where}: topics ${JSON.stringify(row.topics)}`);
          if (typeof row.text !== 'string' || !row.text.trim() || row.text !== row.text.trim()) problems.push(`${where}: text`);
          const key = sameText(String(row.text));
          if (isShortAnswer(key)) return;
          if (seen.has(key)) problems.push(`${where}: same text as ${seen.get(key)}`);
          else seen.set(key, String(row.id));
        });
      }
      expect(problems).toEqual([]);
      // What the corpus promises: at least 2,500 texts over at least 15 business domains per language.
      expect(files.length).toBeGreaterThanOrEqual(15);
      expect(lines).toBeGreaterThanOrEqual(2500);
    });
  }
});
