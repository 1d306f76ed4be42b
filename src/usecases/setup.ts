/**
 * «Настроить мониторинг…»: creates what is missing (sheets, the questionnaire, its trigger)
 * and changes nothing that exists: running it twice makes no second form or trigger and
 * keeps every edit the inspector made in their sheets.
 */
import { FIELDS, FORM_SECTIONS, REGISTRY_COLUMNS, sectionHelp } from '../core/catalogue';
import { COLUMNS, FORM_ID_KEY, RESPONSES_SHEET_KEY, SHEETS, TITLE_MAP_KEY } from '../sheets/schema';
import { INTAKE, JOURNAL, UI } from '../core/messages';
import type { FieldDef } from '../core/catalogue';
import type { FormItemKind, FormItemSpec, FormSpec, Ports } from '../ports';
import { ACCESS_CODE_FIELD, activeSchoolChoices, SCHOOL_FIELD } from '../core/intake';
import { refreshLinks } from './links';
import { renamedTitles } from './titles';
import { ensureDataLayout, ensureProductSheet } from '../sheets/product';
import { measuresSheet } from '../sheets/measures';
import { journal } from './journal';
import {
  readRegistry,
  readSettingsSheet,
  registryHeader,
  ruleRows,
  settingsRows,
} from '../sheets/workbook';

export const FORM_SUBMIT_HANDLER = 'onFormSubmit';

export interface SetupResult {
  formUrl: string;
  created: string[];
}

export function setupMonitoring(ports: Ports): SetupResult {
  const { sheets } = ports;
  const created: string[] = [];
  const note = (made: boolean, what: string) => made && created.push(what);

  const settingsMade = sheets.ensure(SHEETS.settings, COLUMNS.settings, {
    frozenRows: 1,
    columns: [{ width: 220 }, { width: 380 }, { width: 160 }, { width: 480 }],
  });
  if (settingsMade) sheets.append(SHEETS.settings, settingsRows());
  else addMissingSettings(ports);
  note(settingsMade, SHEETS.settings);

  note(
    sheets.ensure(SHEETS.registry, registryHeader(), {
      frozenRows: 1,
      headerNotes: REGISTRY_COLUMNS.map((c) => c.help),
      columns: REGISTRY_COLUMNS.map((c) => ({
        width: c.code === 'name' ? 280 : 150,
        numberFormat: c.code === 'school_id' || c.code === 'leader_school_id' ? '@' : undefined,
        allowed:
          c.type === 'bool' ? ['да', 'нет'] : c.code === 'locality' ? ['город', 'село'] : undefined,
      })),
    }),
    SHEETS.registry,
  );
  // Two rows with one school code are shown in red as the inspector types.
  sheets.highlightDuplicates(SHEETS.registry, 1);
  note(
    sheets.ensure(SHEETS.lists, COLUMNS.lists, {
      frozenRows: 1,
      columns: [
        { width: 120 },
        { width: 140, numberFormat: '@' },
        { width: 140, allowed: ['ШНОР', 'ШНСУ', 'ШНОР+ШНСУ'] },
      ],
    }),
    SHEETS.lists,
  );
  const rulesMade = sheets.ensure(SHEETS.rules, COLUMNS.rules, {
    frozenRows: 1,
    columns: [
      { width: 90 },
      { width: 220 },
      { width: 90 },
      { width: 90 },
      { width: 90 },
      { width: 520 },
      { width: 110 },
    ],
  });
  if (rulesMade) sheets.append(SHEETS.rules, ruleRows());
  note(rulesMade, SHEETS.rules);
  const dataMade = ensureProductSheet(ports, SHEETS.data);
  ensureDataLayout(ports);
  note(dataMade, SHEETS.data);
  note(ensureProductSheet(ports, SHEETS.rejected), SHEETS.rejected);
  note(ensureProductSheet(ports, SHEETS.journal), SHEETS.journal);

  const choices = schoolChoices(ports);
  const measures = measuresSheet(choices);
  note(sheets.ensure(SHEETS.measures, measures.header, measures.layout), SHEETS.measures);
  const spec = formSpec(choices, readSettingsSheet(sheets).settings.period);
  const formId = ports.properties.get(FORM_ID_KEY);
  let form = formId ? ports.forms.open(formId) : null;
  if (form) {
    ports.forms.sync(form.id, spec);
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
  ports.properties.set(TITLE_MAP_KEY, JSON.stringify(renamedTitles(ports.forms.titleMap(form.id))));
  if (ports.triggers.ensureFormSubmit(FORM_SUBMIT_HANDLER)) created.push(UI.createdTrigger);
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
  const present = new Set(ports.sheets.read(SHEETS.settings).map((r) => String(r[0]).trim()));
  const missing = settingsRows().filter((r) => !present.has(String(r[0])));
  ports.sheets.append(SHEETS.settings, missing);
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
  if (field.code === 'respondent_email') return 'email';
  if (field.code === 'comment') return 'paragraph';
  return field.type;
}

/** The questionnaire, built from the catalogue: one section per catalogue section. */
export function formSpec(schoolChoices: readonly string[], period: unknown = ''): FormSpec {
  return {
    title: UI.formTitle,
    description: UI.formDescription,
    confirmation: UI.formConfirmation,
    sections: FORM_SECTIONS.map((section) => ({
      title: section.title,
      help: sectionHelp(section, typeof period === 'string' ? period : ''),
      items: FIELDS.filter((f) => f.section === section.id).map((f) => ({
        code: f.code,
        title: f.label,
        help: f.help,
        kind: itemKind(f),
        required: Boolean(f.required),
        choices: f.code === SCHOOL_FIELD ? schoolChoices : undefined,
      })),
    })).map((section, i) =>
      i === 0 ? { ...section, items: [...section.items, ACCESS_CODE_ITEM] } : section,
    ),
  };
}
