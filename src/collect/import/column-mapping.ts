// Which Feedloop field each column of an import file fills.
import fs from 'node:fs';
import { z } from 'zod';
import { normalizeForSearch } from '../../analyze/language/normalize-text.js';

export const IMPORT_FIELDS = [
  'text',
  'channel',
  'externalId',
  'language',
  'createdAt',
  'nps',
  'csat',
  'ces',
  'rating',
  'customer.externalId',
  'customer.email',
  'customer.phone',
  'customer.name',
  'customer.locale',
  'links.reviewId',
  'serviceUnitCode',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** field → column. Columns not mapped to a field go into metadata. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

// Column names recognised without a mapping, in the four languages (compared folded like search
// text, without spaces or _-.). Score columns are recognised by score-columns.ts, which also
// reads their scale from the values.
const SYNONYMS: Record<ImportField, string[]> = {
  text: [
    'text',
    'feedback',
    'comment',
    'comments',
    'message',
    'review',
    'body',
    'answer',
    'content',
    'متن',
    'نظر',
    'نظرات',
    'پیام',
    'بازخورد',
    'دیدگاه',
    'توضیحات',
    'النص',
    'تعليق',
    'التعليق',
    'رسالة',
    'الرسالة',
    'الملاحظات',
    'المراجعة',
    '内容',
    '评论',
    '反馈',
    '留言',
    '意见',
    '文本',
  ],
  channel: ['channel', 'source', 'کانال', 'منبع', 'القناة', 'المصدر', '渠道', '来源'],
  externalId: ['id', 'externalid', 'feedbackid', 'reviewid', 'شناسه', 'المعرف', '编号'],
  language: ['language', 'lang', 'locale', 'زبان', 'اللغة', '语言'],
  createdAt: [
    'createdat',
    'date',
    'time',
    'timestamp',
    'submittedat',
    'created',
    'datetime',
    'تاریخ',
    'زمان',
    'تاریخ ثبت',
    'التاريخ',
    'الوقت',
    'تاريخ الإرسال',
    '日期',
    '时间',
    '提交时间',
    '创建时间',
  ],
  // Only names that say "service unit": a plain "branch" or "store" column stays metadata, so files
  // imported before units existed import as they did.
  serviceUnitCode: [
    'serviceunit',
    'serviceunitcode',
    'unitcode',
    'واحد خدمت',
    'کد واحد خدمت',
    'وحدة الخدمة',
    'رمز وحدة الخدمة',
    '服务单元',
    '服务单元编码',
  ],
  nps: [],
  csat: [],
  ces: [],
  rating: [],
  'customer.externalId': [
    'customerid',
    'userid',
    'customerexternalid',
    'شناسه مشتری',
    'کد مشتری',
    'رقم العميل',
    '客户编号',
    '客户id',
    '用户id',
  ],
  'customer.email': [
    'email',
    'customeremail',
    'mail',
    'ایمیل',
    'پست الکترونیک',
    'البريد الإلكتروني',
    'البريد',
    'الإيميل',
    '邮箱',
    '电子邮件',
    '邮件',
  ],
  'customer.phone': [
    'phone',
    'mobile',
    'customerphone',
    'tel',
    'phonenumber',
    'تلفن',
    'موبایل',
    'شماره تماس',
    'شماره موبایل',
    'تلفن همراه',
    'الهاتف',
    'الجوال',
    'رقم الهاتف',
    'رقم الجوال',
    '电话',
    '手机',
    '手机号',
    '电话号码',
  ],
  'customer.name': [
    'name',
    'customername',
    'fullname',
    'نام',
    'نام مشتری',
    'نام و نام خانوادگی',
    'الاسم',
    'اسم العميل',
    '姓名',
    '客户姓名',
    '名字',
  ],
  'customer.locale': ['customerlocale'],
  'links.reviewId': [],
};

export const squash = (s: string) => normalizeForSearch(s).replace(/[\s_\-.]/g, '');
const KNOWN_NAMES = Object.fromEntries(Object.entries(SYNONYMS).map(([field, names]) => [field, new Set(names.map(squash))])) as Record<
  ImportField,
  Set<string>
>;

export function parseMapping(pairs: string[] = [], mappingFile?: string): ColumnMapping {
  const mapping: Record<string, string> = {};
  if (mappingFile) Object.assign(mapping, z.record(z.string(), z.string()).parse(JSON.parse(fs.readFileSync(mappingFile, 'utf8'))));
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--map expects field=column, got "${pair}"`);
    mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  for (const field of Object.keys(mapping)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new Error(`Unknown field "${field}" in the mapping. Fields: ${IMPORT_FIELDS.join(', ')}`);
    }
  }
  return mapping as ColumnMapping;
}

/** Explicit mapping first, then recognised column names for the fields still unmapped (scores aside). */
export function completeMapping(explicit: ColumnMapping, columns: string[], opts: { nestedPaths: boolean }): ColumnMapping {
  const mapping: ColumnMapping = { ...explicit };
  const used = new Set(Object.values(mapping));
  for (const column of Object.values(explicit)) {
    const known = columns.includes(column!) || (opts.nestedPaths && columns.includes(column!.split('.')[0]));
    if (!known) throw new Error(`Column "${column}" is not in the file. Columns: ${columns.join(', ')}`);
  }
  for (const field of IMPORT_FIELDS) {
    if (mapping[field]) continue;
    const match = columns.find((c) => !used.has(c) && KNOWN_NAMES[field].has(squash(c)));
    if (match) {
      mapping[field] = match;
      used.add(match);
    }
  }
  return mapping;
}

/** Turns one source record into the body of a feedback create call. */
export function recordToFeedback(
  record: Record<string, unknown>,
  mapping: ColumnMapping,
  defaults: { channel: string; externalId: string },
) {
  const value = (field: ImportField) => {
    const column = mapping[field];
    const v = column === undefined ? undefined : getPath(record, column);
    return v === '' || v === null ? undefined : v;
  };
  const mappedColumns = new Set(Object.values(mapping));
  const metadata: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!mappedColumns.has(k) && v !== '' && v != null) metadata[k] = v;
  const customer = {
    externalId: str(value('customer.externalId')),
    email: str(value('customer.email')),
    phone: str(value('customer.phone')),
    name: str(value('customer.name')),
    locale: str(value('customer.locale')),
  };
  const hasCustomer = customer.externalId || customer.email || customer.phone;
  return {
    channel: str(value('channel')) ?? defaults.channel,
    text: str(value('text')) ?? '',
    externalId: str(value('externalId')) ?? defaults.externalId,
    language: str(value('language')),
    createdAt: str(value('createdAt')),
    nps: value('nps'),
    csat: value('csat'),
    ces: value('ces'),
    rating: value('rating'),
    customer: hasCustomer ? Object.fromEntries(Object.entries(customer).filter(([, v]) => v !== undefined)) : undefined,
    links: value('links.reviewId') ? { reviewId: str(value('links.reviewId')) } : undefined,
    serviceUnitCode: str(value('serviceUnitCode')),
    metadata,
  };
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function getPath(record: Record<string, unknown>, column: string): unknown {
  if (column in record) return record[column];
  return column.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), record);
}
