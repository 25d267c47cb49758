// Message templates with variables, shared by canned replies, rule emails and reply drafts:
// "سلام {{customer.name}}، درخواست {{ticket.number}} …". The variables are a fixed list, so a
// template naming one that does not exist is refused when saved, not sent with a hole in it.
import { AppError } from '../../platform/http/errors.js';

import {
  TEMPLATE_PLACEHOLDER,
  TEMPLATE_VARIABLES,
  isTemplateVariable,
  unknownTemplateVariables,
  type TemplateVariable,
} from '../../contracts/message-template.js';

export { TEMPLATE_VARIABLES, unknownTemplateVariables, type TemplateVariable };
export type TemplateValues = Partial<Record<TemplateVariable, string | number | null | undefined>>;

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
  return template.replace(TEMPLATE_PLACEHOLDER, (_match, name: string) => {
    const value = isTemplateVariable(name) ? values[name] : undefined;
    return value === null || value === undefined ? '' : String(value);
  });
}
