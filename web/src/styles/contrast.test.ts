// The colour tokens of base.css, read from the file itself, against WCAG 2.2 AA: text 4.5:1 on
// every background it is drawn on, focus rings and other UI parts 3:1, in light and dark mode.
// axe-core checks the pages as drawn; this guards the tokens every page is built from.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(new URL('./base.css', import.meta.url), 'utf8');

/** The `--name: #hex` tokens of a block of CSS. */
function tokens(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1], m[2]]));
}

const light = tokens(css.slice(css.indexOf(':root'), css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = new Map([...light, ...tokens(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'), css.indexOf('[lang|="fa"]')))]);

/** WCAG relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

// [foreground, background] pairs as the stylesheets use them (badges, alerts, chips, buttons).
const TEXT_PAIRS: Array<[string, string]> = [
  ...['--text', '--muted', '--accent'].flatMap((fg) =>
    ['--bg', '--surface', '--surface-2', '--hover'].map((bg): [string, string] => [fg, bg]),
  ),
  ['--accent-text', '--accent-soft'],
  ['--on-accent', '--accent'],
  ['--on-accent', '--accent-hover'],
  ['--success', '--success-soft'],
  ['--success', '--surface'],
  ['--warning', '--warning-soft'],
  ['--warning', '--surface'],
  ['--danger', '--danger-soft'],
  ['--danger', '--surface'],
  ['--info', '--info-soft'],
  ['--text', '--success-soft'],
  ['--text', '--warning-soft'],
  ['--text', '--danger-soft'],
  ['--text', '--info-soft'],
  ['--muted', '--accent-soft'],
];
const UI_PAIRS: Array<[string, string]> = [
  ['--focus', '--bg'],
  ['--focus', '--surface'],
  ['--focus', '--surface-2'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('colour tokens in %s mode', (_mode, palette) => {
  const ratio = (fg: string, bg: string) => {
    const [a, b] = [palette.get(fg), palette.get(bg)];
    if (!a || !b) throw new Error(`base.css has no colour for ${a ? bg : fg}`);
    return Math.floor(contrast(a, b) * 100) / 100;
  };

  it('gives text at least 4.5:1 on every background it is drawn on', () => {
    const weak = TEXT_PAIRS.map(([fg, bg]) => `${fg} on ${bg}: ${ratio(fg, bg)}`).filter((line) => Number(line.split(': ')[1]) < 4.5);
    expect(weak).toEqual([]);
  });

  it('gives focus rings at least 3:1 against the page', () => {
    const weak = UI_PAIRS.map(([fg, bg]) => `${fg} on ${bg}: ${ratio(fg, bg)}`).filter((line) => Number(line.split(': ')[1]) < 3);
    expect(weak).toEqual([]);
  });
});

describe('contrast', () => {
  it('matches the WCAG formula on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
