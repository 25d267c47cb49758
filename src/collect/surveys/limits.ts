// Survey limits, each with why.
import { SURVEY_CONTENT_LIMITS } from '../../contracts/surveys.js';

export const SURVEY_LIMITS = {
  /** Texts, answers, questions and options: shared with the dashboard and the widget. */
  ...SURVEY_CONTENT_LIMITS,
  /** Personal and email links stay valid this long: a survey answered two months later says little. */
  personalLinkDays: 60,
  /** Form posts of the link page: a short answer set, not an upload. */
  formBodyBytes: 64 * 1024,
  /**
   * Link page submissions per IP and minute. A respondent answers a few questions a minute, but
   * many share one address (mobile carriers' NAT, an office answering an internal survey): the
   * limit stops floods, not people. Tokens are 128-bit, so guessing is not what it guards.
   */
  submitsPerMinute: 600,
  /** Entries of a pasted recipient list: a few thousand customers; larger audiences are a saved segment. */
  maxListEntries: 5_000,
  /** One entry of a pasted list: an email address, phone number or external id, not a paragraph. */
  maxListEntryLength: 200,
  /** Characters of a pasted list: 5,000 entries of up to 80 characters. */
  maxListChars: 400_000,
  /**
   * Customers one send reaches (a whole segment): they are queued in one transaction, so a send
   * is all or nothing, and 10,000 sends with their jobs commit in a few seconds.
   */
  maxRecipients: 10_000,
} as const;
