/**
 * The script's triggers: their records, the executions they caused, the `Trigger` view, and
 * creating one with Google's limits.
 */
import type { Runtime } from '../../runtime';
import { asGas, gasEnumMember, gasError, invalidArgument } from '../gas';
import type { EventTypeName, TriggerSourceName } from './enums';
import { TRIGGER_ERRORS } from './errors';
import { checkSpec, firstRun, type ClockSpec } from './schedule';

type Trigger = GoogleAppsScript.Script.Trigger;

export const MAX_TRIGGERS_PER_USER = 20;

export interface TriggerRecord {
  uid: string;
  handler: string;
  owner: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  clock: ClockSpec | null;
  nextRunMs: number | null;
}

export interface Execution {
  handler: string;
  triggerUid: string;
  eventType: string;
  at: Date;
  error?: string;
}

export interface ScriptState {
  rt: Runtime;
  triggers: TriggerRecord[];
  executions: Execution[];
  user: string;
  throwHandlerErrors: boolean;
  lastUid: number;
}

export class TriggerImpl implements Pick<
  Trigger,
  'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'
> {
  constructor(
    private readonly state: ScriptState,
    readonly record: TriggerRecord,
  ) {}
  private count(method: string): void {
    this.state.rt.record('ScriptApp', `Trigger.${method}`);
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.count('getEventType');
    return gasEnumMember<GoogleAppsScript.Script.EventType>(this.record.eventType);
  }
  getHandlerFunction(): string {
    this.count('getHandlerFunction');
    return this.record.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.count('getTriggerSource');
    return gasEnumMember<GoogleAppsScript.Script.TriggerSource>(this.record.source);
  }
  /** The spreadsheet, form or document id; null for a clock trigger, as in Google. */
  getTriggerSourceId(): string {
    this.count('getTriggerSourceId');
    return asGas<string>(this.record.sourceId);
  }
  getUniqueId(): string {
    this.count('getUniqueId');
    return this.record.uid;
  }
}

export function createTrigger(
  state: ScriptState,
  method: string,
  fields: Omit<TriggerRecord, 'uid' | 'owner' | 'nextRunMs'>,
): Trigger {
  state.rt.assertWritable(method);
  state.rt.record('ScriptApp', method);
  const own = state.triggers.filter((t) => t.owner === state.user).length;
  if (own >= MAX_TRIGGERS_PER_USER) throw gasError(TRIGGER_ERRORS.tooMany);
  if (fields.clock) checkSpec(fields.clock);
  state.lastUid += 1;
  const record: TriggerRecord = {
    ...fields,
    uid: String(state.lastUid),
    owner: state.user,
    nextRunMs: fields.clock ? firstRun(fields.clock, state.rt.clock.nowMs()) : null,
  };
  state.triggers.push(record);
  return asGas<Trigger>(new TriggerImpl(state, record));
}

export type Container = { getId(): string };

export function idOf(target: Container | string, name: string): string {
  if (typeof target === 'string' && target !== '') return target;
  if (target && typeof target === 'object' && typeof target.getId === 'function')
    return target.getId();
  throw invalidArgument(name);
}
