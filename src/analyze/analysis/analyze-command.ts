// `feedloop analyze "text" …`: the shipped model and the default taxonomy on texts given as
// arguments or one per line on stdin. Needs no database and no network.
import readline from 'node:readline';
import { analyzeText, type TextAnalysis } from './analyze-text.js';
import { loadAnalysisModels } from './warm-up-analysis.js';
import { staticAnalysisContext } from './analysis-context.js';
import { DEFAULT_TOPICS } from '../topics/default-taxonomy.js';

export async function runAnalyzeCommand(texts: string[], opts: { json?: boolean; language?: string }) {
  await loadAnalysisModels();
  const ctx = staticAnalysisContext(DEFAULT_TOPICS.map((t) => ({ key: t.key, keywords: t.keywords })));
  const print = (text: string) => {
    const result = analyzeText(text, ctx, { language: opts.language });
    process.stdout.write(opts.json ? `${JSON.stringify({ text, ...result })}\n` : describe(text, result));
  };
  if (texts.length > 0) texts.forEach(print);
  else {
    for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line.trim()) print(line);
  }
}

function describe(text: string, r: TextAnalysis): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    text.length > 100 ? `${text.slice(0, 100)}…` : text,
    `  language   ${r.language} (${pct(r.languageConfidence)})`,
    `  sentiment  ${r.sentiment ? `${r.sentiment.label} ${r.sentiment.score.toFixed(2)} (${pct(r.sentiment.confidence)})` : '—'}`,
    `  type       ${r.type ? `${r.type.label} (${pct(r.type.confidence)})` : '—'}`,
    `  topics     ${r.topics.length ? r.topics.map((k) => `${k} ${pct(r.topicScores[k])}`).join(', ') : '—'}`,
  ];
  return `${lines.join('\n')}\n\n`;
}
