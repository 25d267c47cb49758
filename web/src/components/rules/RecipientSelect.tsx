import { useTranslation } from 'react-i18next';
import type { RuleRecipient } from '@feedloop/contracts/rules';
import type { Member } from '@feedloop/contracts/workspace';
import type { EmailRecipient } from './rule-drafts';

const CHOICES = ['account_owner', 'topic_owner', 'round_robin', 'least_loaded'] as const;

/** The select's value for a recipient: its kind, or `user:<id>` for a named teammate. */
const choiceOf = (r: EmailRecipient) => (r === 'customer' ? 'customer' : r.kind === 'user' ? `user:${r.userId}` : r.kind);

interface Props<T extends EmailRecipient> {
  value: T;
  members: Member[];
  label: string;
  /** An email may also go to the customer or a fixed address; a task or ticket may not. */
  forEmail?: boolean;
  invalid?: boolean;
  onChange(value: T): void;
}

/** Who an action is for: a named teammate, the account or topic owner, or the inbox's assignment. */
export function RecipientSelect<T extends EmailRecipient = RuleRecipient>({
  value,
  members,
  label,
  forEmail,
  invalid,
  onChange,
}: Props<T>) {
  const { t } = useTranslation();
  const pick = (v: string) => {
    const next: EmailRecipient = v.startsWith('user:')
      ? { kind: 'user', userId: v.slice(5) }
      : v === 'customer'
        ? 'customer'
        : v === 'address'
          ? { kind: 'address', email: '' }
          : v === 'topic_owner'
            ? { kind: 'topic_owner', owners: {} }
            : { kind: v as 'account_owner' };
    onChange(next as T);
  };
  const choices = forEmail ? CHOICES.filter((c) => c === 'account_owner' || c === 'topic_owner') : CHOICES;
  return (
    <select
      className="select"
      aria-label={label}
      title={label}
      aria-invalid={invalid || undefined}
      data-testid="action-recipient"
      value={choiceOf(value)}
      onChange={(e) => pick(e.target.value)}
    >
      {forEmail && <option value="customer">{t('rules.builder.recipients.customer')}</option>}
      {choices.map((c) => (
        <option key={c} value={c}>
          {t(`rules.builder.recipients.${c}`)}
        </option>
      ))}
      {forEmail && <option value="address">{t('rules.builder.recipients.address')}</option>}
      {members.length > 0 && (
        <optgroup label={t('rules.builder.recipients.teammates')}>
          {members.map((m) => (
            <option key={m.userId} value={`user:${m.userId}`}>
              {m.name || m.email}
            </option>
          ))}
        </optgroup>
      )}
      {value !== 'customer' && value.kind === 'user' && !members.some((m) => m.userId === value.userId) && (
        <option value={`user:${value.userId}`}>{t('rules.builder.recipients.formerTeammate')}</option>
      )}
    </select>
  );
}
