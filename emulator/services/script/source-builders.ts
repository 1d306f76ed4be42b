/** The builders of triggers on a spreadsheet, a form or a document: they choose the event. */
import { unchecked, gasError } from '../gas';
import type { EventTypeName, TriggerSourceName } from './enums';
import { TRIGGER_ERRORS } from './errors';
import { createTrigger, type ScriptState } from './triggers';

type Trigger = GoogleAppsScript.Script.Trigger;

/** The event-choosing builders (spreadsheet, form, document) share this shape. */
class SourceTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly state: ScriptState,
    private readonly cls: string,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
  ) {}
  protected on<T>(method: string, type: EventTypeName): T {
    this.state.rt.record('ScriptApp', `${this.cls}.${method}`);
    this.eventType = type;
    return unchecked<T>(this);
  }
  create(): Trigger {
    if (this.eventType === null) {
      this.state.rt.record('ScriptApp', `${this.cls}.create`);
      throw gasError(TRIGGER_ERRORS.noEvent);
    }
    return createTrigger(this.state, `${this.cls}.create`, {
      handler: this.handler,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
      clock: null,
    });
  }
}

export type STB = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
export class SpreadsheetTriggerBuilderImpl
  extends SourceTriggerBuilder
  implements Pick<STB, 'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'>
{
  onOpen(): STB {
    return this.on('onOpen', 'ON_OPEN');
  }
  onEdit(): STB {
    return this.on('onEdit', 'ON_EDIT');
  }
  onChange(): STB {
    return this.on('onChange', 'ON_CHANGE');
  }
  onFormSubmit(): STB {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }
}

export type FTB = GoogleAppsScript.Script.FormTriggerBuilder;
export class FormTriggerBuilderImpl
  extends SourceTriggerBuilder
  implements Pick<FTB, 'onOpen' | 'onFormSubmit' | 'create'>
{
  onOpen(): FTB {
    return this.on('onOpen', 'ON_OPEN');
  }
  onFormSubmit(): FTB {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }
}

export type DTB = GoogleAppsScript.Script.DocumentTriggerBuilder;
export class DocumentTriggerBuilderImpl
  extends SourceTriggerBuilder
  implements Pick<DTB, 'onOpen' | 'create'>
{
  onOpen(): DTB {
    return this.on('onOpen', 'ON_OPEN');
  }
}
