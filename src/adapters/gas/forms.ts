import { monitoredSpreadsheet } from './spreadsheet';
import { UI } from '../../core/messages';
import { parsePrefilledUrl } from '../../core/prefill';
import type { PrefillTemplate } from '../../ports';
import type { FormBuilder, FormInfo, FormItemSpec, FormSpec } from '../../ports';

type Form = GoogleAppsScript.Forms.Form;
/** Google's publishing methods (2026), not yet in @types/google-apps-script. */
type Publishable = Form & { isPublished(): boolean; setPublished(published: boolean): Form };
const publishable = (form: Form) => form as Publishable;
type Item = GoogleAppsScript.Forms.Item;

/**
 * Builds the questionnaire. Each item carries its field code as a marker at the end of its
 * help text (`[код: students_total]`), so the form can be synced after the inspector renames
 * questions, and answers can be mapped by item, never by column position.
 */
export const CODE_MARKER = /\s*\[код: ([a-z0-9_]+)\]\s*$/;

function helpWithCode(item: FormItemSpec): string {
  return `${item.help}${item.help ? ' ' : ''}[код: ${item.code}]`;
}

/** A list must offer at least one choice (an empty registry still makes a valid form). */
function listChoices(choices: readonly string[] | undefined): string[] {
  return choices && choices.length > 0 ? choices.slice() : ['—'];
}

export function codeOfItem(item: Item): string | null {
  const match = CODE_MARKER.exec(item.getHelpText());
  return match ? match[1] : null;
}

/** What the form itself checks as the school types (the product validates again on ingest). */
function textValidation(kind: FormItemSpec['kind']): GoogleAppsScript.Forms.TextValidation | null {
  const builder = FormApp.createTextValidation();
  if (kind === 'int')
    return builder.requireWholeNumber().setHelpText(UI.formHintWholeNumber).build();
  if (kind === 'url') return builder.requireTextIsUrl().setHelpText(UI.formHintUrl).build();
  if (kind === 'email') return builder.requireTextIsEmail().setHelpText(UI.formHintEmail).build();
  return null;
}

