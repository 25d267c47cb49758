import { KeywordMatcher } from '../src/analyze/topics/keyword-matcher.js';
import { DEFAULT_TOPICS } from '../src/analyze/topics/default-taxonomy.js';
const m = new KeywordMatcher(DEFAULT_TOPICS);
for (const [l, t] of JSON.parse(process.argv[2]) as [string, string][]) console.log(l, t, JSON.stringify(Object.fromEntries(m.match(t, undefined, l))));
