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
  const school = form.addListItem().setTitle('Код ОО').setChoiceValues(['sch-1', 'sch-2']);
  const code = form.addTextItem().setTitle('Код доступа');
  const events = form.addCheckboxItem().setTitle('Мероприятия').setChoiceValues(['мун', 'рег']);
  const small = form
    .addMultipleChoiceItem()
    .setTitle('Малокомплектная')
    .setChoiceValues(['Да', 'Нет']);
  const mark = form.addScaleItem().setTitle('Оценка').setBounds(1, 5);
  return { rt, FormApp, form, school, code, events, small, mark };
}

describe('FormApp: responses', () => {
  test('a submitted response reads back its answers, id and timestamp', () => {
    const { rt, form, school, code, events, mark } = setup();
    rt.clock.set('2026-10-02T10:00:00+03:00');
    const r = form
      .createResponse()
      .withItemResponse(school.createResponse('sch-2'))
      .withItemResponse(events.createResponse(['мун', 'рег']))
      .withItemResponse(mark.createResponse(4))
      .submit();
    expect(r.getId()).toMatch(/\S+/);
    expect(r.getTimestamp()).toEqual(new Date('2026-10-02T07:00:00Z'));
    const answers = r.getItemResponses().map((ir) => [ir.getItem().getTitle(), ir.getResponse()]);
    expect(answers).toEqual([
      ['Код ОО', 'sch-2'],
      ['Мероприятия', ['мун', 'рег']],
      ['Оценка', '4'],
    ]);
    expect(r.getResponseForItem(form.getItemById(school.getId())).getResponse()).toBe('sch-2');
    expect(r.getResponseForItem(form.getItemById(code.getId()))).toBeNull();
    const stored = form.getResponse(r.getId());
    expect(stored.getItemResponses()).toHaveLength(3);
  });

  test('answering the same item twice keeps the last answer', () => {
    const { form, code } = setup();
    const r = form
      .createResponse()
      .withItemResponse(code.createResponse('a'))
      .withItemResponse(code.createResponse('b'))
      .submit();
    expect(r.getItemResponses().map((x) => x.getResponse())).toEqual(['b']);
  });

  test('answers that do not fit the item are refused', () => {
    const { form, school, events, small, mark } = setup();
    expect(() => school.createResponse('sch-9')).toThrow('Invalid response submitted to item.');
    expect(() => events.createResponse(['мун', 'фед'])).toThrow(
      'Invalid response submitted to item.',
    );
    expect(() => mark.createResponse(6)).toThrow('Invalid response submitted to item.');
    small.showOtherOption(true);
    expect(small.createResponse('Другое').getResponse()).toBe('Другое');
    expect(form.getResponses()).toHaveLength(0);
  });

  test('an item response from another form is refused', () => {
    const { FormApp, form } = setup();
    const foreign = FormApp.create('Другая').addTextItem().createResponse('x');
    expect(() => form.createResponse().withItemResponse(foreign)).toThrow(
      'Invalid argument: response',
    );
  });

  test('a response is submitted once and cannot change afterwards', () => {
    const { form, code } = setup();
    const builder = form.createResponse().withItemResponse(code.createResponse('a'));
    expect(builder.getId()).toBeNull();
    const r = builder.submit();
    expect(builder.getId()).toBe(r.getId());
    expect(() => builder.submit()).toThrow('already been submitted');
    expect(() => r.withItemResponse(code.createResponse('b'))).toThrow('already been submitted');
    expect(form.getResponses()).toHaveLength(1);
  });

  test('a closed form takes no responses', () => {
    const { form, code } = setup();
    form.setAcceptingResponses(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(() => form.createResponse().withItemResponse(code.createResponse('a')).submit()).toThrow(
      'no longer accepting responses',
    );
  });

  test('getResponses keeps submission order and filters by timestamp', () => {
    const { rt, form, code } = setup();
    for (const v of ['a', 'b', 'c']) {
      form.createResponse().withItemResponse(code.createResponse(v)).submit();
      rt.clock.advance(60_000);
    }
    const all = form.getResponses();
    expect(all.map((r) => r.getItemResponses()[0].getResponse())).toEqual(['a', 'b', 'c']);
    const since = form.getResponses(all[1].getTimestamp());
    expect(since.map((r) => r.getItemResponses()[0].getResponse())).toEqual(['b', 'c']);
    form.deleteResponse(all[0].getId());
    expect(form.getResponses()).toHaveLength(2);
    form.deleteAllResponses();
    expect(form.getResponses()).toHaveLength(0);
    expect(() => form.getResponse(all[2].getId())).toThrow(/No response with ID/);
  });

  test('respondent e-mail: empty for a script submit unless set', () => {
    const { form, code } = setup();
    form.setCollectEmail(true);
    const anonymous = form.createResponse().withItemResponse(code.createResponse('a')).submit();
    const signed = form
      .createResponse()
      .__setRespondentEmail('director@sch-1.ru')
      .withItemResponse(code.createResponse('b'))
      .submit();
    expect(anonymous.getRespondentEmail()).toBe('');
    expect(signed.getRespondentEmail()).toBe('director@sch-1.ru');
  });

  test('a pre-filled link carries entry.<itemId>=<value>, URL-encoded', () => {
    const { form, school, code, events } = setup();
    const url = form
      .createResponse()
      .withItemResponse(school.createResponse('sch-1'))
      .withItemResponse(code.createResponse('a&b c/д'))
      .withItemResponse(events.createResponse(['мун', 'рег']))
      .toPrefilledUrl();
    expect(url.startsWith(`${form.getPublishedUrl()}?usp=pp_url&`)).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get(`entry.${school.getId()}`)).toBe('sch-1');
    expect(params.get(`entry.${code.getId()}`)).toBe('a&b c/д');
    expect(params.getAll(`entry.${events.getId()}`)).toEqual(['мун', 'рег']);
    expect(url).not.toMatch(/[ а-я]/);
    // Building a link submits nothing.
    expect(form.getResponses()).toHaveLength(0);
  });

  test('an edit link names the response', () => {
    const { form, code } = setup();
    const r = form.createResponse().withItemResponse(code.createResponse('a')).submit();
    expect(r.getEditResponseUrl()).toBe(
      `${form.getPublishedUrl()}?edit2=${encodeURIComponent(r.getId())}`,
    );
  });

  test('a custom function cannot submit', () => {
    const { rt, form, code } = setup();
    const builder = form.createResponse().withItemResponse(code.createResponse('a'));
    expect(() => rt.asCustomFunction(() => builder.submit())).toThrow(/FormResponse\.submit/);
    expect(form.getResponses()).toHaveLength(0);
  });
});
