// A real SMTP server on loopback for tests that send email: every message it receives, parsed
// with mailparser, in arrival order.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  /** The SMTP_URL to give the app under test. */
  readonly url: string;
  /** Every message received, in arrival order. */
  readonly inbox: ParsedMail[];
  /** The messages whose first recipient is this address. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export const firstRecipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text;

export async function startMailCatcher(): Promise<MailCatcher> {
  const inbox: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    inbox,
    to: (address) => inbox.filter((mail) => firstRecipient(mail) === address),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
