/**
 * Small helpers shared by the emulated FormApp: the one cast from an emulated object to the
 * Google type it stands for, and Google-style errors.
 */

/** Casts an emulated object to the Google interface it emulates (the one place we cast). */
export function asGas<T>(x: unknown): T {
  return x as T;
}

/**
 * An error as Apps Script throws it: the message is Google's bare text and the name is
 * "Exception", so `String(e)` reads "Exception: <text>" as in the execution log.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Google's wording when an argument is out of range or of the wrong kind. */
export function invalidArgument(name: string): Error {
  return gasError(`Invalid argument: ${name}`);
}
