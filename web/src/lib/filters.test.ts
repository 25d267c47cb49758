import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filtersFromQuery,
  filtersToApiQuery,
  filtersToRecord,
  filtersToSearch,
  hasActiveFilters,
  recordToSearch,
} from './filters';

describe('feedback filters', () => {
  it('round-trips through the URL query', () => {
    const filters = {
      ...EMPTY_FILTERS,
      channel: 'email' as const,
      language: 'fa',
      sentiment: 'negative' as const,
      type: 'complaint' as const,
      scoreType: 'nps' as const,
      scoreMin: '0',
      scoreMax: '6',
      from: '2026-03-01',
      to: '2026-03-21',
      customerId: '0b5f8e3c-2a4d-4c1e-9f6a-7d8e9f0a1b2c',
      q: 'پشتیبانی کند',
    };
    const search = filtersToSearch(filters);
    expect(search).toContain('score_type=nps');
    expect(filtersFromQuery(new URLSearchParams(search))).toEqual(filters);
  });

  it('ignores unknown or malformed values', () => {
    const filters = filtersFromQuery(
      new URLSearchParams('channel=fax&score_type=x&score_min=2.5&from=yesterday&language=EN-us&sentiment=angry&type=rant'),
    );
    expect(filters).toEqual(EMPTY_FILTERS);
    expect(hasActiveFilters(filters)).toBe(false);
    expect(filtersToSearch(filters)).toBe('');
  });

  it('accepts und for feedback without a detected language', () => {
    expect(filtersFromQuery(new URLSearchParams('language=und')).language).toBe('und');
  });

  it('builds the API query with whole local days', () => {
    const query = filtersToApiQuery(
      { ...EMPTY_FILTERS, from: '2026-03-21', to: '2026-03-21', scoreMin: '5', customerId: 'not-a-uuid' },
      { limit: 50, cursor: 'abc' },
    );
    const from = new Date(query.get('from')!);
    const to = new Date(query.get('to')!);
    expect(from.getDate()).toBe(21);
    expect(from.getHours()).toBe(0);
    expect(to.getDate()).toBe(21);
    expect(to.getHours()).toBe(23);
    expect(to.getTime() - from.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(query.has('score_min')).toBe(false); // only meaningful with a score type
    expect(query.has('customer_id')).toBe(false); // the server only accepts UUIDs
    expect(query.get('limit')).toBe('50');
    expect(query.has('sentiment')).toBe(false);
    expect(query.get('cursor')).toBe('abc');
  });

  it('sends sentiment and type to the API', () => {
    const query = filtersToApiQuery({ ...EMPTY_FILTERS, sentiment: 'positive', type: 'praise', q: 'عالی' }, { limit: 50 });
    expect(query.get('sentiment')).toBe('positive');
    expect(query.get('type')).toBe('praise');
    expect(query.get('q')).toBe('عالی');
  });
});

describe('explorer filters', () => {
  const full = {
    ...EMPTY_FILTERS,
    sentiment: 'negative' as const,
    topic: 'delivery',
    product: 'کفش',
    tag: 'vip',
    assigneeId: 'none',
    hasTicket: 'true' as const,
    surveyId: '0b5f8e3c-2a4d-4c1e-9f6a-7d8e9f0a1b2c',
  };

  it('round-trips through the URL and a saved view', () => {
    expect(filtersFromQuery(new URLSearchParams(filtersToSearch(full)))).toEqual(full);
    expect(filtersFromQuery(new URLSearchParams(recordToSearch(filtersToRecord(full))))).toEqual(full);
    expect(filtersToRecord(full)).toMatchObject({ topic: 'delivery', tag: 'vip', assignee_id: 'none', has_ticket: 'true' });
  });

  it('sends them to the API and drops malformed ones', () => {
    const query = filtersToApiQuery(full, { limit: 50 });
    expect(query.get('assignee_id')).toBe('none');
    expect(query.get('survey_id')).toBe(full.surveyId);
    expect(query.get('product')).toBe('کفش');
    const bad = filtersFromQuery(new URLSearchParams('product=a,b&tag=a,b&assignee_id=bob&has_ticket=maybe&survey_id=1&segment=x'));
    expect(bad).toEqual(EMPTY_FILTERS);
  });
});
