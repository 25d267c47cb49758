import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API_KEY_SCOPES, type ApiKey, type ApiKeyScope } from '@feedloop/contracts/workspace';
import { adminApi } from '../../api/admin';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { fieldErrorText, focusFirstInvalid, type FieldErrorCode } from '../../lib/validation';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { ConfirmButton } from './ConfirmButton';
import { CopyField } from './CopyField';
import { useLoaded } from './useLoaded';

/** `feedback:read` → `feedback_read`, the scope's key in the catalog. */
type ScopeKey<S> = S extends `${infer A}:${infer B}` ? `${A}_${B}` : never;
const scopeKey = (scope: ApiKeyScope) => scope.replace(':', '_') as ScopeKey<ApiKeyScope>;

export function ApiKeysSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const [keys, reload] = useLoaded(() => adminApi.apiKeys().then((r) => r.data));
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['feedback:read', 'feedback:write']);
  const [errors, setErrors] = useState<{ name?: FieldErrorCode; scopes?: boolean }>({});
  const [created, setCreated] = useState<(ApiKey & { key: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { name: name.trim() ? undefined : ('required' as const), scopes: scopes.length === 0 || undefined };
    setErrors(found);
    if (found.name || found.scopes) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      setCreated(await adminApi.createApiKey(name.trim(), scopes));
      setName('');
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  async function revoke(key: ApiKey) {
    setError(null);
    try {
      await adminApi.revokeApiKey(key.id);
    } catch (err) {
      setError(err);
    }
    reload();
  }

  const toggle = (scope: ApiKeyScope, on: boolean) => {
    setScopes((s) => API_KEY_SCOPES.filter((x) => (x === scope ? on : s.includes(x))));
    setErrors((e) => ({ ...e, scopes: undefined }));
  };

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="api-keys-create">
        <h2 id="api-keys-create" className="card-title">
          {t('admin.apiKeys.createTitle')}
        </h2>
        <p className="muted">{t('admin.apiKeys.intro')}</p>
        <form ref={formRef} className="form" noValidate onSubmit={create} data-testid="api-key-form">
          <Field label={t('admin.apiKeys.name')} error={fieldErrorText(t, errors.name)}>
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
          <fieldset
            className="scope-list"
            aria-invalid={errors.scopes ? true : undefined}
            aria-describedby={errors.scopes ? 'scopes-error' : undefined}
          >
            <legend className="field-label">{t('admin.apiKeys.scopes')}</legend>
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="checkbox">
                <input type="checkbox" name={scope} checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                {t(`admin.scopes.${scopeKey(scope)}`)}
              </label>
            ))}
            {errors.scopes && (
              <p className="field-error" id="scopes-error">
                {t('admin.apiKeys.scopesRequired')}
              </p>
            )}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {t('admin.apiKeys.create')}
            </button>
          </div>
        </form>
        {created && (
          <Alert tone="success">
            <p>{t('admin.apiKeys.created', { name: created.name })}</p>
            <CopyField label={t('admin.apiKeys.secret')} value={created.key} testId="api-key-secret" />
            <p className="warning-text">{t('admin.apiKeys.shownOnce')}</p>
          </Alert>
        )}
        {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      </section>

      <section className="card" aria-labelledby="api-keys-list">
        <h2 id="api-keys-list" className="card-title">
          {t('admin.apiKeys.listTitle')}
        </h2>
        {keys.state === 'loading' && <Loading />}
        {keys.state === 'error' && <LoadError error={keys.error} onRetry={reload} />}
        {keys.state === 'ready' &&
          (keys.data.length === 0 ? (
            <p className="muted">{t('admin.apiKeys.none')}</p>
          ) : (
            <table className="table settings-table" data-testid="api-keys-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.apiKeys.name')}</th>
                  <th scope="col">{t('admin.apiKeys.scopes')}</th>
                  <th scope="col">{t('admin.created')}</th>
                  <th scope="col">{t('admin.apiKeys.lastUsed')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((key) => (
                  <tr key={key.id} data-testid="api-key-row" className={key.revokedAt ? 'revoked' : undefined}>
                    <td>
                      <bdi>{key.name}</bdi> <code dir="ltr">{key.prefix}…</code>
                    </td>
                    <td>
                      <span className="scope-chips">
                        {key.scopes.map((s) => (
                          <code key={s} dir="ltr">
                            {s}
                          </code>
                        ))}
                      </span>
                    </td>
                    <td>{format.date(key.createdAt)}</td>
                    <td>{key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('admin.apiKeys.neverUsed')}</td>
                    <td>
                      {key.revokedAt ? (
                        <span className="muted">{t('admin.revokedOn', { date: format.date(key.revokedAt) })}</span>
                      ) : (
                        <ConfirmButton
                          label={t('admin.revoke')}
                          question={t('admin.apiKeys.revokeConfirm', { name: key.name })}
                          onConfirm={() => void revoke(key)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
    </div>
  );
}
