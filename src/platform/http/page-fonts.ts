// The bundled fonts (Vazirmatn, Noto Sans SC) for the pages the server renders itself: the
// dashboard build emits their stylesheet under a hashed name, found once in its manifest.
import fs from 'node:fs';
import path from 'node:path';
import { webDistDir } from '../paths.js';

const ENTRY = 'src/styles/page-fonts.css';
let href: string | null | undefined;

/** `/assets/page-fonts-….css`, or null when the dashboard is not built (pages then use system fonts). */
export function pageFontsHref(): string | null {
  if (href !== undefined) return href;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(webDistDir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file?: string }
    >;
    const file = manifest[ENTRY]?.file;
    href = file ? `/${file}` : null;
  } catch {
    href = null;
  }
  return href;
}

/**
 * Font stacks for server-rendered pages: the bundled family first for the page's own script, then
 * the usual system fonts, then the other scripts' fonts, so Persian, Arabic and Chinese text all
 * have a glyph whatever the page's language.
 */
export const PAGE_FONT_STACKS = {
  latin:
    'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Vazirmatn Variable",Tahoma,"Noto Sans Arabic","Noto Sans SC Variable","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif',
  arabic:
    '"Vazirmatn Variable",Tahoma,"Noto Sans Arabic",system-ui,-apple-system,"Segoe UI","Noto Sans SC Variable","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif',
  cjk: '"Noto Sans SC Variable","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,-apple-system,"Segoe UI","Vazirmatn Variable",Tahoma,sans-serif',
} as const;

/** CSS that picks the stack from the document's language (`<html lang>`). */
export const PAGE_FONT_CSS = `body{font-family:${PAGE_FONT_STACKS.latin}}
html:lang(fa) body,html:lang(ar) body{font-family:${PAGE_FONT_STACKS.arabic}}
html:lang(zh) body{font-family:${PAGE_FONT_STACKS.cjk}}`;
