/**
 * An embedded chart's picture (getAs, the .xlsx export's __png) follows its data: drawn again
 * unchanged it is the same picture, with other values another one, and bytes a caller changes
 * do not reach the next caller. (Pictures are remembered by what they draw.)
 */
import { setup } from './spreadsheet-helpers';

function chartOf(values: number[]) {
  const { app, sheet } = setup();
  sheet.getRange(1, 1, values.length + 1, 2).setValues([
    ['Школа', 'Доля'],
    ...values.map((v, i) => [`Ш${i + 1}`, v]),
  ]);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(app.ChartType.COLUMN)
      .addRange(sheet.getRange(1, 1, values.length + 1, 2))
      .setPosition(1, 4, 0, 0)
      .setOption('title', 'Доля')
      .build(),
  );
  const [chart] = sheet.getCharts();
  const bytes = () => Buffer.from(chart.getAs('image/png').getBytes());
  return { sheet, chart, bytes };
}

describe('An embedded chart’s picture', () => {
  it('is the same picture when drawn again, and a new one when the data change', () => {
    const { sheet, bytes } = chartOf([10, 20, 30]);
    const first = bytes();
    expect(bytes().equals(first)).toBe(true);
    sheet.getRange(3, 2).setValue(80);
    const changed = bytes();
    expect(changed.equals(first)).toBe(false);
    // The same data in another spreadsheet: the same picture as drawn there.
    expect(chartOf([10, 80, 30]).bytes().equals(changed)).toBe(true);
  });

  it('gives each caller its own bytes', () => {
    const { chart } = chartOf([5, 6]);
    const png = (chart as unknown as { __png(): Uint8Array }).__png();
    const copy = Buffer.from(png);
    png.fill(0);
    expect(Buffer.from((chart as unknown as { __png(): Uint8Array }).__png()).equals(copy)).toBe(
      true,
    );
  });
});
