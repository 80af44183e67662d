// Chamber colours come from the page: the text put on them is chosen for WCAG AA contrast.

const DARK_TEXT = "#000000"; // pure black: with white, one of the two always reaches 4.5:1
const LIGHT_TEXT = "#ffffff";

/** "#1f4e8c" or "#17c" into [r, g, b] (0-255); null for anything else. */
export function parseHex(value) {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || "").trim());
  if (!match) return null;
  let hex = match[1];
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** The requested text colour when it reaches 4.5:1 on the background, else white or near-black. */
export function readableText(background, requested) {
  const bg = parseHex(background);
  const wanted = parseHex(requested);
  if (wanted && contrastRatio(bg, wanted) >= 4.5) return requested;
  return contrastRatio(bg, parseHex(LIGHT_TEXT)) >= contrastRatio(bg, parseHex(DARK_TEXT)) ? LIGHT_TEXT : DARK_TEXT;
}
