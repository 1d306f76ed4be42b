/**
 * The emulated Charts service: enums, data tables, and scatter charts drawn as real PNGs that
 * the document exporter embeds. Images are checked by decoding them, as a viewer would.
 */
import { PNG } from 'pngjs';
import { Runtime } from '../../emulator/runtime';
import { createCharts } from '../../emulator/services/charts';
import { EmulatedBlob } from '../../emulator/services/blob';
import { glyphFor } from '../../emulator/services/charts/font';

type Rgb = [number, number, number];
const BLUE: Rgb = [0x33, 0x66, 0xcc];
const RED: Rgb = [0xdc, 0x39, 0x12];
const QUADRANT: Rgb = [0x55, 0x55, 0x55];

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

describe('scatter chart as a PNG image', () => {
  it('decodes as a PNG of the requested size, typed image/png, with a settable name', () => {
    const { Charts } = setup();
    const blob = productChart(Charts, [[0.5, -0.2]])
      .build()
      .getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    const bytes = blob.getBytes();
    // Java bytes: the PNG signature's 0x89 arrives as -119.
    expect(bytes.slice(0, 4)).toEqual([-119, 80, 78, 71]);
    const img = decode(blob);
    expect([img.width, img.height]).toEqual([640, 420]);
    blob.setName('chart-isb.png');
    expect(blob.getName()).toBe('chart-isb.png');
    expect(blob).toBeInstanceOf(EmulatedBlob);
  });

  it('draws each point as a small disc where its values place it', () => {
    const { Charts } = setup();
    const img = decode(
      productChart(Charts, [
        [-1, -1],
        [1, 1],
      ])
        .build()
        .getAs('image/png'),
    );
    const left = pixelsOf(img, BLUE, { x0: 0, y0: 0, x1: 320, y1: 420 });
    const right = pixelsOf(img, BLUE, { x0: 320, y0: 0, x1: 640, y1: 420 });
    // One disc of radius ~4 on each side: roughly π·4² pixels, not a dot and not a blob.
    for (const side of [left, right]) {
      expect(side.n).toBeGreaterThan(35);
      expect(side.n).toBeLessThan(90);
    }
    // Low x, low y is left and below (larger row index) the high one.
    expect(left.cy).toBeGreaterThan(right.cy + 100);
    expect(right.cx - left.cx).toBeGreaterThan(300);
    // The centre of a disc is coloured, not white.
    expect(img.at(Math.round(left.cx), Math.round(left.cy))).toEqual(BLUE);
  });

  it('draws dashed quadrant lines through 0 only when 0 is inside the data range', () => {
    const { Charts } = setup();
    const centred = decode(
      productChart(Charts, [
        [-1, -1],
        [1, 1],
      ])
        .build()
        .getAs('image/png'),
    );
    const a = pixelsOf(centred, BLUE, { x0: 0, y0: 0, x1: 320, y1: 420 });
    const b = pixelsOf(centred, BLUE, { x0: 320, y0: 0, x1: 640, y1: 420 });
    const zeroX = Math.round((a.cx + b.cx) / 2);
    const column = pixelsOf(centred, QUADRANT, { x0: zeroX - 1, y0: 0, x1: zeroX + 2, y1: 420 });
    expect(column.n).toBeGreaterThan(100);
    // Dashed, not solid: the column has gaps within the plot.
    expect(column.n).toBeLessThan(Math.abs(a.cy - b.cy) * 0.9);

    const positive = decode(
      productChart(Charts, [
        [1, 1],
        [3, 3],
      ])
        .build()
        .getAs('image/png'),
    );
    expect(pixelsOf(positive, QUADRANT).n).toBe(0);
  });

  it('draws each further NUMBER column as its own series: the first blue, the second red', () => {
    const { Charts } = setup();
    const rows = [
      [-1, null, -1],
      [1, 1, null],
    ];
    const img = decode(
      productChart(Charts, rows, [[Charts.ColumnType.NUMBER, 'ШНОР и ШНСУ']])
        .build()
        .getAs('image/png'),
    );
    const red = pixelsOf(img, RED);
    const blue = pixelsOf(img, BLUE);
    expect(red.n).toBeGreaterThan(35);
    expect(blue.n).toBeGreaterThan(35);
    expect(red.cx).toBeLessThan(blue.cx);
  });

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

  it('honours setColors and point styles', () => {
    const { Charts } = setup();
    const green: Rgb = [0, 0xff, 0];
    const base = () =>
      productChart(
        Charts,
        [
          [0, 0],
          [1, 1, 1],
        ],
        [[Charts.ColumnType.NUMBER, 'flag']],
      );
    const colored = decode(base().setColors(['#0f0', '#000000']).build().getAs('image/png'));
    expect(pixelsOf(colored, green).n).toBeGreaterThan(35);
    expect(pixelsOf(colored, BLUE).n).toBe(0);
    const huge = decode(base().setPointStyle(Charts.PointStyle.HUGE).build().getAs('image/png'));
    const medium = decode(
      base().setPointStyle(Charts.PointStyle.MEDIUM).build().getAs('image/png'),
    );
    expect(pixelsOf(huge, BLUE).n).toBeGreaterThan(3 * pixelsOf(medium, BLUE).n);
  });

  it('draws the title as text at the top of the image', () => {
    const { Charts } = setup();
    const dark: Rgb = [0x33, 0x33, 0x33];
    const band = { x0: 0, y0: 0, x1: 640, y1: 24 };
    const titled = decode(
      productChart(Charts, [[0, 0]])
        .build()
        .getAs('image/png'),
    );
    const untitled = decode(
      productChart(Charts, [[0, 0]], [], '')
        .build()
        .getAs('image/png'),
    );
    expect(pixelsOf(titled, dark, band).n).toBeGreaterThan(200);
    expect(pixelsOf(untitled, dark, band).n).toBe(0);
  });

  it('still yields a valid PNG, without points, for a table with no rows', () => {
    const { Charts } = setup();
    const img = decode(productChart(Charts, []).build().getAs('image/png'));
    expect([img.width, img.height]).toEqual([640, 420]);
    expect(pixelsOf(img, BLUE).n).toBe(0);
    expect(same(img.at(2, 2), [255, 255, 255])).toBe(true);
  });

  it('skips rows with a missing value instead of drawing them at 0', () => {
    const { Charts } = setup();
    const img = decode(
      productChart(Charts, [
        [1, 1],
        [null, 2],
        [3, 3],
      ])
        .build()
        .getAs('image/png'),
    );
    const n = pixelsOf(img, BLUE).n;
    const two = decode(
      productChart(Charts, [
        [1, 1],
        [3, 3],
      ])
        .build()
        .getAs('image/png'),
    );
    expect(n).toBe(pixelsOf(two, BLUE).n);
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

describe('chart font', () => {
  it('covers the Russian and Latin text of report titles and tick labels', () => {
    const unknown = glyphFor('\u2603'); // a snowman: surely drawn as the fallback '?'
    expect(glyphFor('?')).toEqual(unknown);
    const text =
      'Школы по ИСБ и индексу результатов, 2025/26 уч. год (ШНОР/ШНСУ) -0,5 Quality 100%';
    for (const ch of text) {
      if (ch === '?') continue;
      expect({ ch, glyph: glyphFor(ch) }).not.toEqual({ ch, glyph: unknown });
    }
    // Look-alikes share glyphs; distinct letters do not.
    expect(glyphFor('С')).toEqual(glyphFor('C'));
    expect(glyphFor('Ш')).not.toEqual(glyphFor('Щ'));
    for (const ch of 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') {
      const rows = glyphFor(ch);
      expect(rows).toHaveLength(7);
      expect(rows.some((r) => r > 0)).toBe(true);
    }
  });
});
