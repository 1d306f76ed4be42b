/** The ScriptApp enums: plain objects whose values are the member names. */
import { enumOf } from '../enum';

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EVENT_TYPES = [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];
export const EventType = enumOf(...EVENT_TYPES);
export const InstallationSource = enumOf(
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
);
export const TRIGGER_SOURCES = ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const;
export type TriggerSourceName = (typeof TRIGGER_SOURCES)[number];
export const TriggerSource = enumOf(...TRIGGER_SOURCES);
export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export const WeekDay = enumOf(...WEEKDAYS);
