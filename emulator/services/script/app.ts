/** The `ScriptApp` global, and its non-Google helpers for tests (their logic is in hooks.ts). */
import type { Runtime } from '../../runtime';
import type { FormSubmitPayload } from '../forms';
import { asGas, gasEnum, gasEnumMember, invalidArgument } from '../gas';
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  WeekDay,
} from './enums';
import { onFormSubmit, runDue } from './dispatch';
import {
  fireSourceTriggers,
  nextRunOf,
  runAsUser,
  runTimeTriggersUntil,
  type SourceEventName,
} from './hooks';
import { TriggerBuilderImpl, type TB } from './trigger-builder';
import {
  idOf,
  TriggerImpl,
  type Execution,
  type ScriptState,
  type TriggerRecord,
} from './triggers';

type S = typeof GoogleAppsScript.Script;
type Trigger = GoogleAppsScript.Script.Trigger;

type ScriptAppType = GoogleAppsScript.Script.ScriptApp;
type Emulated =
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
  | 'getOAuthToken'
  | 'getIdentityToken'
  | 'getService'
  | 'invalidateAuth'
  | 'getAuthorizationInfo'
  | 'getInstallationSource'
  | 'requireScopes'
  | 'requireAllScopes';

export class ScriptAppImpl implements Pick<ScriptAppType, Emulated> {
  readonly AuthMode = gasEnum<S['AuthMode']>(AuthMode);
  readonly AuthorizationStatus = gasEnum<S['AuthorizationStatus']>(AuthorizationStatus);
  readonly EventType = gasEnum<S['EventType']>(EventType);
  readonly InstallationSource = gasEnum<S['InstallationSource']>(InstallationSource);
  readonly TriggerSource = gasEnum<S['TriggerSource']>(TriggerSource);
  readonly WeekDay = gasEnum<typeof GoogleAppsScript.Base.Weekday>(WeekDay);
  private readonly scriptId: string;

  constructor(private readonly state: ScriptState) {
    this.scriptId = state.rt.nextId('1ScriptId');
  }

  private count(method: string): void {
    this.state.rt.record('ScriptApp', `ScriptApp.${method}`);
  }

  private view(t: TriggerRecord): Trigger {
    return asGas<Trigger>(new TriggerImpl(this.state, t));
  }

  newTrigger(functionName: string): TB {
    this.count('newTrigger');
    if (typeof functionName !== 'string' || functionName === '')
      throw invalidArgument('functionName');
    return asGas<TB>(new TriggerBuilderImpl(this.state, functionName));
  }

  /** The current user's triggers of this script. */
  getProjectTriggers(): Trigger[] {
    this.count('getProjectTriggers');
    return this.state.triggers.filter((t) => t.owner === this.state.user).map((t) => this.view(t));
  }

  /** The current user's triggers of this script on that spreadsheet, form or document. */
  getUserTriggers(
    container:
      | GoogleAppsScript.Spreadsheet.Spreadsheet
      | GoogleAppsScript.Forms.Form
      | GoogleAppsScript.Document.Document,
  ): Trigger[] {
    this.count('getUserTriggers');
    const id = idOf(container, 'document');
    return this.state.triggers
      .filter((t) => t.owner === this.state.user && t.sourceId === id)
      .map((t) => this.view(t));
  }

  deleteTrigger(trigger: Trigger): void {
    this.state.rt.assertWritable('ScriptApp.deleteTrigger');
    this.count('deleteTrigger');
    if (!(trigger instanceof TriggerImpl)) throw invalidArgument('trigger');
    const uid = trigger.record.uid;
    this.state.triggers = this.state.triggers.filter((t) => t.uid !== uid);
  }

  getScriptId(): string {
    this.count('getScriptId');
    return this.scriptId;
  }

  getOAuthToken(): string {
    this.count('getOAuthToken');
    return 'ya29.emulated-oauth-token';
  }

  getIdentityToken(): string {
    this.count('getIdentityToken');
    return 'eyJhbGciOiJub25lIn0.emulated.identity';
  }

  getService(): GoogleAppsScript.Script.Service {
    this.count('getService');
    const url = `https://script.google.com/macros/s/${this.scriptId}/exec`;
    return asGas<GoogleAppsScript.Script.Service>({ getUrl: () => url, isEnabled: () => true });
  }

  invalidateAuth(): void {
    this.count('invalidateAuth');
  }

  /** The emulated user has granted everything the script asks for. */
  getAuthorizationInfo(
    _authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    this.count('getAuthorizationInfo');
    return asGas<GoogleAppsScript.Script.AuthorizationInfo>({
      getAuthorizationStatus: () =>
        gasEnumMember<GoogleAppsScript.Script.AuthorizationStatus>(
          AuthorizationStatus.NOT_REQUIRED,
        ),
      getAuthorizationUrl: () => asGas<string>(null),
    });
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    this.count('getInstallationSource');
    return gasEnumMember<GoogleAppsScript.Script.InstallationSource>(InstallationSource.NONE);
  }

  requireScopes(_authMode: GoogleAppsScript.Script.AuthMode, _oAuthScopes: string[]): void {
    this.count('requireScopes');
  }

  requireAllScopes(_authMode: GoogleAppsScript.Script.AuthMode): void {
    this.count('requireAllScopes');
  }

  // --- Non-Google helpers (not counted) ---

  __runDueTimeTriggers(): Execution[] {
    return runDue(this.state);
  }

  __runTimeTriggersUntil(until: Date | string | number): Execution[] {
    return runTimeTriggersUntil(this.state, until);
  }

  __nextRunOf(trigger: Trigger): Date | null {
    return nextRunOf(trigger);
  }

  __fireTriggers(
    sourceId: string,
    eventType: SourceEventName,
    fields: Record<string, unknown> = {},
  ): Execution[] {
    return fireSourceTriggers(this.state, sourceId, eventType, fields);
  }

  __getExecutions(): Execution[] {
    return this.state.executions.map((e) => ({ ...e }));
  }

  __throwHandlerErrors(on: boolean): void {
    this.state.throwHandlerErrors = on;
  }

  __runAsUser<T>(email: string, fn: () => T): T {
    return runAsUser(this.state, email, fn);
  }
}

export function createScriptApp(rt: Runtime): ScriptAppImpl {
  const state: ScriptState = {
    rt,
    triggers: [],
    executions: [],
    user: rt.userEmail,
    throwHandlerErrors: false,
    lastUid: 7_000_000_000,
  };
  rt.on('formSubmit', (payload) => onFormSubmit(state, payload as FormSubmitPayload));
  return new ScriptAppImpl(state);
}
