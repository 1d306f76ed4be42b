/**
 * The bridge between the emulated classes and Google's declared types, in one place:
 * `asGas` hands an emulated object out as the Google type a method returns, and `gasError`
 * builds an error as Apps Script throws it.
 */

/**
 * What the compiler can check of an emulated object handed out as Google's `T`: the emulation
 * implements a subset of `T`, and every member it shares with `T` must have `T`'s type (a
 * method returning the wrong thing, or an object with nothing in common with `T`, fails to
 * compile). Arrays are checked element by element; `null` passes where `T` allows it.
 */
export type Emulating<T> = T extends null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? readonly Emulating<U>[]
    : T extends object
      ? { [K in keyof T]?: T[K] }
      : T;

/**
 * Hands an emulated object out as the Google type `T` it emulates. `T` comes from the call
 * site (the method's declared return type, or an explicit `asGas<T>(…)`), never from `x`.
 * `null` (or a missing value) passes too: Google returns it in many places its typings
 * promise an object or a string.
 */
export function asGas<T>(x: NoInfer<Emulating<T>> | null | undefined): T {
  return x as T;
}

/**
 * What the compiler can check of an emulated enum handed out as Google's enum object `E`:
 * Google's typings declare TypeScript enums, the emulation uses plain objects whose values
 * are the member names, so every member `E` has must hold its own name, and an object sharing
 * no member with `E` is refused (Google's numeric reverse mapping is left out).
 */
export type EnumMembers<E> = { readonly [K in keyof E & string]?: K };

/** Hands an emulated enum object out as Google's enum `E` (checked by `EnumMembers`). */
export function gasEnum<E>(members: NoInfer<EnumMembers<E>>): E {
  return members as E;
}

/**
 * Hands out one member of an emulated enum (its name, e.g. `'HEADING1'`) as Google's enum
 * member type. The member type does not tell the compiler its names, so this cast is blind.
 */
export function gasEnumMember<M>(name: string | null | undefined): M {
  return name as M;
}

/**
 * The casts the compiler cannot check, named so they stay few and visible: a generic builder
 * returning itself as Google's `Self`, a Google object the product hands back that is one of
 * the emulator's own, an element reached through the documents' untyped tree walk.
 */
export function unchecked<T>(x: unknown): T {
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
