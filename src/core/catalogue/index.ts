/** The catalogue: one source for the form, the sheets, validation, the summary and the report. */
export * from './fields';
export * from './components';
export * from './settings';
export * from './registry';
export * from './indicators';
export * from './rules';
