/**
 * `SpreadsheetApp.getUi()`: menus, alerts, prompts, dialogs and sidebars. Nothing is shown; what
 * the script builds or shows is recorded for tests (non-Google `__` accessors). Alerts and
 * prompts answer with queued responses, else the first button of the set (OK or YES).
 */
import { Button, ButtonSet, type ButtonName, type ButtonSetName } from './enums';
import type { SheetsContext } from './context';
import { asGas, gasEnum, gasEnumMember } from '../gas';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuSpec };

export interface MenuSpec {
  title: string;
  addon: boolean;
  entries: MenuEntry[];
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
}

export interface DialogRecord {
  kind: 'modal' | 'modeless' | 'sidebar';
  title: string;
  content: string;
}

export class EmulatedMenu implements Pick<
  GasMenu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  private readonly entries: MenuEntry[] = [];

  constructor(
    private readonly ctx: SheetsContext,
    private readonly ui: EmulatedUi,
    private readonly title: string,
    private readonly addon: boolean,
  ) {}

  /** Non-Google: the menu as built so far. */
  __spec(): MenuSpec {
    return {
      title: this.title,
      addon: this.addon,
      entries: this.entries.map((e) =>
        e.kind === 'submenu' ? { kind: 'submenu', menu: e.menu } : { ...e },
      ),
    };
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.ctx.call('Menu.addItem');
    this.entries.push({ kind: 'item', caption, functionName });
    return asGas(this);
  }

  addSeparator(): GasMenu {
    this.ctx.call('Menu.addSeparator');
    this.entries.push({ kind: 'separator' });
    return asGas(this);
  }

  addSubMenu(menu: GasMenu): GasMenu {
    this.ctx.call('Menu.addSubMenu');
    this.entries.push({ kind: 'submenu', menu: asGas<EmulatedMenu>(menu).__spec() });
    return asGas(this);
  }

  addToUi(): void {
    this.ctx.call('Menu.addToUi');
    this.ui.__install(this.__spec());
  }
}

function contentOf(html: unknown): { title: string; content: string } {
  const h = html as { getContent?: () => string; getTitle?: () => string };
  return {
    title: typeof h?.getTitle === 'function' ? h.getTitle() : '',
    content: typeof h?.getContent === 'function' ? h.getContent() : String(html),
  };
}

const FIRST_BUTTON: Record<ButtonSetName, ButtonName> = {
  OK: 'OK',
  OK_CANCEL: 'OK',
  YES_NO: 'YES',
  YES_NO_CANCEL: 'YES',
};

type UiMethods =
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'prompt'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar';

export class EmulatedUi implements Pick<GasUi, UiMethods> {
  readonly Button = gasEnum<typeof GoogleAppsScript.Base.Button>(Button);
  readonly ButtonSet = gasEnum<typeof GoogleAppsScript.Base.ButtonSet>(ButtonSet);
  private readonly menus: MenuSpec[] = [];
  private readonly alerts: AlertRecord[] = [];
  private readonly dialogs: DialogRecord[] = [];
  private readonly buttonAnswers: ButtonName[] = [];
  private readonly promptAnswers: Array<{ text: string; button: ButtonName }> = [];

  constructor(private readonly ctx: SheetsContext) {}

  // --- non-Google: inspection and scripted answers -------------------------------------------

  __install(menu: MenuSpec): void {
    const i = this.menus.findIndex((m) => m.title === menu.title && m.addon === menu.addon);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }

  /** Menus added to the UI, in order. */
  __menus(): MenuSpec[] {
    return [...this.menus];
  }

  __alerts(): AlertRecord[] {
    return [...this.alerts];
  }

  __dialogs(): DialogRecord[] {
    return [...this.dialogs];
  }

  /** The buttons the user will press in the next alerts, in order. */
  __answerAlerts(...buttons: ButtonName[]): void {
    this.buttonAnswers.push(...buttons);
  }

  /** The text typed and button pressed in the next prompts, in order. */
  __answerPrompts(...answers: Array<{ text: string; button?: ButtonName }>): void {
    for (const a of answers) this.promptAnswers.push({ text: a.text, button: a.button ?? 'OK' });
  }

  // --- Google --------------------------------------------------------------------------

  createMenu(caption: string): GasMenu {
    this.ctx.call('Ui.createMenu');
    return asGas(new EmulatedMenu(this.ctx, this, caption, false));
  }

  /** The add-on's menu under Extensions; its title is the add-on's name, recorded as ''. */
  createAddonMenu(): GasMenu {
    this.ctx.call('Ui.createAddonMenu');
    return asGas(new EmulatedMenu(this.ctx, this, '', true));
  }

  alert(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button {
    this.ctx.call('Ui.alert');
    // Enum values are strings here, so the three-argument form is told apart by its length.
    const titled = c !== undefined;
    const buttons = String((titled ? c : b) ?? 'OK') as ButtonSetName;
    const answer = this.buttonAnswers.shift() ?? FIRST_BUTTON[buttons];
    this.alerts.push({
      title: titled ? a : '',
      prompt: titled ? (b as string) : a,
      buttons,
      answer,
    });
    return gasEnumMember(answer);
  }

  prompt(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse {
    this.ctx.call('Ui.prompt');
    const titled = c !== undefined;
    const buttons = String((titled ? c : b) ?? 'OK') as ButtonSetName;
    const answer = this.promptAnswers.shift() ?? { text: '', button: FIRST_BUTTON[buttons] };
    this.alerts.push({
      title: titled ? a : '',
      prompt: titled ? (b as string) : a,
      buttons,
      answer: answer.button,
    });
    return {
      getResponseText: () => answer.text,
      getSelectedButton: () => gasEnumMember(answer.button),
    };
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.call('Ui.showModalDialog');
    this.dialogs.push({ kind: 'modal', title, content: contentOf(userInterface).content });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.call('Ui.showModelessDialog');
    this.dialogs.push({ kind: 'modeless', title, content: contentOf(userInterface).content });
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.ctx.call('Ui.showSidebar');
    const { title, content } = contentOf(userInterface);
    this.dialogs.push({ kind: 'sidebar', title, content });
  }
}
