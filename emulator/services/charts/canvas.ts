/**
 * A tiny RGB raster with the few primitives a chart needs (rectangles, lines, dashes, discs),
 * encoded as PNG. Coordinates are integer pixels; anything outside is clipped.
 */
import { encodePng } from './png-encode';

export type Rgb = readonly [number, number, number];

export class Canvas {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes a pixel, alpha always 255 (the PNG is written as opaque RGB). */
  private readonly data: Uint8Array;

  constructor(width: number, height: number, background: Rgb) {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 4).fill(255);
    if (background[0] !== 255 || background[1] !== 255 || background[2] !== 255) {
      this.fillRect(0, 0, width, height, background);
    }
  }

  setPixel(x: number, y: number, color: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    this.data[i] = color[0];
    this.data[i + 1] = color[1];
    this.data[i + 2] = color[2];
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) this.setPixel(xx, yy, color);
    }
  }

  /** Horizontal line from x0 to x1 inclusive; `dash` = [on, off] lengths for a dashed line. */
  hline(x0: number, x1: number, y: number, color: Rgb, dash?: readonly [number, number]): void {
    const [a, b] = x0 <= x1 ? [x0, x1] : [x1, x0];
    for (let x = Math.round(a); x <= Math.round(b); x++) {
      if (dash && (x - a) % (dash[0] + dash[1]) >= dash[0]) continue;
      this.setPixel(x, Math.round(y), color);
    }
  }

  /** Vertical line from y0 to y1 inclusive; `dash` as for hline. */
  vline(x: number, y0: number, y1: number, color: Rgb, dash?: readonly [number, number]): void {
    const [a, b] = y0 <= y1 ? [y0, y1] : [y1, y0];
    for (let y = Math.round(a); y <= Math.round(b); y++) {
      if (dash && (y - a) % (dash[0] + dash[1]) >= dash[0]) continue;
      this.setPixel(Math.round(x), y, color);
    }
  }

  /** One-pixel outline of a rectangle. */
  strokeRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    this.hline(x, x + w - 1, y, color);
    this.hline(x, x + w - 1, y + h - 1, color);
    this.vline(x, y, y + h - 1, color);
    this.vline(x + w - 1, y, y + h - 1, color);
  }

  /** A filled disc centred on (cx, cy). */
  fillCircle(cx: number, cy: number, radius: number, color: Rgb): void {
    const x = Math.round(cx);
    const y = Math.round(cy);
    const r2 = radius * radius + radius * 0.8; // a touch rounder than the exact test at small radii
    const r = Math.ceil(radius);
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (dx * dx + dy * dy <= r2) this.setPixel(x + dx, y + dy, color);
      }
    }
  }

  /** Colour at a pixel (for tests). */
  getPixel(x: number, y: number): Rgb {
    const i = (y * this.width + x) * 4;
    return [this.data[i], this.data[i + 1], this.data[i + 2]];
  }

  toPng(): Uint8Array {
    return encodePng(this.width, this.height, this.data);
  }
}
