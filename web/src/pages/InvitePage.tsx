import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { InvitationPreview } from '@feedloop/contracts/workspace';
import { adminApi } from '../api/admin';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { errorMessage } from '../lib/errors';
import { fieldErrorText, focusFirstInvalid, MIN_PASSWORD_LENGTH, type FieldErrors } from '../lib/validation';

type Fields = 'name' | 'password' | 'confirm';

/** Why a link cannot be used, in the user's language. */
function linkProblem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'invitation_used') return t('admin.invite.used');
  if (error instanceof ApiError && error.code === 'invitation_expired') return t('admin.invite.expired');
  if (error instanceof ApiError && error.status === 404) return t('admin.invite.unknown');
  return errorMessage(t, error);
}

/** /invite/<token>: the invitee chooses a name and password (or gives their existing password) and is signed in. */
export function InvitePage({ token, onAccepted }: { token: string; onAccepted: () => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Fields>>({});
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    adminApi.lookupInvitation(token).then(setPreview, setLoadError);
  }, [token]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!preview) return;
    const found: FieldErrors<Fields> = {};
    if (!preview.hasAccount) {
      if (!name.trim()) found.name = 'required';
      if (password.length < MIN_PASSWORD_LENGTH) found.password = 'passwordTooShort';
      else if (confirm !== password) found.confirm = 'passwordMismatch';
    } else if (!password) found.password = 'required';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await adminApi.acceptInvitation({ token, password, ...(preview.hasAccount ? {} : { name: name.trim() }) });
      onAccepted();
    } catch (err) {
      setError(err);
      setSubmitting(false);
    }
  }

  if (loadError !== null) {
    return (
      <AuthLayout title={t('admin.invite.title')}>
        <Alert>{linkProblem(t, loadError)}</Alert>
      </AuthLayout>
    );
  }
  if (!preview) return <Loading fullPage />;

  const field = (key: Fields, label: string, value: string, set: (v: string) => void, type: string, autoComplete: string) => (
    <Field
      label={label}
      error={fieldErrorText(t, errors[key])}
      hint={key === 'password' && !preview.hasAccount ? t('validation.passwordTooShort', { count: MIN_PASSWORD_LENGTH }) : undefined}
    >
      {(props) => (
        <input
          {...props}
          className="input"
          name={key}
          type={type}
          dir={type === 'password' ? 'ltr' : 'auto'}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => {
            set(e.target.value);
            setErrors((x) => ({ ...x, [key]: undefined }));
          }}
        />
      )}
    </Field>
  );

  return (
    <AuthLayout
      title={t('admin.invite.title')}
      intro={t(preview.hasAccount ? 'admin.invite.introExisting' : 'admin.invite.intro', {
        workspace: preview.workspaceName,
        role: t(`role.${preview.role}`),
      })}
    >
      {error !== null && (
        <Alert>
          {error instanceof ApiError && error.code === 'invalid_credentials' ? t('admin.invite.wrongPassword') : linkProblem(t, error)}
        </Alert>
      )}
      <form ref={formRef} className="form" noValidate onSubmit={submit} data-testid="invite-accept-form">
        <p>
          {t('admin.invite.email')} <bdi dir="ltr">{preview.email}</bdi>
        </p>
        {!preview.hasAccount && field('name', t('admin.invite.name'), name, setName, 'text', 'name')}
        {field(
          'password',
          t('admin.invite.password'),
          password,
          setPassword,
          'password',
          preview.hasAccount ? 'current-password' : 'new-password',
        )}
        {!preview.hasAccount && field('confirm', t('admin.invite.confirm'), confirm, setConfirm, 'password', 'new-password')}
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          {t('admin.invite.accept')}
        </button>
      </form>
    </AuthLayout>
  );
}
