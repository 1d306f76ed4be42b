/**
 * Emulated Session: who runs the script and in which time zone, from the runtime's settings.
 */
import { createHash } from 'node:crypto';
import type { Runtime } from '../runtime';
import { asGas } from './gas';

class EmulatedUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    private readonly rt: Runtime,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.rt.record('Session', 'User.getEmail');
    return this.email;
  }
}

export class EmulatedSession implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  constructor(private readonly rt: Runtime) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    this.rt.record('Session', 'Session.getActiveUser');
    return asGas(new EmulatedUser(this.rt, this.rt.userEmail));
  }

  /** The municipality's inspectors work in Russian. */
  getActiveUserLocale(): string {
    this.rt.record('Session', 'Session.getActiveUserLocale');
    return 'ru';
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.rt.record('Session', 'Session.getEffectiveUser');
    return asGas(new EmulatedUser(this.rt, this.rt.userEmail));
  }

  getScriptTimeZone(): string {
    this.rt.record('Session', 'Session.getScriptTimeZone');
    return this.rt.timeZone;
  }

  /** Stable per user and opaque, as Google's is (it does not reveal the e-mail). */
  getTemporaryActiveUserKey(): string {
    this.rt.record('Session', 'Session.getTemporaryActiveUserKey');
    return createHash('sha256').update(`active-user:${this.rt.userEmail}`).digest('base64url');
  }
}

export function createSession(rt: Runtime): EmulatedSession {
  return new EmulatedSession(rt);
}
