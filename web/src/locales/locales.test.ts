import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs';

type Catalog = { [key: string]: string | Catalog };

const catalogs: Record<string, Catalog> = CATALOGS;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Groups plural variants (`x_one`, `x_other`, …) under their base key. */
function byBaseKey(flat: Map<string, string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, value] of flat) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const form = match ? match[1] : '';
    if (!out.has(base)) out.set(base, new Map());
    out.get(base)!.set(form, value);
  }
  return out;
}

function variables(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]));
}

const reference = byBaseKey(flatten(CATALOGS.en));

describe.each(Object.keys(catalogs))('%s catalog', (lang) => {
  const flat = flatten(catalogs[lang]);
  const grouped = byBaseKey(flat);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

  it('has every key of en', () => {
    const missing = [...reference.keys()].filter((key) => !grouped.has(key));
    expect(missing).toEqual([]);
  });

  it('has no key that en lacks', () => {
    const extra = [...grouped.keys()].filter((key) => !reference.has(key));
    expect(extra).toEqual([]);
  });

  it('has no empty values', () => {
    const empty = [...flat].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it(`has exactly the plural forms ${lang} needs`, () => {
    for (const [key, forms] of grouped) {
      const isPlural = (reference.get(key)?.has('') ?? true) === false;
      if (!isPlural) {
        expect([...forms.keys()], key).toEqual(['']);
        continue;
      }
      expect([...forms.keys()].sort(), key).toEqual([...categories].sort());
    }
  });

  it('only uses interpolation variables that en uses', () => {
    for (const [key, forms] of grouped) {
      const allowed = new Set([...(reference.get(key)?.values() ?? [])].flatMap((v) => [...variables(v)]));
      for (const [form, value] of forms) {
        const unknown = [...variables(value)].filter((name) => !allowed.has(name));
        expect(unknown, `${key}${form ? `_${form}` : ''}`).toEqual([]);
      }
    }
  });
});

describe.each(['fa', 'ar'])('%s messages', (lang) => {
  it('never separate facts with a middle dot, which reads as the zero of Persian digits (۰)', () => {
    const dotted = [...flatten(catalogs[lang])].filter(([, value]) => /[·•∙⋅]/.test(value)).map(([key, value]) => `${key}: ${value}`);
    expect(dotted).toEqual([]);
  });
});
