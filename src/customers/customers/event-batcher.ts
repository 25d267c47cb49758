/**
 * Write coalescing for single events (POST /api/v1/events), as the feedback create batcher does:
 * events of one workspace that arrive while a transaction is in flight are recorded together by
 * the next recordEvents call (one transaction, one INSERT, one counter UPDATE), and every request
 * is answered only after that commit, with its own event — so an acknowledged event is as durable
 * as before. With no concurrency an event is written at once (no added latency). If a shared
 * transaction fails, each of its events is retried on its own so one bad event never fails its
 * neighbours; each caller then gets its own event or its own error.
 */
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { coalescingLanes } from '../../platform/db/coalescing-lanes.js';
import { recordEvents } from './record-activity.js';
import { withE164Phone } from './read-customer-phones.js';
import type { TRecordEventInput } from './customers.input.js';

const MAX_IN_FLIGHT = 2; // concurrent transactions per workspace
const MAX_BATCH = 200;

export type RecordedEvent = Awaited<ReturnType<typeof recordEvents>>[number];
type RecordFn = (scope: WorkspaceScope, inputs: TRecordEventInput[]) => Promise<RecordedEvent[]>;

interface Pending {
  scope: WorkspaceScope;
  input: TRecordEventInput;
  resolve(e: RecordedEvent): void;
  reject(err: unknown): void;
}

/** A batcher over `record` (recordEvents; tests pass their own to exercise the fallback). */
export function eventBatcher(record: RecordFn = recordEvents) {
  const lanes = coalescingLanes<Pending>({
    maxInFlight: MAX_IN_FLIGHT,
    // Several events of one customer may share a batch: recordEvents identifies each customer once
    // and locks customers in one order, as it does for a bulk call.
    takeBatch: (waiting) => ({ batch: waiting.slice(0, MAX_BATCH), rest: waiting.slice(MAX_BATCH) }),
    flush: (batch) => flush(record, batch[0].scope, batch),
  });
  return async (scope: WorkspaceScope, input: TRecordEventInput): Promise<RecordedEvent> => {
    // occurredAt defaults to when the request arrived, not when its batch's transaction starts.
    const arrived = { ...input, occurredAt: input.occurredAt ?? new Date() };
    // A phone that is not a valid number is this request's 400, before it joins a batch.
    const customer = await withE164Phone(scope, input.customer, 'customer.phone');
    return new Promise<RecordedEvent>((resolve, reject) =>
      lanes.push(scope.workspaceId, { scope, input: { ...arrived, customer }, resolve, reject }),
    );
  };
}

async function flush(record: RecordFn, scope: WorkspaceScope, batch: Pending[]) {
  let recorded: RecordedEvent[];
  try {
    recorded = await record(
      scope,
      batch.map((p) => p.input),
    );
  } catch (err) {
    // Nothing of this batch was committed: retry each event on its own.
    if (batch.length === 1) return batch[0].reject(err);
    for (const p of batch) await record(scope, [p.input]).then((r) => p.resolve(r[0]), p.reject);
    return;
  }
  batch.forEach((p, i) => p.resolve(recorded[i]));
}

/** Records one event, sharing a transaction with the workspace's concurrent single events. */
export const recordEventCoalesced = eventBatcher();
