// Small DOM helpers. Text always goes in as text nodes: survey texts, labels and anything a
// visitor typed can never become markup.
import type { Locale } from '../types.js';
import { isRtl } from './messages.js';
import { CSS } from './styles.js';

type AttrValue = string | number | boolean | null | undefined;
type Listener = (event: Event) => void;
export type Attrs = Record<string, AttrValue | Listener>;
export type Child = Node | string | null | undefined | false;

/** `<tag attrs…>children</tag>`; `on…` attributes given functions become event listeners. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node: Element, children: Child[]): void {
  for (const child of children) if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
}

/** Replaces an element's children (text as text nodes). */
export function fill(node: Element, children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A decorative inline icon (hidden from assistive technology) drawn from one path. */
export function icon(path: string, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  const shape = document.createElementNS(SVG_NS, 'path');
  shape.setAttribute('d', path);
  svg.appendChild(shape);
  return svg;
}

let sheet: CSSStyleSheet | null = null;

/**
 * The widget's styles in a shadow root. A constructed stylesheet, shared by every piece, is not
 * inline CSS, so the widget works on pages whose Content-Security-Policy forbids inline styles;
 * browsers without constructed stylesheets (before Safari 16.4) get a <style> element.
 */
function applyStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  root.appendChild(el('style', {}, [CSS]));
}

/** One piece of the widget on the page: a host element with an open shadow root and its own styles. */
export interface Surface {
  /** The element inside the shadow root everything is drawn into; carries lang and dir. */
  box: HTMLDivElement;
  root: ShadowRoot;
  setLanguage(lang: Locale): void;
  remove(): void;
}

/**
 * Adds a shadow-rooted host to `parent`. The host is a custom element name so the page's `div`
 * rules do not match it, and `:host { all: initial !important }` in the shadow styles beats even
 * the page's `!important` rules on it (inner styles win for important declarations).
 */
export function createSurface(parent: Node, lang: Locale, className: string): Surface {
  const host = document.createElement('feedloop-widget');
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root);
  const box = el('div', { class: `fl ${className}` });
  root.appendChild(box);
  const setLanguage = (next: Locale) => {
    box.lang = next;
    box.dir = isRtl(next) ? 'rtl' : 'ltr';
  };
  setLanguage(lang);
  parent.appendChild(host);
  return { box, root, setLanguage, remove: () => host.remove() };
}

/** The element that has focus, looking inside shadow roots (the page's own widgets may use them). */
export function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Focus without scrolling the page to it (the widget's cards are fixed, the page should stay put). */
export function focus(node: HTMLElement | null | undefined): void {
  node?.focus({ preventScroll: true });
}

/** A radio drawn as a button-like chip; the real input stays for keyboards and screen readers. */
export function radioChip(name: string, value: string, text: string, checked: boolean, onChange: () => void): HTMLLabelElement {
  return el('label', { class: 'chip' }, [
    el('input', { type: 'radio', class: 'sr', name, value, checked, onchange: onChange }),
    el('span', {}, [text]),
  ]);
}
