// Digits of every script Feedloop reads: input parsing, phone numbers, search keys and import
// all turn Persian and Arabic-Indic digits into ASCII ones the same way.
export const DIGIT_RE = /[\u06F0-\u06F9\u0660-\u0669\uFF10-\uFF19]/g;

/** Persian (۰-۹), Arabic-Indic (٠-٩) and full-width (０-９) digits → ASCII 0-9; nothing else changes. */
export function toAsciiDigits(s: string): string {
  return s.replace(DIGIT_RE, (d) => {
    const cp = d.charCodeAt(0);
    const zero = cp >= 0xff10 ? 0xff10 : cp >= 0x06f0 ? 0x06f0 : 0x0660;
    return String.fromCharCode(0x30 + cp - zero);
  });
}
