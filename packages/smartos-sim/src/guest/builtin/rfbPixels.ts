// RFB pixel formats (RFC 6143 7.4) and the Raw encoding of a framebuffer rectangle.
export interface PixelFormat {
  bitsPerPixel: number;
  depth: number;
  bigEndian: boolean;
  trueColour: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

/** The server's native format, as ServerInit announces it: 32 bpp, depth 24, little-endian xRGB. */
export const SERVER_FORMAT: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

export function encodePixelFormat(f: PixelFormat): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt8(f.bitsPerPixel, 0);
  b.writeUInt8(f.depth, 1);
  b.writeUInt8(f.bigEndian ? 1 : 0, 2);
  b.writeUInt8(f.trueColour ? 1 : 0, 3);
  b.writeUInt16BE(f.redMax, 4);
  b.writeUInt16BE(f.greenMax, 6);
  b.writeUInt16BE(f.blueMax, 8);
  b.writeUInt8(f.redShift, 10);
  b.writeUInt8(f.greenShift, 11);
  b.writeUInt8(f.blueShift, 12);
  return b;
}

export function decodePixelFormat(b: Buffer, at: number): PixelFormat {
  return {
    bitsPerPixel: b.readUInt8(at),
    depth: b.readUInt8(at + 1),
    bigEndian: b.readUInt8(at + 2) !== 0,
    trueColour: b.readUInt8(at + 3) !== 0,
    redMax: b.readUInt16BE(at + 4),
    greenMax: b.readUInt16BE(at + 6),
    blueMax: b.readUInt16BE(at + 8),
    redShift: b.readUInt8(at + 10),
    greenShift: b.readUInt8(at + 11),
    blueShift: b.readUInt8(at + 12),
  };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Raw encoding of `rect` of an RGB (3 bytes a pixel) framebuffer `width` pixels wide. */
export function rawPixels(rgb: Buffer, width: number, rect: Rect, f: PixelFormat): Buffer {
  const bytes = Math.max(1, f.bitsPerPixel / 8);
  const out = Buffer.alloc(rect.width * rect.height * bytes);
  const scale = (v: number, max: number): number => Math.round((v * max) / 255);
  let o = 0;
  for (let y = rect.y; y < rect.y + rect.height; y += 1) {
    for (let x = rect.x; x < rect.x + rect.width; x += 1) {
      const i = (y * width + x) * 3;
      const value =
        ((scale(rgb[i] ?? 0, f.redMax) << f.redShift) |
          (scale(rgb[i + 1] ?? 0, f.greenMax) << f.greenShift) |
          (scale(rgb[i + 2] ?? 0, f.blueMax) << f.blueShift)) >>>
        0;
      if (bytes === 4) {
        if (f.bigEndian) out.writeUInt32BE(value, o);
        else out.writeUInt32LE(value, o);
      } else if (bytes === 2) {
        if (f.bigEndian) out.writeUInt16BE(value & 0xffff, o);
        else out.writeUInt16LE(value & 0xffff, o);
      } else {
        out.writeUInt8(value & 0xff, o);
      }
      o += bytes;
    }
  }
  return out;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= x || bottom <= y) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}

export function union(a: Rect | undefined, b: Rect): Rect {
  if (a === undefined) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
