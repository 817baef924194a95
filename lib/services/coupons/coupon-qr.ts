import QRCode from "qrcode";

/** The coupon's code as an SVG QR (what a scanner at the counter reads back is the code itself). */
export async function couponQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
