/**
 * CSS colours as chart builders receive them ('#36c', '#3366cc', 'red'): the few forms scripts
 * actually pass. Anything else yields null so the caller keeps its default.
 */
import type { Rgb } from './canvas';

const NAMED: Record<string, Rgb> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  orange: [255, 165, 0],
  yellow: [255, 255, 0],
  purple: [128, 0, 128],
};

export function parseCssColor(value: unknown): Rgb | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v in NAMED) return NAMED[v];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(v);
  const hex = short ? short.slice(1).map((h) => h + h) : long?.slice(1);
  if (!hex) return null;
  return [parseInt(hex[0], 16), parseInt(hex[1], 16), parseInt(hex[2], 16)];
}
