/**
 * Google's errors: in Apps Script the message is the bare text and the error's name is
 * "Exception", so String(error) reads "Exception: <text>" as in the execution log.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}
