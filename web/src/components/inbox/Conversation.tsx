// A ticket's conversation, oldest first: replies (with how their email fared) and internal notes
// (marked as such, with the teammates they mention).
import { useTranslation } from 'react-i18next';
import type { TicketMessage } from '@feedloop/contracts/inbox';
import { useFormat } from '../../lib/useFormat';

export function Conversation({ messages }: { messages: TicketMessage[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="card" aria-labelledby="conversation-title">
      <h2 className="card-title" id="conversation-title">
        {t('inbox.conversation.title')}
      </h2>
      {messages.length === 0 ? (
        <p className="muted">{t('inbox.conversation.empty')}</p>
      ) : (
        <ol className="conversation" data-testid="conversation">
          {messages.map((m) => (
            <li key={m.id} className={`message message-${m.kind}`} data-testid="message" data-kind={m.kind}>
              <div className="message-meta">
                <strong>
                  <bdi>{m.authorName ?? '—'}</bdi>
                </strong>
                <span className="badge">{m.kind === 'note' ? t('inbox.conversation.internal') : t('inbox.conversation.reply')}</span>
                {m.delivery && (
                  <span className={`badge delivery-${m.delivery}`} data-testid="message-delivery">
                    {t(`inbox.conversation.delivery.${m.delivery}`)}
                  </span>
                )}
                <time dateTime={m.createdAt} className="muted">
                  {fmt.dateTime(m.createdAt)}
                </time>
              </div>
              <p className="message-body" dir="auto">
                {m.body}
              </p>
              {m.mentions.length > 0 && (
                <p className="muted" data-testid="message-mentions">
                  {t('inbox.conversation.mentioned', {
                    names: new Intl.ListFormat(i18n.language).format(m.mentions.map((x) => `\u2068${x.name}\u2069`)),
                  })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
