/**
 * The emulated Charts service: enums, data tables, and scatter charts drawn as real PNGs that
 * the document exporter embeds. Images are checked by decoding them, as a viewer would.
 */
import { PNG } from 'pngjs';
import { Runtime } from '../../emulator/runtime';
import { createCharts } from '../../emulator/services/charts';
import { renderChartSvg } from '../../emulator/services/charts/render';

type Rgb = [number, number, number];
const BLUE: Rgb = [0x33, 0x66, 0xcc];
const RED: Rgb = [0xdc, 0x39, 0x12];

function setup() {
  const rt = new Runtime();
  return { rt, Charts: createCharts(rt) };
}

interface Image {
  width: number;
  height: number;
  at(x: number, y: number): Rgb;
}

function decode(blob: GoogleAppsScript.Base.Blob): Image {
  const png = PNG.sync.read(Buffer.from(Uint8Array.from(blob.getBytes(), (b) => b & 0xff)));
  return {
    width: png.width,
    height: png.height,
    at: (x, y) => {
      const i = (y * png.width + x) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    },
  };
}

const same = (a: Rgb, b: Rgb) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** Pixels of exactly this colour: how many, and their centre. */
function pixelsOf(img: Image, color: Rgb, box = { x0: 0, y0: 0, x1: img.width, y1: img.height }) {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (same(img.at(x, y), color)) {
        n += 1;
        sx += x;
        sy += y;
      }
    }
  }
  return { n, cx: n ? sx / n : NaN, cy: n ? sy / n : NaN };
}

type ChartsApi = ReturnType<typeof createCharts>;

/**
 * A built DataTable is a DataTableSource in Apps Script, but @types/google-apps-script declares
 * DataTable empty, so passing one to setDataTable needs this one cast.
 */
const asSource = (t: GoogleAppsScript.Charts.DataTable) =>
  t as GoogleAppsScript.Charts.DataTableSource;

/** The product's call chain (src/adapters/gas/documents.ts), with optional extra columns. */
function productChart(
  Charts: ChartsApi,
  rows: Array<Array<number | string | null>>,
  extra: Array<[GoogleAppsScript.Charts.ColumnType, string]> = [],
  title = 'Школы по ИСБ и индексу результатов',
) {
  let table = Charts.newDataTable()
    .addColumn(Charts.ColumnType.NUMBER, 'ИСБ')
    .addColumn(Charts.ColumnType.NUMBER, 'Индекс результатов');
  for (const [type, label] of extra) table = table.addColumn(type, label);
  for (const r of rows) table.addRow(r);
  return Charts.newScatterChart()
    .setDataTable(asSource(table.build()))
    .setTitle(title)
    .setXAxisTitle('ИСБ')
    .setYAxisTitle('Индекс результатов')
    .setDimensions(640, 420);
}

describe('Charts enums', () => {
  it('exposes Google members whose values are their names', () => {
    const { Charts } = setup();
    for (const name of ['SCATTER', 'BAR', 'COLUMN', 'LINE', 'PIE', 'TREEMAP', 'WATERFALL']) {
      expect((Charts.ChartType as unknown as Record<string, string>)[name]).toBe(name);
    }
    expect(Object.keys(Charts.ColumnType).sort()).toEqual(['DATE', 'NUMBER', 'STRING']);
    expect(Object.keys(Charts.Position).sort()).toEqual(['BOTTOM', 'NONE', 'RIGHT', 'TOP']);
    expect(String(Charts.PointStyle.LARGE)).toBe('LARGE');
    expect(String(Charts.CurveStyle.SMOOTH)).toBe('SMOOTH');
  });
});

