import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ROLES, type Invitation, type Role } from '@feedloop/contracts/workspace';
import { adminApi } from '../../api/admin';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { useSession } from '../../lib/session';
import { fieldErrorText, focusFirstInvalid, isEmail, type FieldErrorCode } from '../../lib/validation';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { ConfirmButton } from './ConfirmButton';
import { CopyField } from './CopyField';
import { useLoaded } from './useLoaded';

/** Server refusals that have their own explanation. */
function memberError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'last_owner') return t('admin.members.lastOwner');
  if (error instanceof ApiError && error.code === 'already_member') return t('admin.members.alreadyMember');
  return errorMessage(t, error);
}

export function MembersSettings({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const format = useFormat();
  const [members, reloadMembers] = useLoaded(() => adminApi.members().then((r) => r.data));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The role being saved shows at once instead of flicking back until the list reloads.
  const [saving, setSaving] = useState<{ userId: string; role: Role } | null>(null);
  useEffect(() => setSaving(null), [members]);
  // Only owners hand out or take away the owner role (the server checks it too).
  const assignable = (role: Role) => me.role === 'owner' || role !== 'owner';

  async function act(id: string, action: () => Promise<unknown>) {
    setBusy(id);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      reloadMembers();
    }
  }

  return (
    <div className="stack">
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title" className="card-title">
          {t('admin.members.title')}
        </h2>
        {error !== null && <Alert>{memberError(t, error)}</Alert>}
        {members.state === 'loading' && <Loading />}
        {members.state === 'error' && <LoadError error={members.error} onRetry={reloadMembers} />}
        {members.state === 'ready' && (
          <table className="table settings-table" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.members.name')}</th>
                <th scope="col">{t('admin.members.email')}</th>
                <th scope="col">{t('admin.members.role')}</th>
                <th scope="col">{t('admin.members.joined')}</th>
                {canManage && <th scope="col">{t('admin.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {members.data.map((m) => (
                <tr key={m.userId} data-testid="member-row">
                  <td>
                    <bdi>{m.name}</bdi>
                  </td>
                  <td>
                    <bdi dir="ltr">{m.email}</bdi>
                  </td>
                  <td>
                    {canManage && assignable(m.role) ? (
                      <select
                        className="select select-compact"
                        aria-label={t('admin.members.roleOf', { name: m.name })}
                        value={saving?.userId === m.userId ? saving.role : m.role}
                        disabled={busy === m.userId}
                        onChange={(e) => {
                          const role = e.target.value as Role;
                          setSaving({ userId: m.userId, role });
                          void act(m.userId, () => adminApi.changeRole(m.userId, role));
                        }}
                      >
                        {ROLES.filter(assignable).map((role) => (
                          <option key={role} value={role}>
                            {t(`role.${role}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`role.${m.role}`)
                    )}
                  </td>
                  <td>{format.date(m.joinedAt)}</td>
                  {canManage && (
                    <td>
                      {assignable(m.role) && m.userId !== me.user.id && (
                        <ConfirmButton
                          label={t('admin.members.remove')}
                          question={t('admin.members.removeConfirm', { name: m.name })}
                          disabled={busy === m.userId}
                          onConfirm={() => void act(m.userId, () => adminApi.removeMember(m.userId))}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canManage && <Invitations assignable={ROLES.filter(assignable)} />}
    </div>
  );
}

function Invitations({ assignable }: { assignable: Role[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, reload] = useLoaded(() => adminApi.invitations().then((r) => r.data));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [emailError, setEmailError] = useState<FieldErrorCode | undefined>();
  const [created, setCreated] = useState<(Invitation & { link: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem: FieldErrorCode | undefined = !email.trim() ? 'required' : isEmail(email) ? undefined : 'email';
    setEmailError(problem);
    if (problem) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setError(null);
    setCreated(null);
    try {
      setCreated(await adminApi.invite(email.trim(), role));
      setEmail('');
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await adminApi.revokeInvitation(id);
    } catch (err) {
      setError(err);
    }
    reload();
  }

  return (
    <section className="card stack" aria-labelledby="invite-title">
      <h2 id="invite-title" className="card-title">
        {t('admin.members.inviteTitle')}
      </h2>
      <form ref={formRef} className="inline-form" noValidate onSubmit={invite} data-testid="invite-form">
        <Field label={t('admin.members.email')} error={fieldErrorText(t, emailError)}>
          {(props) => (
            <input
              {...props}
              className="input"
              type="email"
              name="email"
              dir="ltr"
              autoComplete="off"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setEmailError(undefined);
              }}
            />
          )}
        </Field>
        <Field label={t('admin.members.role')}>
          {(props) => (
            <select {...props} className="select" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {assignable.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('admin.members.invite')}
        </button>
      </form>
      {error !== null && <Alert>{memberError(t, error)}</Alert>}
      {created && (
        <Alert tone="success">
          <p>{t('admin.members.inviteCreated', { email: created.email })}</p>
          <CopyField label={t('admin.members.inviteLink')} value={created.link} testId="invite-link" />
          <p className="muted">{t('admin.members.inviteOnce', { date: format.date(created.expiresAt) })}</p>
        </Alert>
      )}
      <h3 className="legend">{t('admin.members.pending')}</h3>
      {pending.state === 'loading' && <Loading />}
      {pending.state === 'error' && <LoadError error={pending.error} onRetry={reload} />}
      {pending.state === 'ready' &&
        (pending.data.length === 0 ? (
          <p className="muted">{t('admin.members.noPending')}</p>
        ) : (
          <ul className="settings-list" data-testid="pending-invitations">
            {pending.data.map((inv) => (
              <li key={inv.id}>
                <span dir="ltr">{inv.email}</span>
                <span>{t(`role.${inv.role}`)}</span>
                <span className="muted">{t('admin.members.expires', { date: format.date(inv.expiresAt) })}</span>
                <button type="button" className="button button-ghost" onClick={() => void revoke(inv.id)}>
                  {t('admin.members.revokeInvite')}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
