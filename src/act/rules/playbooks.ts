// The shipped playbooks: ready rules a workspace installs in one click and then edits like any
// other. Numbers in them (thresholds, days, hours) are starting points, named in the rule.
import type { Playbook } from '../../contracts/rules.js';

export const PLAYBOOKS: Playbook[] = [
  {
    key: 'nps_detractor_follow_up',
    name: {
      en: 'NPS detractor: urgent follow-up task',
      fa: 'منتقد NPS: کار پیگیری فوری',
      ar: 'منتقد في NPS: مهمة متابعة عاجلة',
      zh: 'NPS 贬损者：紧急跟进任务',
    },
    definition: {
      trigger: { kind: 'score_received' },
      match: 'all',
      conditions: [{ field: 'item.nps', operator: 'between', value: [0, 6] }],
      actions: [
        {
          kind: 'create_task',
          title: 'Urgent: call {{customer.name}} back about their NPS score',
          assignee: { kind: 'account_owner' },
          dueInBusinessHours: 24,
        },
      ],
    },
  },
  {
    key: 'bad_review_reply_draft',
    name: {
      en: 'Bad public review: draft an apologetic reply',
      fa: 'نقد منفی عمومی: پیش‌نویس پاسخ عذرخواهی',
      ar: 'مراجعة علنية سيئة: مسودة رد اعتذار',
      zh: '公开差评：起草致歉回复',
    },
    definition: {
      trigger: { kind: 'feedback_analysed' },
      match: 'all',
      conditions: [
        { field: 'item.channel', operator: 'equals', value: 'review' },
        { field: 'item.rating', operator: 'between', value: [1, 2] },
      ],
      actions: [{ kind: 'draft_reply' }],
    },
  },
  {
    key: 'inactive_customer_outreach',
    name: {
      en: 'No activity for 90 days: churn risk and personal outreach',
      fa: '۹۰ روز بدون فعالیت: خطر ریزش و تماس شخصی',
      ar: 'لا نشاط منذ ٩٠ يوماً: خطر فقدان العميل وتواصل شخصي',
      zh: '90 天无活动：流失风险与个人回访',
    },
    definition: {
      trigger: { kind: 'customer_inactive', days: 90 },
      match: 'all',
      conditions: [],
      actions: [
        { kind: 'flag_customer', flag: 'churn_risk' },
        {
          kind: 'create_task',
          title: 'Reach out personally to {{customer.name}}: no activity for 90 days',
          assignee: { kind: 'account_owner' },
          dueInBusinessHours: 40,
        },
      ],
    },
  },
  {
    key: 'vip_order',
    name: {
      en: 'Large order or lifetime value: VIP flag and alert',
      fa: 'سفارش بزرگ یا ارزش طول عمر بالا: نشان VIP و هشدار',
      ar: 'طلب كبير أو قيمة عمر مرتفعة: علامة VIP وتنبيه',
      zh: '大额订单或终身价值达标：VIP 标记与提醒',
    },
    definition: {
      trigger: { kind: 'order_placed' },
      match: 'all',
      conditions: [
        { field: 'customer.flags', operator: 'excludes', value: 'vip' },
        {
          match: 'any',
          conditions: [
            { field: 'order.amount', operator: 'gte', value: 1000 },
            { field: 'customer.lifetime_value', operator: 'gte', value: 5000 },
          ],
        },
      ],
      actions: [
        { kind: 'flag_customer', flag: 'vip' },
        {
          kind: 'create_task',
          title: 'New VIP: {{customer.name}} (order {{order.id}})',
          assignee: { kind: 'account_owner' },
          dueInBusinessHours: 8,
        },
      ],
    },
  },
  {
    key: 'complaint_spike',
    name: {
      en: 'Complaint spike on one topic: alert the topic owner',
      fa: 'افزایش شکایت‌ها درباره یک موضوع: هشدار به مسئول موضوع',
      ar: 'ارتفاع الشكاوى حول موضوع واحد: تنبيه مسؤول الموضوع',
      zh: '某一主题投诉激增：提醒主题负责人',
    },
    definition: {
      trigger: { kind: 'threshold_crossed', count: 10, windowHours: 24, perTopic: true },
      match: 'all',
      conditions: [{ field: 'item.type', operator: 'equals', value: 'complaint' }],
      actions: [
        {
          kind: 'send_email',
          to: { kind: 'topic_owner', owners: {} },
          messages: {
            en: {
              subject: 'Complaints are piling up: {{feedback.topics}}',
              body: 'More complaints than usual arrived on {{feedback.topics}}. The items behind it:',
            },
            fa: {
              subject: 'شکایت‌ها درباره {{feedback.topics}} زیاد شده است',
              body: 'شکایت‌های بیش از معمول درباره {{feedback.topics}} رسیده است. بازخوردهای مربوط:',
            },
            ar: {
              subject: 'تزايد الشكاوى حول {{feedback.topics}}',
              body: 'وصلت شكاوى أكثر من المعتاد حول {{feedback.topics}}. الملاحظات المعنية:',
            },
            zh: { subject: '关于{{feedback.topics}}的投诉明显增多', body: '关于{{feedback.topics}}的投诉比平时多。相关反馈如下：' },
          },
        },
      ],
    },
  },
];
