import "server-only";
import QRCode from "qrcode";

/**
 * The check-in link as a QR code: an SVG document (paths only, no script or external
 * reference) made on the server by the `qrcode` package, error correction M, a 4-module
 * quiet zone. The URL is the only content; the caller shows the SVG once, right after the
 * link was made (the token is never stored).
 */
export async function checkinQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
}
