import { Runtime } from '../../emulator/runtime';
import { createFormApp } from '../../emulator/services/forms';

const noSheets = {
  openById(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    throw new Error('no spreadsheet in this test');
  },
};

function setup() {
  const rt = new Runtime();
  const FormApp = createFormApp(rt, noSheets);
  const form = FormApp.create('Анкета');
  return { rt, FormApp, form };
}

describe('FormApp: answer validation', () => {
  test('a whole-number rule accepts counts and refuses text, fractions and "12 чел."', () => {
    const { FormApp, form } = setup();
    const item = form
      .addTextItem()
      .setTitle('Общая численность обучающихся')
      .setValidation(FormApp.createTextValidation().requireWholeNumber().build());
    const check = (v: string) => FormApp.__validateAnswer(item, v).valid;
    expect(check('412')).toBe(true);
    expect(check('0')).toBe(true);
    expect(check('12.5')).toBe(false);
    expect(check('12 чел.')).toBe(false);
    expect(check('много')).toBe(false);
    expect(FormApp.__validateAnswer(item, 'x').message).toBe('Must be a whole number');
  });

  test('bounds, e-mail, URL, pattern and length rules behave as the form UI', () => {
    const { FormApp, form } = setup();
    const V = () => FormApp.createTextValidation();
    const between = form.addTextItem().setValidation(V().requireNumberBetween(0, 100).build());
    const atLeast = form
      .addTextItem()
      .setValidation(V().requireNumberGreaterThanOrEqualTo(0).build());
    const email = form.addTextItem().setValidation(V().requireTextIsEmail().build());
    const url = form.addTextItem().setValidation(V().requireTextIsUrl().build());
    const period = form
      .addTextItem()
      .setValidation(V().requireTextMatchesPattern('\\d{4}-\\d{4}').build());
    const short = form
      .addTextItem()
      .setValidation(V().requireTextLengthLessThanOrEqualTo(5).build());
    const ok = (item: GoogleAppsScript.Forms.TextItem, v: string) =>
      FormApp.__validateAnswer(item, v).valid;

    expect([ok(between, '0'), ok(between, '100'), ok(between, '100.5'), ok(between, '-1')]).toEqual(
      [true, true, false, false],
    );
    expect([ok(atLeast, '0'), ok(atLeast, '-3')]).toEqual([true, false]);
    expect([ok(email, 'dir@school.ru'), ok(email, 'dir at school')]).toEqual([true, false]);
    expect([ok(url, 'https://school.ru/program.pdf'), ok(url, 'не знаю')]).toEqual([true, false]);
    // "Matches" means the whole answer, not a part of it.
    expect([ok(period, '2021-2022'), ok(period, 'за 2021-2022 год')]).toEqual([true, false]);
    expect([ok(short, 'abcde'), ok(short, 'abcdef')]).toEqual([true, false]);
  });

  test("the rule's own help text is what the respondent sees", () => {
    const { FormApp, form } = setup();
    const item = form
      .addTextItem()
      .setValidation(
        FormApp.createTextValidation()
          .setHelpText('Введите целое число')
          .requireWholeNumber()
          .build(),
      );
    expect(FormApp.__validateAnswer(item, 'abc')).toEqual({
      valid: false,
      message: 'Введите целое число',
    });
  });

  test('the last require* call wins, as Google keeps one rule', () => {
    const { FormApp, form } = setup();
    const item = form
      .addTextItem()
      .setValidation(FormApp.createTextValidation().requireTextIsEmail().requireNumber().build());
    expect(FormApp.__validateAnswer(item, '3.5').valid).toBe(true);
    expect(FormApp.__getValidation(item)?.rule).toEqual({ kind: 'number', op: 'ANY' });
  });

  test('required items need an answer; an empty optional answer skips the rule', () => {
    const { FormApp, form } = setup();
    const rule = FormApp.createTextValidation().requireWholeNumber().build();
    const required = form.addTextItem().setRequired(true).setValidation(rule);
    const optional = form.addTextItem().setValidation(rule);
    expect(FormApp.__validateAnswer(required, '  ')).toEqual({
      valid: false,
      message: 'This is a required question',
    });
    expect(FormApp.__validateAnswer(optional, '').valid).toBe(true);
  });

  test('checkbox and paragraph rules', () => {
    const { FormApp, form } = setup();
    const boxes = form
      .addCheckboxItem()
      .setChoiceValues(['a', 'b', 'c'])
      .setValidation(FormApp.createCheckboxValidation().requireSelectAtMost(2).build());
    expect(FormApp.__validateAnswer(boxes, ['a', 'b']).valid).toBe(true);
    expect(FormApp.__validateAnswer(boxes, ['a', 'b', 'c']).valid).toBe(false);
    const para = form
      .addParagraphTextItem()
      .setValidation(
        FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(10).build(),
      );
    expect(FormApp.__validateAnswer(para, 'коротко').valid).toBe(true);
    expect(FormApp.__validateAnswer(para, 'очень длинный комментарий').valid).toBe(false);
  });

  test('a validation built for one item kind is refused by another', () => {
    const { FormApp, form } = setup();
    const textRule = FormApp.createTextValidation().requireNumber().build();
    expect(() =>
      form
        .addParagraphTextItem()
        .setValidation(textRule as unknown as GoogleAppsScript.Forms.ParagraphTextValidation),
    ).toThrow('Invalid argument: validation');
  });

  test('clearValidation removes the rule', () => {
    const { FormApp, form } = setup();
    const item = form
      .addTextItem()
      .setValidation(FormApp.createTextValidation().requireNumber().build());
    item.clearValidation();
    expect(FormApp.__getValidation(item)).toBeNull();
    expect(FormApp.__validateAnswer(item, 'текст').valid).toBe(true);
  });

  test('a script submit does not enforce validation (as in Google)', () => {
    const { FormApp, form } = setup();
    const item = form
      .addTextItem()
      .setRequired(true)
      .setValidation(FormApp.createTextValidation().requireWholeNumber().build());
    const other = form.addTextItem();
    form.createResponse().withItemResponse(item.createResponse('двенадцать')).submit();
    form.createResponse().withItemResponse(other.createResponse('x')).submit();
    const answers = form
      .getResponses()
      .map((r) => r.getItemResponses().map((ir) => ir.getResponse()));
    expect(answers).toEqual([['двенадцать'], ['x']]);
  });
});
