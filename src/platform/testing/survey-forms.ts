// What a browser does with a survey page's form, for the tests: read the hidden inputs back and
// post the form, URL-encoded (repeated fields for multiple choice).
import type { TestApp } from './test-app.js';

export function hiddenFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[m[1]] = m[2].replace(/&amp;/g, '&');
  return out;
}

export function postForm(t: TestApp, url: string, fields: Record<string, string | string[]>) {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) form.append(k, value);
  return t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
}
