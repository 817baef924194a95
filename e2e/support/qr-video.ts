import QRCode from "qrcode";

/**
 * Video files for Chromium's fake camera (`--use-file-for-fake-video-capture`),
 * made at run time so no binary is committed. YUV4MPEG2 with 4:2:0 planes
 * (what Chromium's Y4M reader accepts): a header line, then per frame
 * `FRAME\n` + the Y plane (width×height) + U and V (each a quarter of it).
 * Chromium plays the frames in a loop at the header's frame rate.
 */

export type VideoSize = { width?: number; height?: number };
/** Whether the pixel at (x, y) is dark. */
export type Picture = (x: number, y: number) => boolean;

/** Luma of black and white in the video range (16–235); chroma 128 is grey, no colour. */
const BLACK = 16;
const WHITE = 235;
const NEUTRAL = 128;
const FPS = 10;

/** Pictures (one per frame, black on white) as a Y4M file. */
export function picturesToY4m(pictures: Picture[], size: VideoSize = {}): Buffer {
  const width = size.width ?? 640;
  const height = size.height ?? 480;
  if (width % 2 || height % 2) throw new Error("Y4M 4:2:0 needs an even width and height");
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, NEUTRAL);
  const frames = pictures.map((dark) => {
    const luma = Buffer.alloc(width * height, WHITE);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) if (dark(x, y)) luma[y * width + x] = BLACK;
    }
    return Buffer.concat([Buffer.from("FRAME\n", "ascii"), luma, chroma]);
  });
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F${FPS}:1 Ip A1:1 C420\n`, "ascii"), ...frames]);
}

/**
 * The tilts (degrees) of the card in successive frames, as a hand holds it.
 * A perfectly still, square-on code is not what a counter camera sees, and
 * ZXing's detector misses about one in twenty such synthetic codes; a few
 * degrees either way it reads them all. Seven frames at 10 fps against the
 * scanner's ~500 ms between attempts: every tilt comes up in turn.
 */
export const HAND_TILTS = [0, 5, -5, 10, -10, 3, -3];

/**
 * `text` as a QR code (error correction M, like the member card and its
 * portal page) centred on white, one frame per tilt: each module
 * `modulePx` pixels, with at least four modules of white around the turned code.
 */
export function qrY4m(text: string, options: VideoSize & { modulePx?: number; tilts?: number[] } = {}): Buffer {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const tilts = options.tilts ?? HAND_TILTS;
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  const modulePx = options.modulePx ?? Math.max(2, Math.floor(Math.min(width, height) / (size + 16)));
  const side = size * modulePx;
  const widest = Math.max(...tilts.map((deg) => side * (Math.abs(Math.cos((deg * Math.PI) / 180)) + Math.abs(Math.sin((deg * Math.PI) / 180)))));
  if (widest + 8 * modulePx > Math.min(width, height)) throw new Error(`a ${size}-module QR does not fit ${width}×${height} at ${modulePx}px a module`);
  const picture = (deg: number): Picture => {
    const cos = Math.cos((deg * Math.PI) / 180);
    const sin = Math.sin((deg * Math.PI) / 180);
    return (x, y) => {
      // Turn the pixel's centre back into the upright code's coordinates.
      const dx = x + 0.5 - width / 2;
      const dy = y + 0.5 - height / 2;
      const col = Math.floor((cos * dx + sin * dy + side / 2) / modulePx);
      const row = Math.floor((-sin * dx + cos * dy + side / 2) / modulePx);
      return col >= 0 && row >= 0 && col < size && row < size && data[row * size + col] === 1;
    };
  };
  return picturesToY4m(tilts.map(picture), options);
}

/** A white picture with nothing to read: the camera is live, the scanner keeps looking. */
export function blankY4m(size: VideoSize = {}): Buffer {
  return picturesToY4m([() => false, () => false, () => false], size);
}
