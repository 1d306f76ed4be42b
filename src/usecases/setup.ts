/**
 * «Настроить мониторинг…»: creates what is missing (sheets, the questionnaire, its trigger)
 * and changes nothing that exists: running it twice makes no second form or trigger and
 * keeps every edit the inspector made in their sheets.
 */
import { FIELDS, FORM_SECTIONS, REGISTRY_COLUMNS } from '../core/catalogue';
import { COLUMNS, JOURNAL, SHEETS, UI } from '../core/messages';
import type { FieldDef } from '../core/catalogue';
import type { FormItemKind, FormSpec, Ports } from '../ports';
import { journal } from './journal';
import { dataHeader, readRegistry, registryHeader, ruleRows, settingsRows } from './workbook';

export const FORM_ID_KEY = 'form.id';
export const TITLE_MAP_KEY = 'form.titles';
export const FORM_SUBMIT_HANDLER = 'onFormSubmit';
export const SCHOOL_FIELD = 'school_id';

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
  note(settingsMade, SHEETS.settings);

  note(
    sheets.ensure(SHEETS.registry, registryHeader(), {
      frozenRows: 1,
      columns: REGISTRY_COLUMNS.map((c) => ({
        width: c.code === 'name' ? 280 : 150,
        numberFormat: c.code === 'school_id' || c.code === 'leader_school_id' ? '@' : undefined,
        allowed:
          c.type === 'bool' ? ['да', 'нет'] : c.code === 'locality' ? ['город', 'село'] : undefined,
      })),
    }),
    SHEETS.registry,
  );
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
  note(
    sheets.ensure(SHEETS.data, dataHeader(), {
      frozenRows: 1,
      headerNotes: [...COLUMNS.dataLead, ...FIELDS.map((f) => f.label)],
      columns: [{ numberFormat: '@' }, {}, {}, { numberFormat: 'dd.MM.yyyy HH:mm:ss' }],
    }),
    SHEETS.data,
  );
  note(sheets.ensure(SHEETS.rejected, COLUMNS.rejected, { frozenRows: 1 }), SHEETS.rejected);
  note(sheets.ensure(SHEETS.journal, COLUMNS.journal, { frozenRows: 1 }), SHEETS.journal);

  const choices = schoolChoices(ports);
  const spec = formSpec(choices);
  const formId = ports.properties.get(FORM_ID_KEY);
  let form = formId ? ports.forms.open(formId) : null;
  if (form) {
    ports.forms.sync(form.id, spec);
  } else {
    form = ports.forms.create(spec, sheets.id());
    ports.properties.set(FORM_ID_KEY, form.id);
    if (form.responsesSheetId !== null)
      sheets.renameSheetById(form.responsesSheetId, SHEETS.responses);
    created.push('анкета');
  }
  ports.properties.set(TITLE_MAP_KEY, JSON.stringify(renamedTitles(ports.forms.titleMap(form.id))));
  if (ports.triggers.ensureFormSubmit(FORM_SUBMIT_HANDLER)) created.push('триггер отправки формы');

  journal(ports, JOURNAL.setup, created.length > 0 ? created.join(', ') : '—');
  return { formUrl: form.publishedUrl, created };
}

/**
 * Only the questions whose title differs from the catalogue's label (renamed by the inspector)
 * need remembering: the others are matched by label. Keeps the property far below 9 KB.
 */
export function renamedTitles(map: Readonly<Record<string, string>>): Record<string, string> {
  const labels = new Map(FIELDS.map((f) => [f.code, f.label]));
  return Object.fromEntries(
    Object.entries(map).filter(([title, code]) => labels.get(code) !== title),
  );
}

/** «Обновить список школ в форме»: the school list of the form follows the registry. */
export function syncSchoolList(ports: Ports): number {
  const formId = ports.properties.get(FORM_ID_KEY);
  const choices = schoolChoices(ports);
  if (formId) ports.forms.setChoices(formId, SCHOOL_FIELD, choices);
  return choices.length;
}

/** A school as the form lists it: `id — name`; ingestion takes the id back. */
export function schoolChoice(id: string, name: string): string {
  return `${id} — ${name}`;
}

export function schoolIdFromChoice(answer: string): string {
  const text = answer.trim();
  const dash = text.indexOf(' — ');
  return dash >= 0 ? text.slice(0, dash).trim() : text;
}

function schoolChoices(ports: Ports): string[] {
  return readRegistry(ports.sheets)
    .schools.filter((s) => s.active)
    .map((s) => schoolChoice(s.school_id, s.name));
}

function itemKind(field: FieldDef): FormItemKind {
  if (field.code === SCHOOL_FIELD) return 'list';
  if (field.code === 'respondent_email') return 'email';
  if (field.code === 'comment') return 'paragraph';
  return field.type;
}

/** The questionnaire, built from the catalogue: one section per catalogue section. */
export function formSpec(schoolChoices: readonly string[]): FormSpec {
  return {
    title: UI.formTitle,
    description: UI.formDescription,
    confirmation: UI.formConfirmation,
    sections: FORM_SECTIONS.map((section) => ({
      title: section.title,
      help: section.help,
      items: FIELDS.filter((f) => f.section === section.id).map((f) => ({
        code: f.code,
        title: f.label,
        help: f.help,
        kind: itemKind(f),
        required: Boolean(f.required),
        choices: f.code === SCHOOL_FIELD ? schoolChoices : undefined,
      })),
    })),
  };
}
