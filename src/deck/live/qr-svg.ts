import QRCode from 'qrcode';

/** Modules of white around the code, as the QR standard asks, so any phone's camera finds it. */
const QUIET_ZONE = 4;

/**
 * A QR code of `text` as SVG markup, drawn here from the code's modules (no canvas, no network):
 * one path of unit squares on a white square, crisp at any size.
 */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const side = n + 2 * QUIET_ZONE;
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (modules.get(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" aria-hidden="true" focusable="false"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
