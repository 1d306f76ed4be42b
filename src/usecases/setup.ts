/**
 * «Настроить мониторинг…»: creates what is missing (sheets, the questionnaire, its trigger)
 * and changes nothing that exists: running it twice makes no second form or trigger and
 * keeps every edit the inspector made in their sheets.
 */
import { CATALOGUE, SETTINGS, sectionHelp, type Catalogue, type FieldDef } from '../core/catalogue';
import { ACCESS_CODE_FIELD, SCHOOL_FIELD } from '../core/intake';
import { INTAKE, JOURNAL, UI } from '../core/messages';
import { activeSchoolChoices } from '../core/schoolChoice';
import type { FormItemKind, FormItemSpec, FormSpec, Ports } from '../ports';
import { ensureDataLayout, ensureProductSheet } from '../sheets/product';
import { ensureMeasuresSheet } from '../sheets/measures';
import {
  FORM_ID_KEY,
  headerOf,
  layoutOf,
  LISTS_SHEET,
  readRecords,
  REGISTRY_SHEET,
  RESPONSES_SHEET_KEY,
  RULES_SHEET,
  SCHOOL_ITEM_KEY,
  SETTINGS_SHEET,
  SHEETS,
  TITLE_MAP_KEY,
  type SheetSchema,
} from '../sheets/schema';
import { readRegistry, readSettingsSheet, ruleRows, settingsRows } from '../sheets/workbook';
import { journal } from './journal';
import { checkTriggers } from './triggers';
import { RULES_REVISION_KEY, upgradeRulesSheet } from './upgradeRules';
import { refreshLinks } from './links';
import { renamedTitles } from './titles';

export { FORM_SUBMIT_HANDLER } from './triggers';
import { FORM_SUBMIT_HANDLER } from './triggers';

export interface SetupResult {
  formUrl: string;
  created: string[];
}

export function setupMonitoring(ports: Ports, catalogue: Catalogue = CATALOGUE): SetupResult {
  const { sheets } = ports;
  const created: string[] = [];
  const note = (made: boolean, what: string) => made && created.push(what);

  const ensure = (schema: SheetSchema) =>
    sheets.ensure(schema.name, headerOf(schema), layoutOf(schema));
  const settingsMade = ensure(SETTINGS_SHEET);
  if (settingsMade) sheets.append(SHEETS.settings, settingsRows());
  else addMissingSettings(ports);
  note(settingsMade, SHEETS.settings);

  note(ensure(REGISTRY_SHEET), SHEETS.registry);
  // Two rows with one school code are shown in red as the inspector types.
  const idColumn = REGISTRY_SHEET.columns.findIndex((c) => c.code === SCHOOL_FIELD) + 1;
  sheets.highlightDuplicates(SHEETS.registry, idColumn);
  note(ensure(LISTS_SHEET), SHEETS.lists);
  const rulesMade = ensure(RULES_SHEET);
  if (rulesMade) {
    sheets.append(SHEETS.rules, ruleRows());
    ports.properties.set(RULES_REVISION_KEY, '2'); // seeded with the rev-2 defaults
  } else upgradeRulesSheet(ports);
  note(rulesMade, SHEETS.rules);
  const dataMade = ensureProductSheet(ports, 'data', catalogue.fields);
  ensureDataLayout(ports, catalogue.fields);
  note(dataMade, SHEETS.data);
  note(ensureProductSheet(ports, 'rejected'), SHEETS.rejected);
  note(ensureProductSheet(ports, 'journal'), SHEETS.journal);
  // The mail log too: the first rejected response should not pay for creating it.
  note(ensureProductSheet(ports, 'outbox'), SHEETS.outbox);

  const choices = schoolChoices(ports);
  note(ensureMeasuresSheet(sheets, choices), SHEETS.measures);
  const spec = formSpec(choices, readSettingsSheet(sheets).settings.period, catalogue);
  const formId = ports.properties.get(FORM_ID_KEY);
  let form = formId ? ports.forms.open(formId) : null;
  if (form) {
    ports.forms.sync(form.id, spec);
    if (!form.published) ports.forms.publish(form.id);
  } else {
    form = ports.forms.create(spec, sheets.id());
    ports.properties.set(FORM_ID_KEY, form.id);
    if (form.responsesSheetId !== null) {
      // The responses sheet is found by its id from now on: the inspector may rename it, and
      // an older «Ответы формы» (of a deleted form) may still hold the name.
      ports.properties.set(RESPONSES_SHEET_KEY, String(form.responsesSheetId));
      sheets.renameSheetById(form.responsesSheetId, SHEETS.responses);
    }
    created.push(UI.createdForm);
  }
  ports.properties.set(
    TITLE_MAP_KEY,
    JSON.stringify(renamedTitles(ports.forms.titleMap(form.id), catalogue)),
  );
  const schoolItem = ports.forms.itemId(form.id, SCHOOL_FIELD);
  if (schoolItem !== null) ports.properties.set(SCHOOL_ITEM_KEY, String(schoolItem));
  if (ports.triggers.ensureFormSubmit(FORM_SUBMIT_HANDLER)) created.push(UI.createdTrigger);
  // One trigger per handler: the daily reminders at the send hour, duplicates removed.
  const health = checkTriggers(ports, { repair: true });
  created.push(...health.lines);
  refreshLinks(ports);

  journal(ports, JOURNAL.setup, created.length > 0 ? created.join(', ') : '—');
  return { formUrl: form.publishedUrl, created };
}

