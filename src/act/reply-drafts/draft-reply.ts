// The reply a rule drafts for a bad public review: calm, apologetic, not defensive, in the
// review's own language, naming the complaint topics the analysis found and offering a concrete
// next step. It says only what is known (the customer's name, the topics, the workspace's name),
// never a promise or a fact about the case. A workspace may replace the wording per language and
// topic (reply_templates); the draft waits for an agent to edit, approve or discard it.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { topics } from '../../analyze/topics/topics.tables.js';
import { LOCALES, type Locale } from '../../contracts/locales.js';
import { renderTemplate } from '../templates/message-template.js';
import type { CustomerRow, FeedbackRow } from '../rules/rule-facts.js';
import { replyDrafts, replyTemplates } from './reply-drafts.tables.js';

interface Wording {
  greeting: (name: string | null) => string;
  thanks: string;
  sorryAbout: string;
  sorryGeneral: string;
  nextStep: string;
  signOff: string;
  list: (names: string[]) => string;
}

const join = (names: string[], comma: string, and: string) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(comma)}${and}${names[names.length - 1]}`;

/** The shipped wording per language; `{{feedback.topics}}` and `{{workspace.name}}` are filled in. */
export const SHIPPED_REPLY_WORDING: Record<Locale, Wording> = {
  en: {
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    thanks: 'Thank you for taking the time to tell us about your experience.',
    sorryAbout: 'We are sorry it fell short, especially with {{feedback.topics}}. That is not what we want for you.',
    sorryGeneral: 'We are sorry it fell short. That is not what we want for you.',
    nextStep:
      'We would like to put this right: please reply to this message or contact our support team with your order details, and one of us will look into it personally and get back to you.',
    signOff: 'Kind regards,\n{{workspace.name}}',
    list: (names) => join(names, ', ', ' and '),
  },
  fa: {
    greeting: (name) => (name ? `${name} عزیز، سلام.` : 'سلام،'),
    thanks: 'از اینکه وقت گذاشتید و تجربه‌تان را با ما در میان گذاشتید سپاسگزاریم.',
    sorryAbout: 'متأسفیم که این بار انتظارتان برآورده نشد، به‌ویژه در مورد {{feedback.topics}}. این تجربه‌ای نیست که برای شما می‌خواهیم.',
    sorryGeneral: 'متأسفیم که این بار انتظارتان برآورده نشد. این تجربه‌ای نیست که برای شما می‌خواهیم.',
    nextStep:
      'دوست داریم این را جبران کنیم: لطفاً به همین پیام پاسخ دهید یا با جزئیات سفارشتان با پشتیبانی ما تماس بگیرید تا یکی از همکاران ما شخصاً پیگیری کند و با شما تماس بگیرد.',
    signOff: 'با احترام،\n{{workspace.name}}',
    list: (names) => join(names, '، ', ' و '),
  },
  ar: {
    greeting: (name) => (name ? `مرحباً ${name}،` : 'مرحباً،'),
    thanks: 'شكراً لك على وقتك وعلى مشاركتنا تجربتك.',
    sorryAbout: 'نأسف لأنها لم تكن على مستوى توقعاتك، وخاصةً فيما يتعلق بـ{{feedback.topics}}. هذه ليست التجربة التي نريدها لك.',
    sorryGeneral: 'نأسف لأنها لم تكن على مستوى توقعاتك. هذه ليست التجربة التي نريدها لك.',
    nextStep:
      'نودّ أن نصلح ذلك: يُرجى الرد على هذه الرسالة أو التواصل مع فريق الدعم مع تفاصيل طلبك، وسيتابع أحد أعضاء فريقنا الأمر شخصياً ويعود إليك.',
    signOff: 'مع خالص التحية،\n{{workspace.name}}',
    list: (names) => join(names, '، ', ' و'),
  },
  zh: {
    greeting: (name) => (name ? `${name}，您好：` : '您好：'),
    thanks: '感谢您抽出时间告诉我们您的体验。',
    sorryAbout: '很抱歉这次没有达到您的期望，尤其是在{{feedback.topics}}方面。这不是我们希望带给您的体验。',
    sorryGeneral: '很抱歉这次没有达到您的期望。这不是我们希望带给您的体验。',
    nextStep: '我们希望弥补这次的不足：请直接回复此消息，或带上您的订单信息联系我们的客服团队，我们的同事会亲自跟进并尽快回复您。',
    signOff: '{{workspace.name}} 敬上',
    list: (names) => names.join('、'),
  },
};

const languageOf = (item: FeedbackRow): Locale =>
  (LOCALES as readonly string[]).includes(item.language ?? '') ? (item.language as Locale) : 'en';

/** The item's topics by their names in the language (the key when a topic has no name there). */
async function topicNames(scope: WorkspaceScope, tx: Tx, keys: string[], language: Locale): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await tx
    .select({ key: topics.key, names: topics.names })
    .from(topics)
    .where(scope.where(topics, inArray(topics.key, keys)));
  const names = new Map(rows.map((r) => [r.key, (r.names as Record<string, string | undefined>)[language] ?? r.key]));
  return keys.map((k) => names.get(k) ?? k);
}

/** The draft's text: the workspace's template for the language and first topic (or any topic), else the shipped wording. */
export async function composeReply(scope: WorkspaceScope, tx: Tx, item: FeedbackRow, customer: CustomerRow | null) {
  const language = languageOf(item);
  const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const wording = SHIPPED_REPLY_WORDING[language];
  const names = await topicNames(scope, tx, item.topics, language);
  const values = {
    'customer.name': customer?.name,
    'workspace.name': workspace?.name,
    'feedback.topics': wording.list(names),
  };
  const own = await tx
    .select({ topic: replyTemplates.topic, body: replyTemplates.body })
    .from(replyTemplates)
    .where(scope.where(replyTemplates, and(eq(replyTemplates.language, language), inArray(replyTemplates.topic, [...item.topics, '*']))));
  const chosen =
    own.find((t) => t.topic === item.topics[0]) ?? own.find((t) => item.topics.includes(t.topic)) ?? own.find((t) => t.topic === '*');
  if (chosen) return { language, body: renderTemplate(chosen.body, values) };
  const body = [
    wording.greeting(customer?.name ?? null),
    `${wording.thanks} ${names.length > 0 ? wording.sorryAbout : wording.sorryGeneral}`,
    wording.nextStep,
    wording.signOff,
  ].join('\n\n');
  return { language, body: renderTemplate(body, values) };
}

/** Drafts the reply unless one exists for this item already; returns the new draft or null. */
export async function draftReplyFor(scope: WorkspaceScope, tx: Tx, item: FeedbackRow, customer: CustomerRow | null, ruleId: string | null) {
  const { language, body } = await composeReply(scope, tx, item, customer);
  const [draft] = await tx
    .insert(replyDrafts)
    .values(scope.stamp({ id: newId(), feedbackId: item.id, ruleId, language, body }))
    .onConflictDoNothing()
    .returning();
  return draft ?? null;
}
