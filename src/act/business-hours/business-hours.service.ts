// Reading and saving a workspace's business hours. Every rule about what the hours and dates
// mean is checked before the one statement that saves them, so a refusal leaves the saved
// hours as they were.
import { eq } from 'drizzle-orm';
import { IANAZone } from 'luxon';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import type { BusinessHours, IsoWeekday } from '../../contracts/business-hours.js';
import { ALWAYS_OPEN, workspaceBusinessCalendar } from './business-time.js';
import { rescheduleRunningClocks } from '../sla/sla-clock.js';
import { businessHours } from './business-hours.tables.js';
import { holidayProblem } from './holiday-dates.js';
import type { TBusinessHours } from './business-hours.input.js';

const refuse = (field: string, message: string) => new AppError(422, 'invalid_business_hours', `${field}: ${message}`, field);

/** The saved hours, or (none saved) open around the clock in the workspace's time zone. */
export async function getBusinessHours(scope: WorkspaceScope): Promise<BusinessHours & { configured: boolean }> {
  const [row] = await scope.db.select().from(businessHours).where(scope.where(businessHours));
  if (row)
    return { configured: true, timeZone: row.timeZone, weekStart: row.weekStart as IsoWeekday, weekly: row.weekly, holidays: row.holidays };
  const [ws] = await scope.db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  return {
    configured: false,
    timeZone: ws?.timezone ?? 'UTC',
    weekStart: 1,
    weekly: ALWAYS_OPEN.weekly as BusinessHours['weekly'],
    holidays: [],
  };
}

function assertMeaningful(input: TBusinessHours) {
  if (!IANAZone.isValidZone(input.timeZone)) throw refuse('timeZone', `unknown time zone "${input.timeZone}"`);
  if (input.weekly.length === 0) throw refuse('weekly', 'give at least one open period');
  input.weekly.forEach((p, i) => {
    if (p.end <= p.start) throw refuse(`weekly.${i}.end`, `closes at ${p.end}, not after it opens at ${p.start}`);
  });
  input.holidays.forEach((h, i) => {
    const problem = holidayProblem(h);
    if (problem) throw refuse(`holidays.${i}.${problem.field}`, problem.message);
  });
}

/** Saves the hours and works the due times of running SLA clocks out again in them, in one transaction. */
export async function saveBusinessHours(scope: WorkspaceScope, input: TBusinessHours) {
  assertMeaningful(input);
  const values = {
    timeZone: input.timeZone,
    weekStart: input.weekStart,
    weekly: input.weekly as BusinessHours['weekly'],
    holidays: input.holidays,
    updatedAt: new Date(),
  };
  await scope.transaction(async (tx) => {
    const before = await workspaceBusinessCalendar(scope, tx);
    await tx.insert(businessHours).values(scope.stamp(values)).onConflictDoUpdate({ target: businessHours.workspaceId, set: values });
    await rescheduleRunningClocks(scope, tx, before, await workspaceBusinessCalendar(scope, tx), values.updatedAt);
  });
  return getBusinessHours(scope);
}
