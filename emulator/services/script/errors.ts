/** Google's texts (the first is documented; the others follow Google's "Invalid argument" style). */
export const TRIGGER_ERRORS = {
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  everyMinutes: 'Invalid argument: minutes. Valid values are 1, 5, 10, 15 and 30.',
  noSchedule:
    'You must specify the frequency of the trigger (for example everyDays, everyHours or at).',
  twoSchedules: 'Only one frequency can be set for a time-based trigger.',
  hourNeedsDays:
    'atHour() can only be used with everyDays(), everyWeeks(), onWeekDay() or onMonthDay().',
  minuteNeedsHours: 'nearMinute() can only be used with everyHours() or atHour().',
  noEvent: 'You must choose the event the trigger fires on (for example onFormSubmit()).',
} as const;
