import { Runtime } from '../../emulator/runtime';
import { createFormApp } from '../../emulator/services/forms';

/** A SpreadsheetApp stand-in for tests that never link a responses sheet. */
const noSheets = {
  openById(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    throw new Error('no spreadsheet in this test');
  },
};

function setup() {
  const rt = new Runtime();
  const FormApp = createFormApp(rt, noSheets);
  return { rt, FormApp };
}

describe('FormApp: building a form', () => {
  test('a created form can be reopened by id and by its URLs, with its settings', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Анкета школы');
    form.setDescription('Период 2021-2022').setCollectEmail(true).setConfirmationMessage('Спасибо');
    const again = FormApp.openById(form.getId());
    expect(again.getTitle()).toBe('Анкета школы');
    expect(again.getDescription()).toBe('Период 2021-2022');
    expect(again.collectsEmail()).toBe(true);
    expect(again.getConfirmationMessage()).toBe('Спасибо');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
    expect(form.getEditUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/.+\/edit$/);
    expect(form.getPublishedUrl()).toMatch(/\/viewform$/);
  });

  test("opening an unknown id fails with Google's message", () => {
    const { FormApp } = setup();
    expect(() => FormApp.openById('nope')).toThrow(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
  });

  test('items keep stable numeric ids, order and types; getItemById finds them', () => {
    const { FormApp } = setup();
    const form = FormApp.create('F');
    const code = form
      .addListItem()
      .setTitle('Код ОО')
      .setChoiceValues(['s1', 's2'])
      .setRequired(true);
    form.addPageBreakItem().setTitle('Контингент');
    const total = form.addTextItem().setTitle('Общая численность обучающихся');
    form.addSectionHeaderItem().setTitle('Условия');
    form.addMultipleChoiceItem().setTitle('Малокомплектная').setChoiceValues(['Да', 'Нет']);
    form
      .addCheckboxItem()
      .setTitle('Мероприятия')
      .setChoiceValues(['муниципальные', 'региональные']);
    form.addParagraphTextItem().setTitle('Комментарий');
    form.addScaleItem().setTitle('Оценка').setBounds(1, 5);

    expect(typeof code.getId()).toBe('number');
    expect(Number.isInteger(code.getId())).toBe(true);
    expect(code.getId()).not.toBe(total.getId());
    expect(form.getItems().map((i) => i.getType())).toEqual([
      FormApp.ItemType.LIST,
      FormApp.ItemType.PAGE_BREAK,
      FormApp.ItemType.TEXT,
      FormApp.ItemType.SECTION_HEADER,
      FormApp.ItemType.MULTIPLE_CHOICE,
      FormApp.ItemType.CHECKBOX,
      FormApp.ItemType.PARAGRAPH_TEXT,
      FormApp.ItemType.SCALE,
    ]);
    expect(form.getItems(FormApp.ItemType.TEXT).map((i) => i.getTitle())).toEqual([
      'Общая численность обучающихся',
    ]);
    const found = form.getItemById(total.getId());
    expect(found.getTitle()).toBe('Общая численность обучающихся');
    expect(found.getIndex()).toBe(2);
    expect(form.getItemById(12345)).toBeNull();
    // The same item seen through two views: a change through one shows in the other.
    form.getItemById(code.getId()).asListItem().setTitle('Школа');
    expect(code.getTitle()).toBe('Школа');
    expect(code.isRequired()).toBe(true);
  });

  test("as*Item casts to the item's own type and refuses another", () => {
    const { FormApp } = setup();
    const form = FormApp.create('F');
    form.addTextItem().setTitle('t');
    const item = form.getItems()[0];
    expect(item.asTextItem().getTitle()).toBe('t');
    expect(() => item.asListItem()).toThrow(/cannot be cast to LIST/);
  });

  test('choices are read back with their values; an empty list is refused', () => {
    const { FormApp } = setup();
    const list = FormApp.create('F').addListItem();
    list.setChoiceValues(['a', 'b']);
    expect(list.getChoices().map((c) => c.getValue())).toEqual(['a', 'b']);
    list.setChoices([list.createChoice('x'), list.createChoice('y', true)]);
    expect(list.getChoices().map((c) => [c.getValue(), c.isCorrectAnswer()])).toEqual([
      ['x', false],
      ['y', true],
    ]);
    expect(() => list.setChoiceValues([])).toThrow('Array is empty: values');
  });

  test('a choice can send the respondent to a section', () => {
    const { FormApp } = setup();
    const form = FormApp.create('F');
    const mc = form.addMultipleChoiceItem();
    const page = form.addPageBreakItem().setTitle('ЕГЭ');
    mc.setChoices([
      mc.createChoice('Да', page),
      mc.createChoice('Нет', FormApp.PageNavigationType.SUBMIT),
    ]);
    const [yes, no] = mc.getChoices();
    expect(yes.getPageNavigationType()).toBe(FormApp.PageNavigationType.GO_TO_PAGE);
    expect(yes.getGotoPage().getTitle()).toBe('ЕГЭ');
    expect(no.getPageNavigationType()).toBe(FormApp.PageNavigationType.SUBMIT);
  });

  test("scale bounds follow Google's limits", () => {
    const { FormApp } = setup();
    const scale = FormApp.create('F').addScaleItem();
    expect(scale.getLowerBound()).toBe(1);
    expect(scale.getUpperBound()).toBe(5);
    scale.setBounds(0, 10).setLabels('плохо', 'отлично');
    expect([scale.getLowerBound(), scale.getUpperBound(), scale.getLeftLabel()]).toEqual([
      0,
      10,
      'плохо',
    ]);
    expect(() => scale.setBounds(2, 5)).toThrow('Invalid data updating form.');
    expect(() => scale.setBounds(1, 11)).toThrow('Invalid data updating form.');
  });

  test('items can be moved and deleted', () => {
    const { FormApp } = setup();
    const form = FormApp.create('F');
    const a = form.addTextItem().setTitle('a');
    form.addTextItem().setTitle('b');
    form.addTextItem().setTitle('c');
    form.moveItem(form.getItemById(a.getId()), 2);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['b', 'c', 'a']);
    form.moveItem(0, 1);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['c', 'b', 'a']);
    form.deleteItem(1);
    form.deleteItem(form.getItems()[0]);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['a']);
    expect(() => form.deleteItem(5)).toThrow('Invalid argument: index');
    expect(() => a.getIndex()).not.toThrow();
  });

  test('getActiveForm is null unless the script is bound to a form', () => {
    const { FormApp } = setup();
    expect(FormApp.getActiveForm()).toBeNull();
    const form = FormApp.create('F');
    FormApp.__setActiveForm(form);
    expect(FormApp.getActiveForm().getId()).toBe(form.getId());
  });

  test('every call is counted once under FormApp with its class and method', () => {
    const { rt, FormApp } = setup();
    const form = FormApp.create('F');
    for (let i = 0; i < 3; i += 1) form.addTextItem().setTitle(`q${i}`);
    expect(rt.calls.get('FormApp', 'FormApp.create')).toBe(1);
    expect(rt.calls.get('FormApp', 'Form.addTextItem')).toBe(3);
    expect(rt.calls.get('FormApp', 'TextItem.setTitle')).toBe(3);
    expect(rt.calls.total('SpreadsheetApp')).toBe(0);
  });

  test('a custom function may read a form but not change it', () => {
    const { rt, FormApp } = setup();
    const form = FormApp.create('F');
    const item = form.addTextItem().setTitle('q');
    expect(rt.asCustomFunction(() => FormApp.openById(form.getId()).getTitle())).toBe('F');
    expect(() => rt.asCustomFunction(() => form.setTitle('G'))).toThrow(
      'You do not have permission to call Form.setTitle',
    );
    expect(() => rt.asCustomFunction(() => item.setTitle('x'))).toThrow(/TextItem\.setTitle/);
    expect(() => rt.asCustomFunction(() => FormApp.create('x'))).toThrow(/FormApp\.create/);
    expect(form.getTitle()).toBe('F');
  });
});
