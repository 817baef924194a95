import "server-only";
import bwipjs from "bwip-js/node";
import QRCode from "qrcode";

/** The card's QR (the signed token) as an SVG string, drawn on the server so the page works without scripts. */
export function cardQrSvg(token: string): Promise<string> {
  return QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#111827", light: "#ffffff" } });
}

/** The card number as a Code 128 barcode (SVG), for scanners at counters that read only 1D codes. */
export function cardBarcodeSvg(cardNumber: string): string {
  return bwipjs.toSVG({ bcid: "code128", text: cardNumber, height: 14, includetext: false, paddingwidth: 6, paddingheight: 2 });
}

export type CardTokenPayload = { token: string; expiresAt: string; qrSvg: string };
