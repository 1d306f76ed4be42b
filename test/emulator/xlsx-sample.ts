/** A spreadsheet with what the .xlsx export writes: values, formats, notes, rules, a chart. */
import { setup } from './spreadsheet-helpers';

export function sample() {
  const fx = setup();
  const { ss, sheet, app } = fx;
  sheet.setName('Данные');
  sheet.getRange('A1:F1').setValues([['Код', 'Доля', 'Дата', 'Принята', 'Сумма', 'Комментарий']]);
  sheet.getRange('A1:F1').setFontWeight('bold').setBackground('#D9EAD3');
  sheet
    .getRange('A2:F2')
    .setValues([["'0101", 0.389, new Date('2026-09-01T00:00:00+03:00'), true, '=B2*100', 'ok']]);
  sheet.getRange('B2:B40').setNumberFormat('0.0%');
  sheet.getRange('C2:C40').setNumberFormat('dd.MM.yyyy');
  sheet.getRange('F3:F6').setValues([['\'=HYPERLINK("x")'], ["'+1"], ["'-1"], ["'@x"]]);
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(6, 250);
  sheet.getRange('A1').setNote('Код образовательной организации');
  sheet
    .getRange('D2:D40')
    .setDataValidation(app.newDataValidation().requireValueInList(['ШНОР', 'ШНСУ']).build());
  sheet.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenNumberLessThan(0.5)
      .setBackground('#F4CCCC')
      .setRanges([sheet.getRange('B2:B40')])
      .build(),
  ]);
  sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B10')).build());
  ss.insertSheet('Сводка').getRange('A1').setValue(36);
  ss.insertSheet('Служебный').hideSheet();
  return fx;
}
