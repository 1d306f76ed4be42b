/** `ScriptApp.newTrigger(handler)`: chooses the kind of trigger and hands over to its builder. */
import { asGas } from '../gas';
import { ClockTriggerBuilderImpl, type CTB } from './clock-builder';
import {
  DocumentTriggerBuilderImpl,
  FormTriggerBuilderImpl,
  SpreadsheetTriggerBuilderImpl,
  type DTB,
  type FTB,
  type STB,
} from './source-builders';
import { idOf, type ScriptState } from './triggers';

export type TB = GoogleAppsScript.Script.TriggerBuilder;
export class TriggerBuilderImpl implements Pick<
  TB,
  'forSpreadsheet' | 'forForm' | 'forDocument' | 'timeBased'
> {
  constructor(
    private readonly state: ScriptState,
    private readonly handler: string,
  ) {}
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): STB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.forSpreadsheet');
    const id = idOf(sheet, 'sheet');
    return asGas<STB>(
      new SpreadsheetTriggerBuilderImpl(
        this.state,
        'SpreadsheetTriggerBuilder',
        this.handler,
        'SPREADSHEETS',
        id,
      ),
    );
  }
  forForm(form: GoogleAppsScript.Forms.Form | string): FTB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.forForm');
    const id = idOf(form, 'form');
    return asGas<FTB>(
      new FormTriggerBuilderImpl(this.state, 'FormTriggerBuilder', this.handler, 'FORMS', id),
    );
  }
  forDocument(document: GoogleAppsScript.Document.Document | string): DTB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.forDocument');
    const id = idOf(document, 'document');
    return asGas<DTB>(
      new DocumentTriggerBuilderImpl(
        this.state,
        'DocumentTriggerBuilder',
        this.handler,
        'DOCUMENTS',
        id,
      ),
    );
  }
  timeBased(): CTB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.timeBased');
    return asGas<CTB>(new ClockTriggerBuilderImpl(this.state, this.handler));
  }
}
