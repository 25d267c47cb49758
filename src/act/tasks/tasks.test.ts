// Follow-up tasks through the API: due dates in business hours, the overdue list, completing and
// reopening, and reminders emailed once to the assignee in their language, through a real SMTP
// server on loopback (smtp-server), parsed with mailparser.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { setupTeam } from '../../platform/testing/team.js';
import { addMember } from '../../platform/testing/members.js';
import { users } from '../../platform/auth/auth.tables.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { queueDueReminders } from './task-reminders.js';
import { addBusinessMinutes, workspaceBusinessCalendar } from '../business-hours/business-time.js';
import type { Task } from '../../contracts/act.js';
import { type MailCatcher, startMailCatcher } from '../../platform/testing/mail-catcher.js';

let t: TestApp;
let smtp: MailCatcher;
let owner: string;
let workspaceId: string;
const assignees: Record<'en' | 'fa' | 'ar' | 'zh', string> = { en: '', fa: '', ar: '', zh: '' };

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: owner }, ...(payload ? { payload } : {}) });
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
/** What one run of the reminder schedule does, then its jobs. */
async function runReminders() {
  await queueDueReminders(t.database);
  await t.drainJobs();
}
const mailTo = (address: string) => smtp.to(address);

beforeAll(async () => {
  smtp = await startMailCatcher();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Feedloop <team@acme.test>' });
  const team = await setupTeam(t);
  owner = team.owner;
  workspaceId = team.workspace.id;
  for (const language of ['en', 'fa', 'ar', 'zh'] as const) {
    const member = await addMember(t, workspaceId, `${language}@acme.test`, 'agent');
    await t.database.db
      .update(users)
      .set({ locale: language, name: `Agent ${language}` })
      .where(eq(users.id, member.id));
    assignees[language] = member.id;
  }
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('tasks', () => {
  it('is due in N business hours on the workspace calendar, or at an instant, never both', async () => {
    const scope = new WorkspaceScope(t.database, workspaceId);
    const calendar = await workspaceBusinessCalendar(scope, t.database.db);
    const before = new Date();
    // Persian digits are read as numbers.
    const res = await api('POST', '/api/v1/tasks', { title: 'Call Sara back', dueInBusinessHours: '۲۴' });
    const after = new Date();
    expect(res.statusCode, res.body).toBe(201);
    const due = new Date(res.json().dueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(addBusinessMinutes(calendar, before, 24 * 60).getTime());
    expect(due).toBeLessThanOrEqual(addBusinessMinutes(calendar, after, 24 * 60).getTime());
    expect(res.json().remindMinutesBefore).toBe(60);

    const both = await api('POST', '/api/v1/tasks', { title: 'x', dueAt: inMinutes(60), dueInBusinessHours: 2 });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.field).toBe('dueInBusinessHours');
    for (const [value, field] of [
      [-1, 'dueInBusinessHours'],
      [100_000, 'dueInBusinessHours'],
      ['soon', 'dueInBusinessHours'],
    ] as const) {
      const bad = await api('POST', '/api/v1/tasks', { title: 'x', [field]: value });
      expect(bad.statusCode, String(value)).toBe(400);
      expect(bad.json().error.field).toBe(field);
    }
    const badLead = await api('POST', '/api/v1/tasks', { title: 'x', dueAt: inMinutes(60), remindMinutesBefore: -5 });
    expect(badLead.json().error.field).toBe('remindMinutesBefore');

    // Rescheduling by business hours too.
    const moved = await api('PATCH', `/api/v1/tasks/${res.json().id}`, { dueInBusinessHours: 2 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(new Date(moved.json().dueAt).getTime()).toBeLessThan(due);
  });

  it('lists overdue tasks, and completing or reopening one takes it off or puts it back', async () => {
    const late = (await api('POST', '/api/v1/tasks', { title: 'Send the replacement', dueAt: '2026-01-05T09:00:00Z' })).json() as Task;
    const later = (await api('POST', '/api/v1/tasks', { title: 'Check in next week', dueAt: inMinutes(7 * 24 * 60) })).json() as Task;
    const overdue = async () => ((await api('GET', '/api/v1/tasks?overdue=true')).json().data as Task[]).map((task) => task.id);
    expect(await overdue()).toContain(late.id);
    expect(await overdue()).not.toContain(later.id);

    const done = await api('PATCH', `/api/v1/tasks/${late.id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done' });
    expect(done.json().completedAt).toBeTruthy();
    expect(await overdue()).not.toContain(late.id);

    const reopened = await api('PATCH', `/api/v1/tasks/${late.id}`, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null });
    expect(await overdue()).toContain(late.id);
    const bad = await api('GET', '/api/v1/tasks?overdue=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('overdue');
  });

  it('emails each assignee once before the due time, in their language, escaped', async () => {
    const created: Record<string, Task> = {};
    for (const language of ['en', 'fa', 'ar', 'zh'] as const) {
      const res = await api('POST', '/api/v1/tasks', {
        title: `Call <b>Sara</b> & apologise (${language})`,
        dueAt: inMinutes(30),
        assigneeId: assignees[language],
      });
      expect(res.statusCode, res.body).toBe(201);
      created[language] = res.json();
    }
    // Not yet (due in three hours, reminded an hour before), and never (no reminder asked for).
    await api('POST', '/api/v1/tasks', { title: 'Later', dueAt: inMinutes(180), assigneeId: assignees.en });
    await api('POST', '/api/v1/tasks', { title: 'Quiet', dueAt: inMinutes(10), remindMinutesBefore: null, assigneeId: assignees.en });

    await runReminders();
    const expected = {
      en: ['Reminder: “Call <b>Sara</b> & apologise (en)” is due', 'Open your tasks'],
      fa: ['یادآوری: موعد «Call <b>Sara</b> & apologise (fa)»', 'دیدن کارهای شما'],
      ar: ['تذكير: موعد «Call <b>Sara</b> & apologise (ar)»', 'افتح مهامك'],
      zh: ['提醒：“Call <b>Sara</b> & apologise (zh)”将于', '查看我的任务'],
    };
    for (const language of ['en', 'fa', 'ar', 'zh'] as const) {
      const mails = mailTo(`${language}@acme.test`);
      expect(mails, language).toHaveLength(1);
      const [mail] = mails;
      expect(mail.subject).toContain(expected[language][0]);
      expect(mail.text).toContain(expected[language][1]);
      expect(mail.html).toContain('Call &lt;b&gt;Sara&lt;/b&gt; &amp; apologise');
      expect(mail.html).not.toContain('<b>Sara</b>');
      expect(mail.html).toContain('http://localhost:3000/tasks');
      expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    }
    // The due time in the reader's calendar and digits: a Jalali year in Persian digits.
    expect(mailTo('fa@acme.test')[0].subject).toMatch(/۱۴[۰-۹]{2}/);
    expect(mailTo('ar@acme.test')[0].subject).toMatch(/[٠-٩]/);
    expect(mailTo('en@acme.test')).toHaveLength(1);
    const listed = (await api('GET', `/api/v1/tasks?assigneeId=${assignees.fa}`)).json().data as Task[];
    expect(listed[0].remindedAt).toBeTruthy();

    // Once: the next scans send nothing more.
    await runReminders();
    await runReminders();
    expect(smtp.inbox).toHaveLength(4);

    // Rescheduled: a new reminder for the new time; done: none.
    await api('PATCH', `/api/v1/tasks/${created.en.id}`, { dueAt: inMinutes(20) });
    await api('PATCH', `/api/v1/tasks/${created.fa.id}`, { status: 'done' });
    await api('PATCH', `/api/v1/tasks/${created.fa.id}`, { dueAt: inMinutes(15) });
    await runReminders();
    expect(mailTo('en@acme.test')).toHaveLength(2);
    expect(mailTo('fa@acme.test')).toHaveLength(1);
  });
});
