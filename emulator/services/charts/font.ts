/**
 * A compact 5x7 bitmap font for chart titles and tick labels: digits, a little punctuation,
 * Latin and Cyrillic capitals (lower case is drawn as upper case). Enough for Russian report
 * titles without shipping a font file; anything else is drawn as '?'.
 */

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** Horizontal advance per character, in font pixels (glyph plus one pixel of spacing). */
export const GLYPH_ADVANCE = GLYPH_WIDTH + 1;

/** Each glyph: 7 rows of 5 cells, '#' = ink. Rows are joined with spaces to keep this short. */
const SOURCE: Record<string, string> = {
  ' ': '..... ..... ..... ..... ..... ..... .....',
  '0': '.###. #...# #..## #.#.# ##..# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  '-': '..... ..... ..... .###. ..... ..... .....',
  ',': '..... ..... ..... ..... ..#.. ..#.. .#...',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  ':': '..... .##.. .##.. ..... .##.. .##.. .....',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  '/': '..... ....# ...#. ..#.. .#... #.... .....',
  '%': '##... ##..# ...#. ..#.. .#... #..## ...##',
  '+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
  '?': '.###. #...# ....# ...#. ..#.. ..... ..#..',
  '«': '..... ..#.# .#.#. #.#.. .#.#. ..#.# .....',
  '»': '..... #.#.. .#.#. ..#.# .#.#. #.#.. .....',
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  Б: '##### #.... #.... ####. #...# #...# ####.',
  Г: '##### #.... #.... #.... #.... #.... #....',
  Д: '..##. .#.#. .#.#. .#.#. .#.#. ##### #...#',
  Ё: '.#.#. ##### #.... ####. #.... #.... #####',
  Ж: '#.#.# #.#.# .###. ..#.. .###. #.#.# #.#.#',
  З: '.###. #...# ....# ..##. ....# #...# .###.',
  И: '#...# #...# #..## #.#.# ##..# #...# #...#',
  Й: '.#.#. ..#.. #...# #..## #.#.# ##..# #...#',
  Л: '..### .#..# .#..# .#..# .#..# .#..# #...#',
  П: '##### #...# #...# #...# #...# #...# #...#',
  У: '#...# #...# #...# .#### ....# #...# .###.',
  Ф: '..#.. .###. #.#.# #.#.# #.#.# .###. ..#..',
  Ц: '#..#. #..#. #..#. #..#. #..#. ##### ....#',
  Ч: '#...# #...# #...# .#### ....# ....# ....#',
  Ш: '#.#.# #.#.# #.#.# #.#.# #.#.# #.#.# #####',
  Щ: '#.#.# #.#.# #.#.# #.#.# #.#.# ##### ....#',
  Ъ: '##... .#... .#... .###. .#..# .#..# .###.',
  Ы: '#...# #...# #...# ##..# #.#.# #.#.# ##..#',
  Ь: '#.... #.... #.... ####. #...# #...# ####.',
  Э: '.###. #...# ....# ..### ....# #...# .###.',
  Ю: '#..#. #.#.# #.#.# ###.# #.#.# #.#.# #..#.',
  Я: '.#### #...# #...# .#### ..#.# .#..# #...#',
};

/** Cyrillic capitals drawn exactly like Latin ones, and typographic stand-ins. */
const ALIASES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  '—': '-',
  '–': '-',
  '−': '-',
  '№': 'N',
  '"': ' ',
  "'": ' ',
  '“': '«',
  '”': '»',
  '„': '«',
};

/** Glyph rows as bit masks (bit 4 = leftmost column), parsed once; a malformed glyph fails loudly. */
const GLYPHS = new Map<string, number[]>(
  Object.entries(SOURCE).map(([ch, source]) => {
    const rows = source.split(' ');
    if (rows.length !== GLYPH_HEIGHT || rows.some((r) => !/^[.#]{5}$/.test(r))) {
      throw new Error(`Chart font: glyph '${ch}' is not 5x7`);
    }
    return [
      ch,
      rows.map((row) => [...row].reduce((bits, c) => (bits << 1) | (c === '#' ? 1 : 0), 0)),
    ];
  }),
);

/** The glyph a character is drawn with: upper-cased, aliased, or '?' when the font lacks it. */
export function glyphFor(ch: string): number[] {
  const upper = ch.toUpperCase();
  const key = ALIASES[upper] ?? upper;
  return GLYPHS.get(key) ?? (GLYPHS.get('?') as number[]);
}

/** Width in image pixels of a text drawn at `scale` (no trailing spacing). */
export function textWidth(text: string, scale: number): number {
  const n = [...text].length;
  return n === 0 ? 0 : (n * GLYPH_ADVANCE - 1) * scale;
}

/** Receives one filled font pixel as an image-pixel square. */
export type PlotSquare = (x: number, y: number, size: number) => void;

/**
 * Draws `text` with its top-left corner at (x, y). `vertical` turns it 90° counter-clockwise
 * (reading bottom to top, as a Y-axis title), with (x, y) then being the bottom-left corner.
 */
export function drawText(
  text: string,
  x: number,
  y: number,
  scale: number,
  plot: PlotSquare,
  vertical = false,
): void {
  let offset = 0;
  for (const ch of text) {
    const rows = glyphFor(ch);
    for (let r = 0; r < GLYPH_HEIGHT; r++) {
      const bits = rows[r];
      if (!bits) continue;
      for (let c = 0; c < GLYPH_WIDTH; c++) {
        if (!(bits & (1 << (GLYPH_WIDTH - 1 - c)))) continue;
        const along = (offset + c) * scale;
        if (vertical) plot(x + r * scale, y - along - scale, scale);
        else plot(x + along, y + r * scale, scale);
      }
    }
    offset += GLYPH_ADVANCE;
  }
}
