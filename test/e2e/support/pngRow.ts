import { inflateSync } from 'node:zlib';

/**
 * The pixels of a PNG's first row as `#rrggbb` strings: enough to measure lines a screenshot of
 * one pixel's height crosses. Reads 8-bit RGB or RGBA, non-interlaced (what Chromium writes).
 */
export function pngFirstRow(png: Buffer): string[] {
  let at = 8; // the signature
  let width = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) {
        throw new Error(
          `Unsupported PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`,
        );
      }
      channels = colour === 6 ? 4 : 3;
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const filter = raw[0]!;
  const line = raw.subarray(1, 1 + width * channels);
  const out = Buffer.alloc(line.length);
  for (let i = 0; i < line.length; i++) {
    const left = i >= channels ? out[i - channels]! : 0;
    // The first row has no row above it: "up" is 0, so Up is None and Paeth is Sub.
    const add = filter === 1 || filter === 4 ? left : filter === 3 ? left >> 1 : 0;
    out[i] = (line[i]! + add) & 0xff;
  }
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const row: string[] = [];
  for (let x = 0; x < width; x++) {
    const p = x * channels;
    row.push(`#${hex(out[p]!)}${hex(out[p + 1]!)}${hex(out[p + 2]!)}`);
  }
  return row;
}