/** The form id in a form URL (`…/forms/d/<id>/edit`, also with a `/a/<domain>/` prefix). */
export function formIdOfUrl(url: string | null): string | null {
  const m = /\/forms\/(?:u\/\d+\/)?d\/(?!e\/)([^/?#]+)/.exec(url ?? '');
  return m ? m[1] : null;
}

/** The sheet of `ss` that the form with this id sends its responses to. */
export function responsesSheetOf(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  formId: string,
): number | null {
  const sheet = ss.getSheets().find((s) => formIdOfUrl(s.getFormUrl()) === formId);
  return sheet ? sheet.getSheetId() : null;
}

const EDIT_LINK_TOLERANCE_MS = 2000;

export class GasFormBuilder implements FormBuilder {
  open(id: string): FormInfo | null {
    let form: Form;
    try {
      form = FormApp.openById(id);
    } catch {
      return null;
    }
    return this.info(form, null);
  }

  create(spec: FormSpec, spreadsheetId: string): FormInfo {
    const form = FormApp.create(spec.title);
    form
      .setDescription(spec.description)
      .setConfirmationMessage(spec.confirmation)
      .setAllowResponseEdits(true)
      .setCollectEmail(false);
    spec.sections.forEach((section, i) => {
      if (i > 0) form.addPageBreakItem().setTitle(section.title).setHelpText(section.help);
      else if (section.help)
        form.addSectionHeaderItem().setTitle(section.title).setHelpText(section.help);
      for (const item of section.items) this.addItem(form, item);
    });
    // A form made through the API starts unpublished: schools could not answer it.
    publishable(form).setPublished(true);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
    // The new responses sheet (named in the spreadsheet's language) may not be visible to this
    // execution before a flush; it is then found by the form it belongs to, not by its name.
    SpreadsheetApp.flush();
    return this.info(form, responsesSheetOf(monitoredSpreadsheet(), form.getId()));
  }

  publish(id: string): void {
    publishable(FormApp.openById(id)).setPublished(true);
  }

  sync(id: string, spec: FormSpec): void {
    const form = FormApp.openById(id);
    const byCode = new Map<string, Item>();
    for (const item of form.getItems()) {
      const code = codeOfItem(item);
      if (code) byCode.set(code, item);
    }
    // Section help follows the spec (the results section names its exam year, which follows
    // the period in settings); sections are found by their title.
    const helpByTitle = new Map(spec.sections.map((sec) => [sec.title, sec.help]));
    for (const item of form.getItems()) {
      const type = item.getType();
      if (type !== FormApp.ItemType.PAGE_BREAK && type !== FormApp.ItemType.SECTION_HEADER)
        continue;
      const help = helpByTitle.get(item.getTitle());
      if (help === undefined || item.getHelpText() === help) continue;
      if (type === FormApp.ItemType.PAGE_BREAK) item.asPageBreakItem().setHelpText(help);
      else item.asSectionHeaderItem().setHelpText(help);
    }
    for (const section of spec.sections) {
      for (const itemSpec of section.items) {
        const existing = byCode.get(itemSpec.code);
        if (existing) {
          existing.setHelpText(helpWithCode(itemSpec));
          if (itemSpec.kind === 'list')
            existing.asListItem().setChoiceValues(listChoices(itemSpec.choices));
        } else {
          // A field added to the catalogue since the form was made: appended, answers kept.
          this.addItem(form, itemSpec);
        }
      }
    }
  }

  setChoices(id: string, code: string, choices: readonly string[]): void {
    const form = FormApp.openById(id);
    const item = form.getItems().find((i) => codeOfItem(i) === code);
    if (item) item.asListItem().setChoiceValues(listChoices(choices));
  }

  titleMap(id: string): Record<string, string> {
    const map: Record<string, string> = {};
    for (const item of FormApp.openById(id).getItems()) {
      const code = codeOfItem(item);
      if (code) map[item.getTitle()] = code;
    }
    return map;
  }

  prefill(id: string, sample: Readonly<Record<string, string>>): PrefillTemplate {
    const form = FormApp.openById(id);
    const response = form.createResponse();
    const items = form.getItems();
    for (const [code, value] of Object.entries(sample)) {
      const item = items.find((i) => codeOfItem(i) === code);
      if (!item) continue;
      const kind = item.getType();
      if (kind === FormApp.ItemType.LIST)
        response.withItemResponse(item.asListItem().createResponse(value));
      else if (kind === FormApp.ItemType.TEXT)
        response.withItemResponse(item.asTextItem().createResponse(value));
    }
    return parsePrefilledUrl(response.toPrefilledUrl(), sample);
  }

  /**
   * Google does not document that the sheet's timestamp equals `FormResponse.getTimestamp()`
   * to the millisecond: responses within 2 s are candidates, told apart by the school they
   * name. No link rather than someone else's.
   */
  itemId(id: string, code: string): number | null {
    const item = FormApp.openById(id)
      .getItems()
      .find((i) => codeOfItem(i) === code);
    return item ? item.getId() : null;
  }

  editUrl(id: string, timestamp: Date, schoolId?: string, schoolItemId?: number): string | null {
    const form = FormApp.openById(id);
    const t = timestamp.getTime();
    let found = form
      .getResponses(new Date(t - EDIT_LINK_TOLERANCE_MS))
      .filter((r) => Math.abs(r.getTimestamp().getTime() - t) <= EDIT_LINK_TOLERANCE_MS);
    // An item keeps its id; one deleted and made again is found by its code marker.
    const kept = schoolId && schoolItemId !== undefined ? form.getItemById(schoolItemId) : null;
    const item = schoolId
      ? (kept ?? form.getItems().find((i) => codeOfItem(i) === 'school_id'))
      : undefined;
    if (item && schoolId) {
      found = found.filter((r) => {
        const answer = String(r.getResponseForItem(item)?.getResponse() ?? '').trim();
        return answer === schoolId || answer.startsWith(`${schoolId} — `);
      });
    }
    return found.length === 1 ? found[0].getEditResponseUrl() : null;
  }

  private info(form: Form, responsesSheetId: number | null): FormInfo {
    let destinationId: string | null = null;
    try {
      destinationId = form.getDestinationId();
    } catch {
      destinationId = null; // Google throws when the form has no destination
    }
    return {
      id: form.getId(),
      editUrl: form.getEditUrl(),
      publishedUrl: form.getPublishedUrl(),
      responsesSheetId,
      published: publishable(form).isPublished(),
      acceptingResponses: form.isAcceptingResponses(),
      destinationId,
    };
  }

  private addItem(form: Form, spec: FormItemSpec): void {
    const help = helpWithCode(spec);
    switch (spec.kind) {
      case 'int':
      case 'url':
      case 'email':
      case 'text': {
        const item = form
          .addTextItem()
          .setTitle(spec.title)
          .setHelpText(help)
          .setRequired(spec.required);
        const validation = textValidation(spec.kind);
        if (validation) item.setValidation(validation);
        return;
      }
      case 'bool':
        form
          .addMultipleChoiceItem()
          .setTitle(spec.title)
          .setHelpText(help)
          .setRequired(spec.required)
          .setChoiceValues(['Да', 'Нет']);
        return;
      case 'list':
        form
          .addListItem()
          .setTitle(spec.title)
          .setHelpText(help)
          .setRequired(spec.required)
          .setChoiceValues(listChoices(spec.choices));
        return;
      case 'paragraph':
        form
          .addParagraphTextItem()
          .setTitle(spec.title)
          .setHelpText(help)
          .setRequired(spec.required);
        return;
    }
  }
}
