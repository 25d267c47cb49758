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

  it('flips a Persian cue negated after it (کند نیست, مشکلی نداشتم), as one negation with هیچ', () => {
    expect(cues('fa', 'اصلا کند نيست.')).toEqual([[CueKind.NegatedNegative, 1]]);
    expect(cues('fa', 'بد نبود')).toEqual([[CueKind.NegatedNegative, 1]]);
    expect(cues('fa', 'هیچ مشکلی نداشتم')).toEqual([[CueKind.NegatedNegative, 1]]);
    expect(cues('fa', 'کیفیتش خوب نیست')).toEqual([[CueKind.NegatedPositive, 1]]);
    // the post-negator negated the cue before it, not the one after it
    expect(cues('fa', 'کند نیست ولی باتری ضعیفه')).toEqual([
      [CueKind.NegatedNegative, 1],
      [CueKind.Negative, 1],
    ]);
  });

  it('knows product and hotel review words in Persian and Arabic', () => {
    expect(cues('fa', 'گوشی ارزش خرید داره و خیلی روان کار میکنه').map(([k]) => k)).toContain(CueKind.Positive);
    expect(cues('fa', 'زود داغ میکنه و لگ داره').map(([k]) => k)).toEqual([CueKind.Negative, CueKind.Negative]);
    expect(cues('ar', 'الغرفة واسعة والموقع ممتاز').map(([k]) => k)).toEqual([CueKind.Positive, CueKind.Positive]);
    expect(cues('ar', 'الحمام وسخ والمكان مزعج').map(([k]) => k)).toEqual([CueKind.Negative, CueKind.Negative]);
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
