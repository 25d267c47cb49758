import { describe, it, expect } from 'vitest';
import { readScoreColumn, scoreHint } from './score-columns.js';

describe('score columns', () => {
  it('headers that name a scale, in the four languages', () => {
    expect(['NPS', 'npsScore', 'Likelihood to recommend', 'احتمال توصیه', 'ترشيح', '推荐意愿', '净推荐值'].map(scoreHint)).toEqual(
      Array(7).fill('nps'),
    );
    expect(['CSAT', 'Satisfaction', 'رضایت مشتری', 'رضايت', 'الرضا', '满意度'].map(scoreHint)).toEqual(Array(6).fill('csat'));
    expect(['CES', 'Customer effort', 'میزان تلاش', 'الجهد', '费力度'].map(scoreHint)).toEqual(Array(5).fill('ces'));
    expect(['stars', 'Star rating', 'ستاره', 'عدد النجوم', '星级'].map(scoreHint)).toEqual(Array(5).fill('rating'));
    expect(['score', 'Rating', 'امتیاز', 'نمره', 'التقييم', '评分', '分数'].map(scoreHint)).toEqual(Array(7).fill('score'));
    // "ces" inside another word is not a scale, nor is "rate" in "created".
    expect(['prices', 'services', 'created', 'comment', 'نظر', '评论'].map(scoreHint)).toEqual(Array(6).fill(null));
  });

  it('a column that only says "score" is read from its values', () => {
    expect(readScoreColumn('score', 'score', ['0', '7', '10', '']).field).toBe('nps');
    expect(readScoreColumn('score', 'score', ['۳', '۹', '8']).field).toBe('nps');
    expect(readScoreColumn('score', 'score', ['1', '6', '7']).field).toBe('ces');
    expect(readScoreColumn('score', 'score', [1, 4, 5, 'n/a']).field).toBe('rating');
    expect(readScoreColumn('score', 'score', ['35', '80']).field).toBeNull();
    expect(readScoreColumn('score', 'score', ['good', 'bad'])).toMatchObject({ field: null, numbers: 0 });
    // A header that names the scale keeps it; values outside it are counted for the warning.
    expect(readScoreColumn('رضایت', 'csat', ['1', '5', '9'])).toMatchObject({ field: 'csat', basis: 'name', outside: 1 });
  });
});
