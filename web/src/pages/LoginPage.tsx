import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { Field } from '../components/Field';
import { errorMessage, rateLimitMessage } from '../lib/errors';
import { useCountdown } from '../lib/useCountdown';
import { fieldErrorText, focusFirstInvalid, isEmail, type FieldErrors } from '../lib/validation';

interface LoginPageProps {
  /** The previous session ended (a request got 401). */
  expired?: boolean;
  onSignedIn: () => Promise<void> | void;
}

export function LoginPage({ expired = false, onSignedIn }: LoginPageProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'email' | 'password'>>({});
  const [error, setError] = useState<unknown>(null);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const secondsLeft = useCountdown(retryUntil);

  const rateLimited = error instanceof ApiError && (error.code === 'rate_limited' || error.status === 429);
  const blocked = rateLimited && secondsLeft > 0;

  let message: string | null = null;
  if (rateLimited) {
    if (retryUntil === null) message = rateLimitMessage(t, undefined);
    else if (blocked) message = rateLimitMessage(t, secondsLeft);
  } else if (error !== null) {
    message = errorMessage(t, error);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked) return;
    const found: FieldErrors<'email' | 'password'> = {};
    if (!email.trim()) found.email = 'required';
    else if (!isEmail(email)) found.email = 'email';
    if (!password) found.password = 'required';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await api.login(email.trim(), password);
      await onSignedIn();
    } catch (err) {
      setError(err);
      const wait = err instanceof ApiError ? err.retryAfter : undefined;
      setRetryUntil(wait !== undefined && wait > 0 ? Date.now() + wait * 1000 : null);
      if (err instanceof ApiError && err.code === 'invalid_credentials') setPassword('');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      {expired && error === null && <Alert tone="info">{t('errors.unauthorized')}</Alert>}
      {message && <Alert>{message}</Alert>}
      <form ref={formRef} className="form" data-testid="login-form" noValidate onSubmit={handleSubmit}>
        <Field label={t('login.email')} error={fieldErrorText(t, errors.email)}>
          {(props) => (
            <input
              {...props}
              className="input"
              name="email"
              type="email"
              dir="ltr"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                setErrors((e) => ({ ...e, email: undefined }));
              }}
            />
          )}
        </Field>
        <Field label={t('login.password')} error={fieldErrorText(t, errors.password)}>
          {(props) => (
            <input
              {...props}
              className="input"
              name="password"
              type="password"
              dir="ltr"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                setErrors((e) => ({ ...e, password: undefined }));
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary button-block" disabled={submitting || blocked}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
