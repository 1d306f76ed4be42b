/**
 * The views lower modules hand out through `store.views` (an answer's item, a submission's form
 * and response): the one module above them all, so the forms package imports in no circle.
 */
import { formView } from './form';
import { genericItem } from './item-generic';
import type { FormStore, FormViews } from './model';
import { responseView } from './responses';

export function formViews(store: FormStore): FormViews {
  return {
    item: (ctx) => genericItem(ctx),
    form: (data) => formView(store, data),
    response: (form, data) => responseView(store, form, data),
  };
}
