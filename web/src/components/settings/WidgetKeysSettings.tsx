import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WidgetKey } from '@feedloop/contracts/workspace';
import { adminApi } from '../../api/admin';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { fieldErrorText, focusFirstInvalid, serverFieldErrors, type FieldErrorCode } from '../../lib/validation';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { ConfirmButton } from './ConfirmButton';
import { CopyField } from './CopyField';
import { useLoaded } from './useLoaded';

/** One origin per line; each must be scheme://host[:port] with nothing after (as the server checks). */
export function parseOrigins(text: string): { origins: string[]; invalid: boolean } {
  const lines = text
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const origins: string[] = [];
  for (const line of lines) {
    try {
      const url = new URL(line);
      if (!['http:', 'https:'].includes(url.protocol) || url.origin !== line.replace(/\/$/, '')) return { origins, invalid: true };
      origins.push(url.origin);
    } catch {
      return { origins, invalid: true };
    }
  }
  return { origins, invalid: false };
}

/** How long the old identity secret keeps verifying after a rotation (the server's WIDGET_LIMITS.previousSecretHours). */
const ROTATION_GRACE_HOURS = 24;

/** The tag for the site's pages. The dashboard is served at PUBLIC_URL, so its origin is the one to load from. */
export const embedSnippet = (publicKey: string, base = window.location.origin) =>
  `<script src="${base}/widget/v1/loader.js" data-key="${publicKey}" async></script>`;

export function WidgetKeysSettings() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [keys, reload] = useLoaded(() => adminApi.widgetKeys().then((r) => r.data));
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [errors, setErrors] = useState<{ name?: FieldErrorCode; origins?: FieldErrorCode }>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseOrigins(origins);
    const found = { name: name.trim() ? undefined : ('required' as const), origins: parsed.invalid ? ('invalid' as const) : undefined };
    setErrors(found);
    if (found.name || found.origins) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await adminApi.createWidgetKey(name.trim(), parsed.origins);
      setName('');
      setOrigins('');
      reload();
    } catch (err) {
      setErrors({ origins: serverFieldErrors(err, ['allowedOrigins']).allowedOrigins });
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="widget-keys-create">
        <h2 id="widget-keys-create" className="card-title">
          {t('admin.widgetKeys.createTitle')}
        </h2>
        <p className="muted">{t('admin.widgetKeys.intro')}</p>
        <form ref={formRef} className="form" noValidate onSubmit={create} data-testid="widget-key-form">
          <Field label={t('admin.widgetKeys.name')} error={fieldErrorText(t, errors.name)}>
            {(props) => (
              <input
                {...props}
                className="input"
                name="name"
                dir="auto"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setErrors((x) => ({ ...x, name: undefined }));
                }}
              />
            )}
          </Field>
          <Field
            label={t('admin.widgetKeys.origins')}
            hint={t('admin.widgetKeys.originsHint')}
            error={errors.origins ? t('admin.widgetKeys.originsInvalid') : null}
          >
            {(props) => (
              <textarea
                {...props}
                className="input"
                name="origins"
                dir="ltr"
                rows={2}
                value={origins}
                onChange={(e) => {
                  setOrigins(e.target.value);
                  setErrors((x) => ({ ...x, origins: undefined }));
                }}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {t('admin.widgetKeys.create')}
            </button>
          </div>
        </form>
        {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      </section>
      {keys.state === 'loading' && <Loading />}
      {keys.state === 'error' && <LoadError error={keys.error} onRetry={reload} />}
      {keys.state === 'ready' && keys.data.length === 0 && <p className="muted">{t('admin.widgetKeys.none')}</p>}
      {keys.state === 'ready' && keys.data.map((key) => <WidgetKeyCard key={key.id} widgetKey={key} onChanged={reload} />)}
    </div>
  );
}

function WidgetKeyCard({ widgetKey, onChanged }: { widgetKey: WidgetKey; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [origins, setOrigins] = useState(widgetKey.allowedOrigins.join('\n'));
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revoked = widgetKey.revokedAt !== null;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      setEditing(false);
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  function save() {
    const parsed = parseOrigins(origins);
    setInvalid(parsed.invalid);
    if (!parsed.invalid) void run(() => adminApi.updateWidgetKey(widgetKey.id, parsed.origins));
  }

  return (
    <section className={revoked ? 'card stack revoked' : 'card stack'} data-testid="widget-key-card">
      <div className="card-head">
        <h3 className="card-title">
          <bdi>{widgetKey.name}</bdi>
        </h3>
        <span className="muted">
          {revoked
            ? t('admin.revokedOn', { date: format.date(widgetKey.revokedAt!) })
            : t('admin.createdOn', { date: format.date(widgetKey.createdAt) })}
        </span>
      </div>
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      {editing ? (
        <Field
          label={t('admin.widgetKeys.origins')}
          hint={t('admin.widgetKeys.originsHint')}
          error={invalid ? t('admin.widgetKeys.originsInvalid') : null}
        >
          {(props) => (
            <textarea
              {...props}
              className="input"
              dir="ltr"
              rows={3}
              value={origins}
              onChange={(e) => {
                setOrigins(e.target.value);
                setInvalid(false);
              }}
            />
          )}
        </Field>
      ) : (
        <p>
          {t('admin.widgetKeys.allowedOn')}{' '}
          {widgetKey.allowedOrigins.length === 0 ? (
            <span className="muted">{t('admin.widgetKeys.noOrigins')}</span>
          ) : (
            widgetKey.allowedOrigins.map((o) => (
              <code key={o} dir="ltr" className="origin">
                {o}
              </code>
            ))
          )}
        </p>
      )}
      {!revoked && (
        <CopyField label={t('admin.widgetKeys.snippet')} value={embedSnippet(widgetKey.publicKey)} multiline testId="widget-snippet" />
      )}
      {!revoked && widgetKey.identitySecret && (
        <div className="stack" data-testid="widget-identity-secret">
          <CopyField label={t('admin.widgetKeys.secret')} value={widgetKey.identitySecret} testId="widget-secret" />
          <p className="muted">{t('admin.widgetKeys.secretHint')}</p>
          {widgetKey.previousSecretExpiresAt && (
            <p className="muted" data-testid="widget-previous-secret">
              {t('admin.widgetKeys.previousValid', { date: format.dateTime(widgetKey.previousSecretExpiresAt) })}
            </p>
          )}
        </div>
      )}
      {!revoked && (
        <div className="form-actions">
          {editing ? (
            <>
              <button type="button" className="button button-primary" onClick={save}>
                {t('admin.save')}
              </button>
              <button type="button" className="button" onClick={() => setEditing(false)}>
                {t('admin.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('admin.widgetKeys.editOrigins')}
            </button>
          )}
          <ConfirmButton
            label={t('admin.widgetKeys.rotate')}
            question={t('admin.widgetKeys.rotateConfirm', { hours: format.number(ROTATION_GRACE_HOURS) })}
            onConfirm={() => void run(() => adminApi.rotateWidgetKeySecret(widgetKey.id))}
          />
          <ConfirmButton
            label={t('admin.revoke')}
            question={t('admin.widgetKeys.revokeConfirm', { name: widgetKey.name })}
            onConfirm={() => void run(() => adminApi.revokeWidgetKey(widgetKey.id))}
          />
        </div>
      )}
    </section>
  );
}
