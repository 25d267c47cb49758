// Follow-up tasks and compensations: the calls the task and compensation components make.
import type { Compensation, CreateCompensation, CreateTask, Task, UpdateTask } from '@feedloop/contracts/act';
import type { Page } from '@feedloop/contracts/page';
import { request, type RequestOptions } from './client';

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  return q.toString();
};
const id = (s: string) => encodeURIComponent(s);

export interface TaskQuery {
  assigneeId?: string;
  customerId?: string;
  ticketId?: string;
  overdue?: boolean;
  cursor?: string;
}

export const tasksApi = {
  tasks: (q: TaskQuery, options?: RequestOptions) =>
    request<Page<Task>>(
      'GET',
      `/api/v1/tasks?${query({ ...q, overdue: q.overdue ? 'true' : undefined, limit: '25' })}`,
      undefined,
      options,
    ),
  createTask: (input: CreateTask) => request<Task>('POST', '/api/v1/tasks', input),
  updateTask: (taskId: string, patch: UpdateTask) => request<Task>('PATCH', `/api/v1/tasks/${id(taskId)}`, patch),
  compensations: (q: { customerId?: string; ticketId?: string; cursor?: string }, options?: RequestOptions) =>
    request<Page<Compensation>>(
      'GET',
      `/api/v1/compensations?${query({ customerId: q.customerId, cursor: q.cursor, limit: '25' })}`,
      undefined,
      options,
    ),
  createCompensation: (input: CreateCompensation) => request<Compensation>('POST', '/api/v1/compensations', input),
  approveCompensation: (compensationId: string) => request<Compensation>('POST', `/api/v1/compensations/${id(compensationId)}/approve`, {}),
};
