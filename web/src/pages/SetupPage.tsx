import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { Field } from '../components/Field';
import { LocaleOptions } from '../components/LanguageSwitcher';
import { currentLocale, isUiLocale } from '../i18n';
import { errorMessage } from '../lib/errors';
import { useChangeLanguage } from '../lib/useChangeLanguage';
import { MIN_PASSWORD_LENGTH, fieldErrorText, focusFirstInvalid, isEmail, serverFieldErrors, type FieldErrors } from '../lib/validation';

const FIELDS = ['organizationName', 'workspaceName', 'name', 'email', 'password', 'confirmPassword'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

const EMPTY: Values = {
  organizationName: '',
  workspaceName: '',
  name: '',
  email: '',
  password: '',
  confirmPassword: '',
};

function validate(values: Values): FieldErrors<FieldName> {
  const errors: FieldErrors<FieldName> = {};
  for (const field of FIELDS) if (!values[field].trim()) errors[field] = 'required';
  if (values.email.trim() && !isEmail(values.email)) errors.email = 'email';
  if (values.password && values.password.length < MIN_PASSWORD_LENGTH) errors.password = 'passwordTooShort';
  if (values.confirmPassword && values.confirmPassword !== values.password) errors.confirmPassword = 'passwordMismatch';
  return errors;
}

interface SetupPageProps {
  onComplete: () => Promise<void> | void;
  onAlreadySetUp: () => void;
}

export function SetupPage({ onComplete, onAlreadySetUp }: SetupPageProps) {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const alreadySetUp = submitError instanceof ApiError && submitError.code === 'already_set_up';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    setSubmitError(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSubmitting(true);
    try {
      await api.setup({
        organizationName: values.organizationName.trim(),
        workspaceName: values.workspaceName.trim(),
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: currentLocale(),
      });
      await onComplete();
    } catch (error) {
      setSubmitError(error);
      setErrors(serverFieldErrors(error, FIELDS));
      focusFirstInvalid(formRef.current);
    } finally {
      setSubmitting(false);
    }
  }

  function input(name: FieldName, type: string, autoComplete: string, label: string, hint?: string) {
    return (
      <Field label={label} hint={hint} error={fieldErrorText(t, errors[name])}>
        {(props) => (
          <input
            {...props}
            className="input"
            name={name}
            type={type}
            autoComplete={autoComplete}
            dir={type === 'email' || type === 'password' ? 'ltr' : 'auto'}
            value={values[name]}
            onChange={(event) => {
              const value = event.target.value;
              setValues((v) => ({ ...v, [name]: value }));
              setErrors((e) => ({ ...e, [name]: undefined }));
            }}
            required
          />
        )}
      </Field>
    );
  }

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')} wide>
      {submitError !== null && (
        <Alert
          action={
            alreadySetUp && (
              <button type="button" className="button" onClick={onAlreadySetUp}>
                {t('setup.goToLogin')}
              </button>
            )
          }
        >
          {errorMessage(t, submitError)}
        </Alert>
      )}
      <form ref={formRef} className="form" data-testid="setup-form" noValidate onSubmit={handleSubmit}>
        <fieldset className="fieldset">
          <legend className="legend">{t('setup.organizationSection')}</legend>
          {input('organizationName', 'text', 'organization', t('setup.organizationName'))}
          {input('workspaceName', 'text', 'off', t('setup.workspaceName'), t('setup.workspaceHint'))}
        </fieldset>
        <fieldset className="fieldset">
          <legend className="legend">{t('setup.accountSection')}</legend>
          {input('name', 'text', 'name', t('setup.name'))}
          {input('email', 'email', 'email', t('setup.email'))}
          <div className="form-row">
            {input('password', 'password', 'new-password', t('setup.password'), t('setup.passwordHint', { count: MIN_PASSWORD_LENGTH }))}
            {input('confirmPassword', 'password', 'new-password', t('setup.confirmPassword'))}
          </div>
          <Field label={t('setup.locale')}>
            {(props) => (
              <select
                {...props}
                className="select"
                name="locale"
                value={currentLocale()}
                onChange={(event) => {
                  if (isUiLocale(event.target.value)) void changeLanguage(event.target.value);
                }}
              >
                <LocaleOptions />
              </select>
            )}
          </Field>
        </fieldset>
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          {submitting ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