describe('scatter chart as a PNG image (ECharts SVG → resvg, PT Sans)', () => {
  it('decodes as a PNG of the requested size, typed image/png, with a settable name', () => {
    const { Charts } = setup();
    const blob = productChart(Charts, [[1, 2]])
      .build()
      .getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    const img = decode(blob);
    expect([img.width, img.height]).toEqual([640, 420]);
    blob.setName('chart.png');
    expect(blob.getName()).toBe('chart.png');
  });

  it('draws every further column as its own series: flagged schools in their colour, none at y = 0', () => {
    const { Charts } = setup();
    // Column 0 is X; «ШНОР/ШНСУ» is a separate Y column, null where a school is not flagged.
    const rows = [
      [10, 1, null],
      [20, null, -1],
      [30, 0.5, null],
    ];
    const chart = productChart(Charts, rows, [[Charts.ColumnType.NUMBER, 'ШНОР/ШНСУ']])
      .setColors(['#3366cc', '#dc3912'])
      .build();
    const img = decode(chart.getAs('image/png'));
    expect(pixelsOf(img, RED).n).toBeGreaterThan(20); // the flagged point
    expect(pixelsOf(img, BLUE).n).toBeGreaterThan(40); // two ordinary points
  });

  it('draws text with the bundled Cyrillic font: the title leaves ink where it stands', () => {
    const { Charts } = setup();
    const withTitle = decode(
      productChart(Charts, [[1, 1]], [], 'ШШШШШШШШШШШШ ЖЖЖЖЖЖЖЖЖЖ')
        .build()
        .getAs('image/png'),
    );
    const noTitle = decode(
      productChart(Charts, [[1, 1]], [], 'Ш')
        .build()
        .getAs('image/png'),
    );
    const ink = (img: Image) => {
      let n = 0;
      for (let y = 0; y < 30; y++)
        for (let x = 0; x < img.width; x++) if (img.at(x, y)[0] < 200) n += 1;
      return n;
    };
    expect(ink(withTitle)).toBeGreaterThan(ink(noTitle) + 100);
  });

  it('still yields a valid PNG for a table with no rows', () => {
    const { Charts } = setup();
    const img = decode(productChart(Charts, []).build().getAs('image/png'));
    expect(img.width).toBe(640);
  });
});

describe('the data table as Google reads it', () => {
  it('reads the table as Google does: column 0 is X, every further column a Y series', () => {
    const { Charts } = setup();
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.NUMBER, 'x')
      .addColumn(Charts.ColumnType.NUMBER, 'y')
      .addColumn(Charts.ColumnType.NUMBER, 'flagged')
      .addRow([2, 5, 1])
      .addRow([3, 6, 0]);
    const chart = Charts.newScatterChart().setDataTable(table).build() as unknown as {
      __series(): Array<{ label: string; points: Array<{ x: number; y: number }> }>;
    };
    // A 0/1 flag column is a series of points at y = 0 and y = 1, not a marker.
    expect(chart.__series()).toEqual([
      {
        label: 'y',
        column: 1,
        points: [
          { x: 2, y: 5 },
          { x: 3, y: 6 },
        ],
      },
      {
        label: 'flagged',
        column: 2,
        points: [
          { x: 2, y: 1 },
          { x: 3, y: 0 },
        ],
      },
    ]);
  });
});

describe('the chart renderer (ECharts SVG)', () => {
  it('labels ticks with a decimal comma and a true minus, and names each series in the legend', () => {
    const svg = renderChartSvg({
      kind: 'scatter',
      rows: [
        [-1.5, 0.5, null, null],
        [0.5, null, -0.5, null],
        [0, null, null, -1],
        [0, null, null, 1],
      ],
      series: [
        { name: 'Прочие школы', color: '#888888' },
        { name: 'ШНОР и (или) ШНСУ', color: '#c0392b', labels: ['', '№\u00a016', '', ''] },
        { name: 'Медиана ИСБ', color: '#555555', line: true },
      ],
    });
    expect(svg).toContain('Прочие школы');
    expect(svg).toContain('ШНОР и (или) ШНСУ');
    expect(svg).toContain('Медиана ИСБ');
    expect(svg).toContain('№\u00a016');
    expect(svg).toMatch(/>\u22121,5</);
    expect(svg).toMatch(/>0,5</);
    expect(svg).not.toMatch(/>-?\d+\.\d+</);
    expect(svg).toContain('PT Sans');
  });

  it('stacks a column chart of counts by period', () => {
    const svg = renderChartSvg({
      kind: 'column',
      stacked: true,
      rows: [
        ['2024–2025', 3, 2],
        ['2025–2026', 4, 1],
      ],
      series: [{ name: 'ШНОР' }, { name: 'Вне списков' }],
    });
    expect(svg).toContain('2024–2025');
    expect(svg).toContain('Вне списков');
  });
});