/**
 * «Обновить список школ в форме»: the school list of the form follows the registry, and
 * «Ссылки школам» is rewritten with each school's personal link.
 */
export function syncSchoolList(ports: Ports): number {
  return refreshLinks(ports).length;
}

/** Settings added to the catalogue since setup ran appear with their defaults. */
function addMissingSettings(ports: Ports): void {
  const present = new Set(
    readRecords(SETTINGS_SHEET, ports.sheets.read(SHEETS.settings)).map((r) =>
      String(r.record.key).trim(),
    ),
  );
  const missing = SETTINGS.filter((s) => !present.has(s.code));
  if (missing.length > 0) ports.sheets.append(SHEETS.settings, settingsRows(missing));
}

function schoolChoices(ports: Ports): string[] {
  return activeSchoolChoices(readRegistry(ports.sheets).schools);
}

/** The access code question (8a): filled by each school's personal link. */
const ACCESS_CODE_ITEM: FormItemSpec = {
  code: ACCESS_CODE_FIELD,
  title: INTAKE.accessCodeTitle,
  help: INTAKE.accessCodeHelp,
  kind: 'text',
  required: false,
};

function itemKind(field: FieldDef): FormItemKind {
  if (field.code === SCHOOL_FIELD) return 'list';
  return field.input ?? field.type;
}

/** The questionnaire, built from the catalogue: one section per catalogue section. */
export function formSpec(
  schoolChoices: readonly string[],
  period: unknown = '',
  catalogue: Catalogue = CATALOGUE,
): FormSpec {
  return {
    title: UI.formTitle,
    description: UI.formDescription,
    confirmation: UI.formConfirmation,
    sections: catalogue.sections
      .map((section) => ({
        title: section.title,
        help: sectionHelp(section, typeof period === 'string' ? period : ''),
        items: catalogue.fields
          .filter((f) => f.section === section.id)
          .map((f) => ({
            code: f.code,
            title: f.label,
            help: f.help,
            kind: itemKind(f),
            required: Boolean(f.required),
            choices: f.code === SCHOOL_FIELD ? schoolChoices : undefined,
          })),
      }))
      .map((section, i) =>
        i === 0 ? { ...section, items: [...section.items, ACCESS_CODE_ITEM] } : section,
      ),
  };
}
