// Giving a customer a compensation: kind, amount with its currency (digits in any script), a
// code, a note. Above the workspace's limit an agent's waits for approval, and the form says so.
// Mountable in one line: <CompensationForm customerId=… ticketId=… onCreated=… />.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPENSATION_KINDS, type Compensation, type CompensationKind, type CreateCompensation } from '@feedloop/contracts/act';
import { ApiError } from '../../api/client';
import { tasksApi } from '../../api/tasks';
import { errorMessage } from '../../lib/errors';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { typedNumber } from '../tasks/parse-number';

type Errors = Partial<Record<'amount' | 'currency' | 'code', string>>;

interface CompensationFormProps {
  customerId: string;
  ticketId?: string;
  onCreated?: (compensation: Compensation) => void;
}

export function CompensationForm({ customerId, ticketId, onCreated }: CompensationFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CompensationKind>('discount_code');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('');
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<Compensation | null>(null);
  const [saving, setSaving] = useState(false);

  function check(): { input: CreateCompensation | null; errors: Errors } {
    const found: Errors = {};
    const input: CreateCompensation = { customerId, ticketId, kind, note: note.trim() || null, code: code.trim() || null };
    const iso = currency.trim().toUpperCase();
    if (amount.trim()) {
      const n = typedNumber(amount);
      if (n === null || n <= 0) found.amount = t('compensations.form.amountInvalid');
      else input.amount = n;
      if (!iso) found.currency = t('compensations.form.currencyRequired');
    }
    if (iso) {
      if (!/^[A-Z]{3}$/.test(iso)) found.currency = t('compensations.form.currencyInvalid');
      else input.currency = iso;
      if (!amount.trim()) found.amount = t('compensations.form.amountInvalid');
    }
    if (kind === 'discount_code' && !code.trim()) found.code = t('compensations.form.codeRequired');
    return { input: Object.keys(found).length ? null : input, errors: found };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const { input, errors: found } = check();
    setErrors(found);
    if (!input) return;
    setSaving(true);
    try {
      const compensation = await tasksApi.createCompensation(input);
      setSaved(compensation);
      setAmount('');
      setCode('');
      setNote('');
      onCreated?.(compensation);
    } catch (error) {
      const field = error instanceof ApiError ? error.fields[0] : undefined;
      if (field === 'amount' || field === 'currency' || field === 'code') setErrors({ [field]: errorMessage(t, error) });
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card stack compensation-form" onSubmit={submit} noValidate data-testid="compensation-form">
      <h2 className="section-title">{t('compensations.form.heading')}</h2>
      <Field label={t('compensations.form.kind')}>
        {(props) => (
          <select
            {...props}
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value as CompensationKind)}
            data-testid="compensation-kind"
          >
            {COMPENSATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`act.timeline.compensationKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="compensation-money">
        <Field label={t('compensations.form.amount')} error={errors.amount}>
          {(props) => (
            <input
              {...props}
              className="input input-short"
              inputMode="decimal"
              dir="ltr"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              data-testid="compensation-amount"
            />
          )}
        </Field>
        <Field label={t('compensations.form.currency')} hint={t('compensations.form.currencyHint')} error={errors.currency}>
          {(props) => (
            <input
              {...props}
              className="input input-short"
              dir="ltr"
              maxLength={3}
              autoCapitalize="characters"
              value={currency}
              onChange={(e) => setCurrency(e.target.value)}
              data-testid="compensation-currency"
            />
          )}
        </Field>
      </div>
      <Field label={t('compensations.form.code')} error={errors.code}>
        {(props) => (
          <input
            {...props}
            className="input"
            dir="ltr"
            maxLength={100}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="compensation-code"
          />
        )}
      </Field>
      <Field label={t('compensations.form.note')}>
        {(props) => (
          <textarea
            {...props}
            className="input"
            dir="auto"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="compensation-note"
          />
        )}
      </Field>
      {failure !== null && <Alert>{errorMessage(t, failure)}</Alert>}
      {saved && (
        <p role="status" className="muted" data-testid="compensation-saved">
          {saved.status === 'pending_approval' ? t('compensations.form.pending') : t('compensations.form.recorded')}
        </p>
      )}
      <div>
        <button type="submit" className="button button-primary" disabled={saving} data-testid="compensation-submit">
          {t('compensations.form.submit')}
        </button>
      </div>
    </form>
  );
}
