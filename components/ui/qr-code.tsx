import "server-only";
import QRCode from "qrcode";

/**
 * A QR code rendered on the server as inline SVG (no script, prints crisply).
 * `value` is what a scanner reads back: a coupon code, a card number.
 */
export async function QrCode({ value, label, size = 160, className }: { value: string; label: string; size?: number; className?: string }) {
  const svg = await QRCode.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 1, width: size, color: { dark: "#111827", light: "#ffffff" } });
  return <span role="img" aria-label={label} className={className} style={{ display: "inline-block", width: size, height: size }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
