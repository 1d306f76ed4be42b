import { UI } from '../../core/messages';

/** Set by the build: true when built to be published as an Editor add-on. */
declare const __ADDON__: boolean | undefined;

/**
 * The menu's items. A function, not a table built at load: the captions are packed texts that
 * the bundle decodes only when one is used (scripts/pack-texts.mjs).
 */
const menuItems = (): ReadonlyArray<readonly [caption: string, handler: string] | null> => [
  [UI.menuSetup, 'menuSetup'],
  [UI.menuSyncSchools, 'menuSyncSchools'],
  [UI.menuSendLinks, 'menuSendLinks'],
  [UI.menuReconcile, 'menuReconcile'],
  null,
  [UI.menuRecompute, 'menuRecompute'],
  [UI.menuReport, 'menuReport'],
  [UI.menuLetters, 'menuLetters'],
  null,
  [UI.menuSidebar, 'openSidebar'],
  [UI.menuCheckInstallation, 'menuCheckInstallation'],
  [UI.menuAbout, 'menuAbout'],
];

/**
 * Builds the menu and nothing else: in AuthMode.NONE (an add-on not yet used in this file)
 * no service but the UI may be touched. An add-on's menu lives under «Расширения»
 * (createAddonMenu); a script bound to the spreadsheet gets a top-level menu.
 */
export function buildMenu(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const ui = SpreadsheetApp.getUi();
  const asAddon =
    (typeof __ADDON__ !== 'undefined' && __ADDON__) ||
    (e !== undefined && e.authMode === ScriptApp.AuthMode.NONE);
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu(UI.menuTitle);
  for (const item of menuItems()) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** A dialog from a built page (dist/<name>.html). */
export function showDialog(page: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(page).setWidth(520).setHeight(420);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** A sidebar from a built page (dist/<name>.html). */
export function showSidebar(page: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(page).setTitle(title));
}