describe('Chart objects', () => {
  it('gives independent blobs and refuses formats other than PNG', () => {
    const { Charts } = setup();
    const chart = productChart(Charts, [[0, 0]]).build();
    const a = chart.getAs('image/png');
    const b = chart.getBlob();
    a.setName('a.png');
    expect(b.getName()).not.toBe('a.png');
    expect(b.getBytes()).toEqual(a.getBytes());
    expect(() => chart.getAs('application/pdf')).toThrow(
      'Converting from image/png to application/pdf is not supported.',
    );
  });

  it('reports its options; setOption writes the same options the setters do', () => {
    const { Charts } = setup();
    const chart = productChart(Charts, [[0, 0]])
      .setLegendPosition(Charts.Position.NONE)
      .setOption('hAxis.title', 'Другая ось')
      .build();
    const options = chart.getOptions();
    expect(options.get('title')).toBe('Школы по ИСБ и индексу результатов');
    expect(options.get('hAxis.title')).toBe('Другая ось');
    expect(options.get('width')).toBe(640);
    expect(options.get('legend.position')).toBe('none');
    expect(options.get('nonexistent')).toBeNull();
  });

  it('a built chart does not change when its builder changes afterwards', () => {
    const { Charts } = setup();
    const builder = productChart(Charts, [[0, 0]]);
    const chart = builder.build();
    builder.setDimensions(100, 100).setTitle('Другое');
    expect(decode(chart.getAs('image/png')).width).toBe(640);
    expect(chart.getOptions().get('title')).toBe('Школы по ИСБ и индексу результатов');
  });

  it('rejects impossible dimensions', () => {
    const { Charts } = setup();
    expect(() => Charts.newScatterChart().setDimensions(0, 420)).toThrow('Invalid argument: width');
    expect(() => Charts.newScatterChart().setDimensions(640, 1.5)).toThrow(
      'Invalid argument: height',
    );
  });
});

describe('data tables', () => {
  it('refuse to build without columns, with too many values, or with a wrong type', () => {
    const { Charts } = setup();
    expect(() => Charts.newDataTable().build()).toThrow();
    const n = Charts.newDataTable().addColumn(Charts.ColumnType.NUMBER, 'x');
    expect(() => n.addRow([1, 2]).build()).toThrow();
    const t = Charts.newDataTable().addColumn(Charts.ColumnType.NUMBER, 'x');
    expect(() => t.addRow(['один']).build()).toThrow();
  });

  it('setValue may precede its row; a builder can be passed to setDataTable unbuilt', () => {
    const { Charts } = setup();
    const table = Charts.newDataTable()
      .setValue(0, 0, 2)
      .setValue(0, 1, 2)
      .addColumn(Charts.ColumnType.NUMBER, 'x')
      .addColumn(Charts.ColumnType.NUMBER, 'y')
      .addRow([-2, -2]);
    const img = decode(Charts.newScatterChart().setDataTable(table).build().getAs('image/png'));
    // Both rows plotted: two discs' worth of pixels, on an image of the default size.
    expect(pixelsOf(img, BLUE).n).toBeGreaterThan(70);
    expect([img.width, img.height]).toEqual([600, 400]);
  });
  it('accept a built table or any DataTableSource of one, and reject other sources', () => {
    const { Charts } = setup();
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.NUMBER, 'x')
      .addColumn(Charts.ColumnType.NUMBER, 'y')
      .addRow([0, 0])
      .build();
    expect(asSource(table).getDataTable()).toBe(table);
    const wrapper = { getDataTable: () => table };
    const img = decode(Charts.newScatterChart().setDataTable(wrapper).build().getAs('image/png'));
    expect(pixelsOf(img, BLUE).n).toBeGreaterThan(35);
    const foreign = { getDataTable: () => ({}) };
    expect(() => Charts.newScatterChart().setDataTable(foreign)).toThrow('Invalid argument: table');
  });
});

describe('call counting', () => {
  it('records each Charts call once under its class', () => {
    const { rt, Charts } = setup();
    productChart(Charts, [
      [0, 0],
      [1, 1],
      [2, 2],
    ])
      .build()
      .getAs('image/png');
    expect(rt.calls.get('Charts', 'Charts.newDataTable')).toBe(1);
    expect(rt.calls.get('Charts', 'DataTableBuilder.addColumn')).toBe(2);
    expect(rt.calls.get('Charts', 'DataTableBuilder.addRow')).toBe(3);
    expect(rt.calls.get('Charts', 'DataTableBuilder.build')).toBe(1);
    expect(rt.calls.get('Charts', 'Charts.newScatterChart')).toBe(1);
    expect(rt.calls.get('Charts', 'ScatterChartBuilder.setTitle')).toBe(1);
    expect(rt.calls.get('Charts', 'ScatterChartBuilder.build')).toBe(1);
    expect(rt.calls.get('Charts', 'Chart.getAs')).toBe(1);
    expect(rt.calls.total('Charts')).toBe(15);
  });
});
