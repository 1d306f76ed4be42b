import { dueStep, type ReminderPlan } from '../../src/core/reminders';
import { readSettings } from '../../src/core/settings';

describe('reminders settings and plan', () => {
  it('reminders: a bad «days before» list gets a Russian message naming the setting and the value', () => {
    const { settings, errors } = readSettings([['reminder_days_before', '7, неделя']]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('«Напоминания: за сколько дней до срока» = «7, неделя»');
    expect(errors[0]).toContain('ожидаются дни через запятую, например «7, 1»');
    expect(settings.reminder_days_before).toBe('7, 1');
    expect(readSettings([['reminder_days_before', '1; 7 и 3']]).settings.reminder_days_before).toBe(
      '7, 3, 1',
    );
  });

  it('reminders wait the minimum gap after the last one and stop at the maximum', () => {
    const plan: ReminderPlan = {
      deadline: '2026-04-11',
      before: [7, 1],
      onDeadline: true,
      everyAfter: 3,
      max: 3,
      minGap: 2,
    };
    expect(dueStep(plan, -7, [])).toBe('b7');
    // b1 is due, but the last reminder went out 1 day ago, under the 2-day gap: none today.
    expect(dueStep(plan, -1, [{ step: 'b7', day: -2 }])).toBeNull();
    expect(dueStep(plan, 0, [{ step: 'b7', day: -2 }])).toBe('d0');
    expect(dueStep(plan, -1, [{ step: 'b7', day: -7 }])).toBe('b1');
    const three = [
      { step: 'b7', day: -7 },
      { step: 'b1', day: -1 },
      { step: 'd0', day: 0 },
    ];
    expect(dueStep(plan, 3, three)).toBeNull();
  });
});
