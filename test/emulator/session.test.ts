import { Runtime } from '../../emulator/runtime';
import { createSession } from '../../emulator/services/session';

describe('Session', () => {
  test('active and effective user are the runtime user', () => {
    const rt = new Runtime({ userEmail: 'methodist@edu.example.ru' });
    const session = createSession(rt);
    expect(session.getActiveUser().getEmail()).toBe('methodist@edu.example.ru');
    expect(session.getEffectiveUser().getEmail()).toBe('methodist@edu.example.ru');
  });

  test("the script time zone is the runtime's", () => {
    expect(createSession(new Runtime()).getScriptTimeZone()).toBe('Europe/Moscow');
    expect(createSession(new Runtime({ timeZone: 'Asia/Yekaterinburg' })).getScriptTimeZone()).toBe(
      'Asia/Yekaterinburg',
    );
  });

  test('the temporary user key is stable per user, differs between users and hides the e-mail', () => {
    const a = createSession(new Runtime({ userEmail: 'a@example.org' }));
    const b = createSession(new Runtime({ userEmail: 'b@example.org' }));
    const key = a.getTemporaryActiveUserKey();
    expect(a.getTemporaryActiveUserKey()).toBe(key);
    expect(b.getTemporaryActiveUserKey()).not.toBe(key);
    expect(key).not.toContain('a@example.org');
  });
});
