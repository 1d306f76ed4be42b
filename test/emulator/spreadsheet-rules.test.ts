/** Data validation, conditional format rules, charts and protections: stored as a script set them. */
import { setup } from './spreadsheet-helpers';

describe('Data validation', () => {
  it('stores a list rule per cell and answers it back', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['ШНОР', 'ШНСУ', 'нет'], true)
      .setAllowInvalid(false)
      .setHelpText('Выберите статус')
      .build();
    sheet.getRange('C2:C4').setDataValidation(rule);
    const back = sheet.getRange('C3').getDataValidation();
    expect(back?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(back?.getCriteriaValues()).toEqual([['ШНОР', 'ШНСУ', 'нет'], true]);
    expect(back?.getAllowInvalid()).toBe(false);
    expect(back?.getHelpText()).toBe('Выберите статус');
    expect(sheet.getRange('C5').getDataValidation()).toBeNull();
    expect(sheet.getRange('B2:C2').getDataValidations()).toEqual([[null, rule]]);
  });

  it('builds the other criteria the product uses', () => {
    const { app, sheet } = setup();
    const kinds = [
      [app.newDataValidation().requireNumberBetween(0, 100), 'NUMBER_BETWEEN', [0, 100]],
      [
        app.newDataValidation().requireNumberGreaterThanOrEqualTo(0),
        'NUMBER_GREATER_THAN_OR_EQUAL_TO',
        [0],
      ],
      [app.newDataValidation().requireFormulaSatisfied('=B2<=C2'), 'CUSTOM_FORMULA', ['=B2<=C2']],
      [app.newDataValidation().requireTextIsEmail(), 'TEXT_IS_VALID_EMAIL', []],
      [app.newDataValidation().requireTextIsUrl(), 'TEXT_IS_VALID_URL', []],
    ] as const;
    for (const [builder, type, values] of kinds) {
      const rule = builder.build();
      expect([rule.getCriteriaType(), rule.getCriteriaValues()]).toEqual([type, values]);
    }
    const source = sheet.getRange('Z1:Z10');
    const inRange = app.newDataValidation().requireValueInRange(source).build();
    expect(inRange.getCriteriaValues()[0]).toBe(source);
    expect(() => app.newDataValidation().build()).toThrow('Invalid argument: criteria');
  });

  it('sets rules cell by cell with setDataValidations, and copies rules into new builders', () => {
    const { app, sheet } = setup();
    const yes = app.newDataValidation().requireValueInList(['да']).build();
    sheet.getRange('A1:B1').setDataValidations([[yes, null]]);
    expect(sheet.getRange('A1:B1').getDataValidations()).toEqual([[yes, null]]);
    const changed = yes.copy().requireValueInList(['да', 'нет']).build();
    expect(changed.getCriteriaValues()[0]).toEqual(['да', 'нет']);
    expect(yes.getCriteriaValues()[0]).toEqual(['да']);
    sheet.getRange('A1').clearDataValidations();
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });
});

describe('Conditional format rules', () => {
  it('stores the rules a sheet is given, with their conditions, styles and ranges', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('D2:D40');
    const low = app
      .newConditionalFormatRule()
      .whenNumberLessThan(0.5)
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setRanges([range])
      .build();
    const risk = app
      .newConditionalFormatRule()
      .whenTextEqualTo('риск')
      .setBackground('#FCE5CD')
      .setRanges([range])
      .build();
    const formula = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2>$F2')
      .setBold(true)
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([low, risk, formula]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(3);
    const first = rules[0].getBooleanCondition();
    expect(first?.getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_LESS_THAN);
    expect(first?.getCriteriaValues()).toEqual([0.5]);
    expect(first?.getBackground()).toBe('#F4CCCC');
    expect(first?.getFontColor()).toBe('#990000');
    expect(rules[0].getRanges().map((r) => r.getA1Notation())).toEqual(['D2:D40']);
    expect(rules[1].getBooleanCondition()?.getCriteriaValues()).toEqual(['риск']);
    expect(rules[2].getBooleanCondition()?.getCriteriaType()).toBe('CUSTOM_FORMULA');
    sheet.setConditionalFormatRules(rules.slice(1));
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });
});

describe('Charts', () => {
  it('inserts charts as specs and lists, updates and removes them', () => {
    const { app, sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(app.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:A10'))
      .addRange(sheet.getRange('C1:C10'))
      .setPosition(2, 8, 0, 0)
      .setOption('title', 'Доля ШНОР')
      .build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getChartId()).not.toBeNull();
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A10', 'C1:C10']);
    expect(stored.getOptions().get('title')).toBe('Доля ШНОР');
    expect(stored.getContainerInfo().getAnchorRow()).toBe(2);
    const view = (stored as unknown as { __spec(): unknown }).__spec();
    expect(view).toMatchObject({ type: 'COLUMN', ranges: ['Sheet1!A1:A10', 'Sheet1!C1:C10'] });
    sheet.updateChart(stored.modify().asPieChart().build());
    expect((sheet.getCharts()[0] as unknown as { __spec(): { type: string } }).__spec().type).toBe(
      'PIE',
    );
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });
});

describe('Protections', () => {
  it('stores range and sheet protections with their settings', () => {
    const { rt, app, ss, sheet } = setup();
    const p = sheet.getRange('A1:C1').protect().setDescription('Заголовки').setWarningOnly(true);
    expect(p.getDescription()).toBe('Заголовки');
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([rt.userEmail]);
    sheet.protect().addEditor('boss@example.org');
    const ranges = ss.getProtections(app.ProtectionType.RANGE);
    expect(ranges.map((x) => x.getRange().getA1Notation())).toEqual(['A1:C1']);
    const sheets = sheet.getProtections(app.ProtectionType.SHEET);
    expect(sheets[0].getEditors().map((u) => u.getEmail())).toContain('boss@example.org');
    ranges[0].remove();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });
});
