import { describe, expect, it } from 'vitest';
import type { Topic } from '@feedloop/contracts/analysis';
import { canManageTopics, canWriteFeedback, parseKeywords, parseLines, sameSet, topicDisplayName, topicNameByKey } from './topics';

describe('topicDisplayName', () => {
  const names = { fa: 'ارسال', en: 'Delivery', zh: '物流' };

  it('uses the UI language first', () => {
    expect(topicDisplayName(names, 'delivery', 'fa')).toEqual({ text: 'ارسال', lang: 'fa' });
    expect(topicDisplayName(names, 'delivery', 'zh')).toEqual({ text: '物流', lang: 'zh' });
  });

  it('falls back to English, then any other language, then the key', () => {
    expect(topicDisplayName(names, 'delivery', 'ar')).toEqual({ text: 'Delivery', lang: 'en' });
    expect(topicDisplayName({ zh: '价格' }, 'price', 'ar')).toEqual({ text: '价格', lang: 'zh' });
    expect(topicDisplayName({ en: '  ' }, 'price', 'en')).toEqual({ text: 'price', lang: null });
  });

  it('shows unknown keys as they are', () => {
    const topics = [{ key: 'delivery', names } as unknown as Topic];
    const name = topicNameByKey(topics, 'en');
    expect(name('delivery').text).toBe('Delivery');
    expect(name('gone')).toEqual({ text: 'gone', lang: null });
  });
});

describe('parsing lists', () => {
  it('splits keywords on Latin, Arabic and Chinese commas and new lines', () => {
    expect(parseKeywords('late, slow ،دیر رسید\n  تأخير，慢、 快递 ,late')).toEqual(['late', 'slow', 'دیر رسید', 'تأخير', '慢', '快递']);
    expect(parseKeywords(' , \n')).toEqual([]);
  });

  it('keeps commas inside examples', () => {
    expect(parseLines('Slow, very slow\n\n  دیر رسید، خیلی دیر  \r\nSlow, very slow')).toEqual(['Slow, very slow', 'دیر رسید، خیلی دیر']);
  });

  it('compares sets', () => {
    expect(sameSet(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSet(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('permissions', () => {
  it('lets agents and up correct, and only admins and owners manage topics', () => {
    expect(['owner', 'admin', 'agent', 'viewer'].map((r) => canWriteFeedback(r as 'owner'))).toEqual([true, true, true, false]);
    expect(['owner', 'admin', 'agent', 'viewer'].map((r) => canManageTopics(r as 'owner'))).toEqual([true, true, false, false]);
  });
});
