import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@feedloop/contracts/locales';
import { TEMPLATE_VARIABLES, unknownTemplateVariables } from '@feedloop/contracts/message-template';
import type { LocalizedMessages } from './rule-drafts';

type Part = 'subject' | 'body';

interface Props {
  messages: LocalizedMessages;
  /** The part the server refused, e.g. `fa.body` (null: none). */
  refused: string | null;
  onChange(messages: LocalizedMessages): void;
}

const RTL: readonly Locale[] = ['fa', 'ar'];

/**
 * An email's subject and body in each language, one tab per language; the customer gets theirs,
 * else English. Variables are inserted where the cursor is, and one that does not exist is
 * flagged as it is typed (the server refuses it too).
 */
export function EmailTemplateEditor({ messages, refused, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const refusedLang = refused?.split('.')[0] as Locale | undefined;
  const [lang, setLang] = useState<Locale>(refusedLang && LOCALES.includes(refusedLang) ? refusedLang : 'en');
  const [shownRefusal, setShownRefusal] = useState(refused);
  if (refused !== shownRefusal) {
    // A new refusal from the server opens the language it is about.
    setShownRefusal(refused);
    if (refusedLang && LOCALES.includes(refusedLang)) setLang(refusedLang);
  }
  const fields = useRef<Record<Part, HTMLInputElement | HTMLTextAreaElement | null>>({ subject: null, body: null });
  const lastPart = useRef<Part>('body');
  const current = messages[lang] ?? { subject: '', body: '' };
  const set = (part: Part, value: string) => onChange({ ...messages, [lang]: { ...current, [part]: value } });
  const dir = RTL.includes(lang) ? 'rtl' : 'ltr';

  const insert = (variable: string) => {
    const part = lastPart.current;
    const el = fields.current[part];
    const text = current[part];
    const at = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? at;
    const token = `{{${variable}}}`;
    set(part, text.slice(0, at) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const problem = (part: Part) => {
    const unknown = unknownTemplateVariables(current[part]);
    if (unknown.length > 0)
      return t('rules.builder.unknownVariable', {
        names: new Intl.ListFormat(i18n.language, { type: 'unit' }).format(unknown.map((v) => `{{${v}}}`)),
      });
    // A language refused as a whole (English missing) is shown on its subject.
    const named = refused === `${lang}.${part}` || (refused === lang && part === 'subject');
    return named ? t('rules.builder.refused') : null;
  };
  const part = (name: Part) => {
    const message = problem(name);
    const label = t(name === 'subject' ? 'rules.builder.subject' : 'rules.builder.emailBody');
    const common = {
      className: 'input',
      'aria-label': label,
      placeholder: label,
      dir,
      lang,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? `${name}-problem-${lang}` : undefined,
      'data-testid': `email-${name}`,
      value: current[name],
      onFocus: () => {
        lastPart.current = name;
      },
      onChange: (e: { target: { value: string } }) => set(name, e.target.value),
    };
    return (
      <div className="email-part">
        {name === 'subject' ? (
          <input
            {...common}
            ref={(el) => {
              fields.current.subject = el;
            }}
          />
        ) : (
          <textarea
            {...common}
            rows={3}
            ref={(el) => {
              fields.current.body = el;
            }}
          />
        )}
        {message && (
          <span className="field-error" id={`${name}-problem-${lang}`} data-testid="email-problem">
            {message}
          </span>
        )}
      </div>
    );
  };

  return (
    <div className="email-editor" data-testid="email-editor">
      <div className="email-langs" role="tablist" aria-label={t('rules.builder.emailLanguage')}>
        {LOCALES.map((l) => {
          const written = Boolean(messages[l]?.subject.trim() || messages[l]?.body.trim());
          return (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={l === lang}
              className={`email-lang${l === lang ? ' active' : ''}`}
              data-testid={`email-lang-${l}`}
              onClick={() => setLang(l)}
            >
              {t(`rules.builder.languages.${l}`)}
              {written && <span aria-hidden="true"> ✓</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" className="email-panel">
        {part('subject')}
        {part('body')}
        <select
          className="select"
          aria-label={t('rules.builder.insertVariable')}
          data-testid="email-variable"
          value=""
          onChange={(e) => e.target.value && insert(e.target.value)}
        >
          <option value="">{t('rules.builder.insertVariable')}</option>
          {TEMPLATE_VARIABLES.map((v) => (
            <option key={v} value={v}>
              {t(`rules.builder.variables.${v.replace('.', '_') as 'customer_name'}`)} — {`{{${v}}}`}
            </option>
          ))}
        </select>
        {lang !== 'en' && <p className="muted">{t('rules.builder.emailFallback')}</p>}
      </div>
    </div>
  );
}
