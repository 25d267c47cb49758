// Emerging themes over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { THEME_LIMITS } from './limits.js';
import { ZListThemesQuery, ZPromoteThemeInput } from './themes.input.js';
import { listThemes, promoteTheme } from './themes.service.js';

const tags = ['themes'];
// Grouped by hand: Intl's first use loads locale data, which is the warm-up's job, not the start's.
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const cap = grouped(THEME_LIMITS.maxItemsPerWindow);

export async function themeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/themes',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags,
        querystring: ZListThemesQuery,
        summary: 'Emerging themes: recurring phrases of recent feedback that no topic keyword covers',
        description:
          `Phrases (1–3 words; Chinese by word segmentation) found in at least ${THEME_LIMITS.minItems} items and ${THEME_LIMITS.minShare * 100} % of a language's items in the last \`days\` days, compared with the \`days\` before. ` +
          `Per language; without \`language\`, every language's themes ranked together. Themes whose items mostly have no topic come first. ` +
          `Each window reads its newest ${cap} items (\`window.capped\` says when there were more) and the first ${grouped(THEME_LIMITS.maxTextChars)} characters of each text.`,
      },
    },
    async (req) => listThemes(req.scope, req.query),
  );

  r.post(
    '/api/v1/themes/promote',
    {
      config: { permission: 'topics:manage' },
      schema: {
        tags,
        body: ZPromoteThemeInput,
        summary: 'Make a theme a topic: the phrase becomes its keyword, recent matching items its examples; past feedback is re-analysed',
      },
    },
    async (req, reply) => reply.code(201).send(await promoteTheme(req.scope, req.body, req.actor?.userId ?? null)),
  );
}
