// A new follow-up task: title, assignee, a due date in the user's calendar (Jalali typed for
// Persian users; the chosen day shown in Hijri for Arabic users who count in it) or "in N
// business hours", and how long before it the assignee is reminded. Mountable anywhere in one
// line: <TaskForm customerId=… ticketId=… onCreated=… />.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateTask, Task } from '@feedloop/contracts/act';
import type { Member } from '@feedloop/contracts/workspace';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/client';
import { tasksApi } from '../../api/tasks';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { CalendarDateInput } from '../feedback/CalendarDateInput';
import { typedNumber } from './parse-number';

type DueMode = 'none' | 'on' | 'in';
type Errors = Partial<Record<'title' | 'day' | 'hours' | 'remind', string>>;

interface TaskFormProps {
  customerId?: string;
  ticketId?: string;
  onCreated?: (task: Task) => void;
}

/** The instant of a day (YYYY-MM-DD) at a time (HH:MM) on this computer's clock. */
const instantOf = (day: string, time: string) => new Date(`${day}T${time || '17:00'}`);

export function TaskForm({ customerId, ticketId, onCreated }: TaskFormProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [members, setMembers] = useState<Member[]>([]);
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [mode, setMode] = useState<DueMode>('none');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('17:00');
  const [hours, setHours] = useState('');
  const [remind, setRemind] = useState(() => fmt.number(60, { useGrouping: false }));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api
      .listMembers({ signal: abort.signal })
      .then((list) => setMembers(list.data))
      .catch(() => setMembers([]));
    return () => abort.abort();
  }, []);

  function check(): { input: CreateTask | null; errors: Errors } {
    const found: Errors = {};
    if (!title.trim()) found.title = t('tasks.form.titleRequired');
    const input: CreateTask = { title: title.trim(), assigneeId: assigneeId || null, customerId, ticketId };
    if (mode === 'on') {
      if (!day) found.day = t('tasks.form.dayRequired');
      else input.dueAt = instantOf(day, time).toISOString();
    } else if (mode === 'in') {
      const n = typedNumber(hours);
      if (n === null || n <= 0) found.hours = t('tasks.form.hoursInvalid');
      else input.dueInBusinessHours = n;
    }
    if (remind.trim() === '') input.remindMinutesBefore = null;
    else {
      const minutes = typedNumber(remind);
      if (minutes === null || !Number.isInteger(minutes)) found.remind = t('tasks.form.minutesInvalid');
      else input.remindMinutesBefore = minutes;
    }
    return { input: Object.keys(found).length ? null : input, errors: found };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    setFailure(null);
    const { input, errors: found } = check();
    setErrors(found);
    if (!input) return;
    setSaving(true);
    try {
      const task = await tasksApi.createTask(input);
      setCreated(t('tasks.form.created', { title: task.title }));
      setTitle('');
      setHours('');
      onCreated?.(task);
    } catch (error) {
      // A field the server refused is shown on that field.
      const field = error instanceof ApiError ? error.fields[0] : undefined;
      const byField: Record<string, keyof Errors> = {
        title: 'title',
        dueAt: 'day',
        dueInBusinessHours: 'hours',
        remindMinutesBefore: 'remind',
      };
      if (field && byField[field]) setErrors({ [byField[field]]: errorMessage(t, error) });
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const dueHint = mode === 'on' && day ? t('tasks.form.dueOnHint', { date: fmt.dateTime(instantOf(day, time), 'long') }) : undefined;

  return (
    <form className="card stack task-form" onSubmit={submit} noValidate data-testid="task-form">
      <h2 className="section-title">{t('tasks.form.heading')}</h2>
      <Field label={t('tasks.form.name')} error={errors.title}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="task-title"
          />
        )}
      </Field>
      <Field label={t('tasks.form.assignee')}>
        {(props) => (
          <select
            {...props}
            className="select"
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
            data-testid="task-assignee"
          >
            <option value="">{t('tasks.form.nobody')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="task-due">
        <legend className="field-label">{t('tasks.form.due')}</legend>
        {(['none', 'on', 'in'] as const).map((value) => (
          <label key={value} className="radio-label">
            <input
              type="radio"
              name="task-due"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
              data-testid={`task-due-${value}`}
            />{' '}
            {t(`tasks.form.due${value === 'none' ? 'None' : value === 'on' ? 'On' : 'In'}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'on' && (
        <div className="task-when">
          <CalendarDateInput label={t('tasks.form.day')} value={day} onChange={setDay} hint={dueHint} testId="task-day" />
          {errors.day && (
            <p className="field-error" role="alert">
              {errors.day}
            </p>
          )}
          <Field label={t('tasks.form.time')}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="time"
                dir="ltr"
                value={time}
                onChange={(e) => setTime(e.target.value)}
                data-testid="task-time"
              />
            )}
          </Field>
        </div>
      )}
      {mode === 'in' && (
        <Field label={t('tasks.form.hours')} hint={t('tasks.form.hoursHint')} error={errors.hours}>
          {(props) => (
            <input
              {...props}
              className="input input-short"
              inputMode="decimal"
              dir="ltr"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              data-testid="task-hours"
            />
          )}
        </Field>
      )}
      <Field label={t('tasks.form.remind')} hint={t('tasks.form.remindHint')} error={errors.remind}>
        {(props) => (
          <input
            {...props}
            className="input input-short"
            inputMode="numeric"
            dir="ltr"
            value={remind}
            onChange={(e) => setRemind(e.target.value)}
            data-testid="task-remind"
          />
        )}
      </Field>
      {failure !== null && <Alert>{errorMessage(t, failure)}</Alert>}
      {created && (
        <p role="status" className="muted" data-testid="task-created">
          {created}
        </p>
      )}
      <div>
        <button type="submit" className="button button-primary" disabled={saving} data-testid="task-submit">
          {t('tasks.form.submit')}
        </button>
      </div>
    </form>
  );
}
