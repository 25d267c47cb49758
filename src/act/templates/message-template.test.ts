import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import { assertTemplateVariables, renderTemplate, unknownTemplateVariables } from './message-template.js';

describe('message templates', () => {
  it('fills known variables in every script and leaves nothing for a missing value', () => {
    const text = 'سلام {{customer.name}}، درخواست {{ ticket.number }} ثبت شد. {{order.id}}';
    expect(renderTemplate(text, { 'customer.name': 'مریم', 'ticket.number': 42 })).toBe('سلام مریم، درخواست 42 ثبت شد. ');
    expect(renderTemplate('您好 {{customer.name}}', { 'customer.name': '王芳' })).toBe('您好 王芳');
  });

  it('names each unknown variable once and refuses the template with the field', () => {
    expect(unknownTemplateVariables('{{customer.nam}} {{customer.nam}} {{ticket.number}} {{}}')).toEqual(['customer.nam', '']);
    let error: unknown;
    try {
      assertTemplateVariables('Hi {{customer.first_name}}', 'body');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).message).toContain('body: unknown variable {{customer.first_name}}');
  });

  it('does not treat the value as a template again', () => {
    expect(renderTemplate('{{customer.name}}', { 'customer.name': '{{ticket.number}}', 'ticket.number': 7 })).toBe('{{ticket.number}}');
  });
});
