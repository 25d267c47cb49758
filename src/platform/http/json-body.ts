// The server's one JSON body parser: Fastify's own (which refuses __proto__ and constructor
// poisoning), behind a linear scan that refuses bodies nested deeper than HTTP_LIMITS.maxJsonDepth.
// JSON.parse copes with deep nesting, but everything that walks the parsed value afterwards
// recurses, so a 60 KB body of 10,000 brackets would overflow the stack there.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';
import { HTTP_LIMITS } from './limits.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [0x5b, 0x5d, 0x7b, 0x7d];

/** The index of the quote that ends the string opened at `start` (indexOf skips text fast). */
function endOfString(text: string, start: number): number {
  let i = start;
  for (;;) {
    i = text.indexOf('"', i + 1);
    if (i === -1) return text.length;
    let backslashes = 0;
    for (let j = i - 1; text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

/** Whether brackets outside strings nest deeper than `limit` (malformed JSON is left to the parser). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = endOfString(text, i);
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

export function registerJsonBodyParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (nestsDeeperThan(body as string, HTTP_LIMITS.maxJsonDepth)) {
      done(new AppError(400, 'json_too_deep', `body: JSON may nest at most ${HTTP_LIMITS.maxJsonDepth} levels deep`, 'body'), undefined);
      return;
    }
    parse(req, body as string, done);
  });
}
