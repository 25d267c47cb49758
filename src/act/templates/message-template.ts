// Message templates with variables, shared by canned replies, rule emails and reply drafts:
// "سلام {{customer.name}}، درخواست {{ticket.number}} …". The variables are a fixed list, so a
// template naming one that does not exist is refused when saved, not sent with a hole in it.
import { AppError } from '../../platform/http/errors.js';

export const TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.email',
  'order.id',
  'ticket.number',
  'ticket.subject',
  'agent.name',
  'workspace.name',
  'feedback.topics',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | number | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(TEMPLATE_VARIABLES);

/** The variables a template names that do not exist, in order of first use. */
export function unknownTemplateVariables(template: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) if (!KNOWN.has(name)) unknown.add(name);
  return [...unknown];
}

/** Refuses a template with an unknown variable: a 422 naming the field and the variable. */
export function assertTemplateVariables(template: string, field: string): void {
  const unknown = unknownTemplateVariables(template);
  if (unknown.length > 0) {
    throw new AppError(
      422,
      'unknown_template_variable',
      `${field}: unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}; known: ${TEMPLATE_VARIABLES.join(', ')}`,
      field,
    );
  }
}

/**
 * The template with its variables filled in as plain text (a missing value leaves nothing, never
 * the braces). Escaping is the output's job: HTML email escapes the result like any other text.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = KNOWN.has(name) ? values[name as TemplateVariable] : undefined;
    return value === null || value === undefined ? '' : String(value);
  });
}
