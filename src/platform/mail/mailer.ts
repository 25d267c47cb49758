// Outgoing email. With SMTP_URL set, messages go to that server (nodemailer, pooled connections);
// without it they are written to the log, so a fresh install never fails on a missing server.
import net from 'node:net';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { MAIL_LIMITS } from './limits.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable across retries (`<id@host>`), so receivers can drop a duplicate. */
  messageId: string;
  headers?: Record<string, string>;
}

export type MailResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(mail: OutgoingMail): Promise<MailResult>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      kind: 'log',
      async send(mail) {
        log.info(
          { to: mail.to, subject: mail.subject, messageId: mail.messageId, text: mail.text },
          'email (SMTP_URL not set: logged, not sent)',
        );
        return { ok: true };
      },
      close() {},
    };
  }
  const url = new URL(config.smtpUrl);
  const secure = url.protocol === 'smtps:';
  // nodemailer is loaded with the first message, not at every start of a process that may send none.
  let transport: Promise<Transporter> | undefined;
  const connect = (nodemailer: typeof import('nodemailer')) =>
    nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // Loopback relays in development and tests often speak plain SMTP.
      ignoreTLS: url.searchParams.get('tls') === 'off',
      pool: true,
      maxConnections: MAIL_LIMITS.poolConnections,
      connectionTimeout: MAIL_LIMITS.timeoutMs,
      greetingTimeout: MAIL_LIMITS.timeoutMs,
      socketTimeout: MAIL_LIMITS.timeoutMs,
      // Nodemailer's own sockets keep Nagle's algorithm on: the short end of each message (".")
      // then waits for the relay's delayed ACK, about 40 ms, which capped a worker at ~20 emails/s.
      // The pool's connections are opened here instead, with TCP_NODELAY (TLS still follows from
      // smtps:// or STARTTLS on top of them).
      getSocket: (_options, callback) => {
        const socket = net.connect({ host: url.hostname, port: Number(url.port) || (secure ? 465 : 587), noDelay: true, keepAlive: true });
        const fail = (err: Error) => {
          clearTimeout(timer);
          socket.destroy();
          callback(err, null);
        };
        const timer = setTimeout(() => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })), MAIL_LIMITS.timeoutMs);
        socket.once('error', fail);
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.removeListener('error', fail);
          callback(null, { connection: socket });
        });
      },
    });
  const pool = () => (transport ??= import('nodemailer').then((m) => connect(m.default)));
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await (await pool()).sendMail({
          from: config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers,
        });
        return { ok: true };
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; message: string };
        // 5xx from the receiving server: the address is refused (a bounce); anything else may pass later.
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
        return { ok: false, permanent, reason: (e.response ?? e.message).slice(0, 500) };
      }
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
