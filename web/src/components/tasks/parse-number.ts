import { toAsciiDigits } from '../../lib/format';

/** A number typed in any digits ("۲۴", "٢٤", "24", "1.5", "۱٫۵"); null when it is not one. */
export function typedNumber(text: string): number | null {
  const ascii = toAsciiDigits(text).trim().replace(/[٫,]/g, '.');
  if (!/^\d+(\.\d+)?$/.test(ascii)) return null;
  return Number(ascii);
}
