import QRCode from "qrcode";

/** The otpauth URI as an inline SVG QR code; the caller adds an accessible label. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
