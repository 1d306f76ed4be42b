/**
 * After a response is stored or edited: write it to the responses sheet and announce it on the
 * runtime bus as `formSubmit`, where ScriptApp picks it up to fire the submit triggers (unless
 * the lost-trigger fault is on).
 */
import { writeResponse } from './destination';
import type { FormData, FormStore, FormSubmitPayload, ResponseData } from './model';

export function publishSubmission(
  store: FormStore,
  form: FormData,
  data: ResponseData,
  isEdit: boolean,
): void {
  const written = writeResponse(store, form, data);
  const payload: FormSubmitPayload = {
    formId: form.id,
    form: store.views.form(form),
    response: store.views.response(form, data),
    isEdit,
  };
  if (written && form.destination) {
    payload.spreadsheetId = form.destination.spreadsheetId;
    payload.sheetId = form.destination.sheetId;
    payload.row = written.row;
    payload.spreadsheet = written.spreadsheet;
    payload.range = written.range;
    payload.values = written.values;
    payload.namedValues = written.namedValues;
  }
  if (!store.rt.faults.lostSubmitEvents) store.rt.emit('formSubmit', payload);
}
