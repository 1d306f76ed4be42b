/** `Range.protect()` / `Sheet.protect()`: stored, not enforced (the script's owner may always edit). */
import type { SheetsContext } from './context';
import type { RangeBase } from './range-base';
import { asGas, gasEnumMember } from '../gas';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

type Methods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setWarningOnly';

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

export class EmulatedProtection implements Pick<GasProtection, Methods> {
  description = '';
  warningOnly = false;
  domainEdit = true;
  removed = false;
  readonly editors: string[];

  constructor(
    private readonly ctx: SheetsContext,
    readonly type: 'RANGE' | 'SHEET',
    readonly range: RangeBase,
    owner: string,
    private readonly onRemove: (p: EmulatedProtection) => void,
  ) {
    this.editors = [owner];
  }

  private set(method: string, apply: () => void): GasProtection {
    this.ctx.mutate(`Protection.${method}`);
    apply();
    return asGas(this);
  }

  setDescription(description: string): GasProtection {
    return this.set('setDescription', () => (this.description = description));
  }

  getDescription(): string {
    this.ctx.call('Protection.getDescription');
    return this.description;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    return this.set('setWarningOnly', () => (this.warningOnly = warningOnly));
  }

  isWarningOnly(): boolean {
    this.ctx.call('Protection.isWarningOnly');
    return this.warningOnly;
  }

  setDomainEdit(editable: boolean): GasProtection {
    return this.set('setDomainEdit', () => (this.domainEdit = editable));
  }

  canDomainEdit(): boolean {
    this.ctx.call('Protection.canDomainEdit');
    return this.domainEdit;
  }

  canEdit(): boolean {
    this.ctx.call('Protection.canEdit');
    return true;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    return this.set('addEditor', () => this.addEmails([emailOf(user)]));
  }

  addEditors(emails: string[]): GasProtection {
    return this.set('addEditors', () => this.addEmails(emails));
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    return this.set('removeEditor', () => this.removeEmails([emailOf(user)]));
  }

  removeEditors(users: Array<string | GoogleAppsScript.Base.User>): GasProtection {
    return this.set('removeEditors', () => this.removeEmails(users.map(emailOf)));
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    this.ctx.call('Protection.getEditors');
    return this.editors.map((email) =>
      asGas<GoogleAppsScript.Base.User>({ getEmail: () => email }),
    );
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.ctx.call('Protection.getProtectionType');
    return gasEnumMember(this.type);
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('Protection.getRange');
    return asGas(this.range);
  }

  remove(): void {
    this.ctx.mutate('Protection.remove');
    this.removed = true;
    this.onRemove(this);
  }

  private addEmails(emails: string[]): void {
    for (const e of emails) if (!this.editors.includes(e)) this.editors.push(e);
  }

  private removeEmails(emails: string[]): void {
    for (const e of emails) {
      const i = this.editors.indexOf(e);
      if (i >= 0) this.editors.splice(i, 1);
    }
  }
}
