/**
 * SIRET (French establishment number) check: 14 digits whose Luhn checksum holds, as INSEE
 * defines it. La Poste's establishments share SIREN 356000000 and are numbered past what Luhn
 * allows, so INSEE validates them with "sum of digits is a multiple of 5" instead.
 */
import { problem } from './messages';
import { accept, reject, type Check } from './text';

const LA_POSTE_SIREN = '356000000';

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) {
    sum += Number(digit);
  }
  return sum;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const doubled = index % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

/** Checks a compact SIRET (separators already removed). */
export function checkFrenchSiret(siret: string): Check<string> {
  if (!/^\d{14}$/.test(siret)) {
    return reject(problem('siret.format'));
  }
  const valid = passesLuhn(siret) || (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0);
  return valid ? accept(siret) : reject(problem('siret.checksum'));
}
