import { describe, expect, it } from 'vitest';
import { CueKind, findSentimentCues, isNegatedVerb } from './sentiment-cues.js';
import { prepareText } from './features.js';
import { isNegationCue } from './negation.js';

function cues(language: string, text: string): Array<[CueKind, number]> {
  const { tokens, normalized } = prepareText(text);
  const out: Array<[CueKind, number]> = [];
  findSentimentCues(
    language,
    tokens,
    normalized,
    (t) => isNegationCue(language, t),
    (kind, weight) => out.push([kind, weight]),
  );
  return out;
}

describe('sentiment cues', () => {
  it('finds service failures stated as facts, in Arabic and Persian spellings alike', () => {
    expect(cues('ar', 'التوصيل متأخر')).toEqual([[CueKind.Negative, 1]]);
    expect(cues('fa', 'بسته دیر رسید')).toEqual([[CueKind.Negative, 1]]);
    expect(cues('fa', 'پشتيباني جواب نميده')).toEqual([[CueKind.Negative, 1]]);
  });

  it('flips a cue after dialect negation and counts "works" verbs only when negated', () => {
    expect(cues('ar', 'الاكل مو زين')).toEqual([[CueKind.Negative, 1]]);
    expect(cues('ar', 'الشاحن ما يشتغل')).toEqual([[CueKind.Negative, 1]]);
    expect(cues('ar', 'الشاحن يشتغل')).toEqual([]);
    expect(cues('ar', 'مش حلو خالص').map(([k]) => k)).toEqual([CueKind.Negative]);
  });

  it('recognises Egyptian/Maghrebi ما…ش and Persian negated verbs', () => {
    expect(isNegatedVerb('ar', 'ماوصلش')).toBe(true);
    expect(isNegatedVerb('ar', 'ماشي')).toBe(false);
    expect(isNegatedVerb('fa', 'نرسیده')).toBe(true);
    expect(isNegatedVerb('fa', 'نکته')).toBe(false);
  });

  it('weighs a cue more after an intensifier', () => {
    expect(cues('fa', 'خیلی کند')).toEqual([[CueKind.Negative, 1.5]]);
    expect(cues('ar', 'سيئة جدا')).toEqual([[CueKind.Negative, 1]]);
  });

  it('reads Finglish and Arabizi', () => {
    expect(cues('fa', 'kheili kharab bood')).toEqual([[CueKind.Negative, 1.5]]);
    expect(cues('ar', 'el app msh shaghal')).toEqual([[CueKind.Negative, 1]]);
  });

  it('is silent for languages without lists in use', () => {
    expect(cues('en', 'terrible service')).toEqual([]);
    expect(cues('zh', '太差了')).toEqual([]);
  });
});
