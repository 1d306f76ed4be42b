/** The catalogue: one source for the form, the sheets, validation, the summary and the report. */
export * from './fields';
export * from './components';
export * from './settings';
export * from './registry';
export * from './indicators';
export * from './rules';

import { FIELDS, FORM_SECTIONS, type FieldDef, type FormSection } from './fields';

/**
 * The questionnaire a use case works with. Use cases take it as an argument (the product
 * passes CATALOGUE), so a test can run them with a catalogue that gained a field.
 */
export interface Catalogue {
  fields: readonly FieldDef[];
  sections: readonly FormSection[];
}

export const CATALOGUE: Catalogue = { fields: FIELDS, sections: FORM_SECTIONS };
