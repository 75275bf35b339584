import { DateTime } from 'luxon';

/**
 * Swedish personal identity number (personnummer), as the region names a patient: 12 digits
 * YYYYMMDDNNNC, C the Luhn check digit over the last ten (YYMMDDNNN). A coordination number
 * (samordningsnummer) is the same with 60 added to the day. Patient data: never log one.
 */
export type PersonalNumberProblem = 'format' | 'date' | 'check_digit';

/** Luhn over YYMMDDNNN (weights 2, 1, 2, …): the check digit the tenth place must hold. */
export function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** What is wrong with the number, or null when it is a valid 12-digit personal number. */
export function personalNumberProblem(value: string): PersonalNumberProblem | null {
  if (!/^(18|19|20)\d{10}$/.test(value)) return 'format';
  const rawDay = Number(value.slice(6, 8));
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  const date = DateTime.fromObject({
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(4, 6)),
    day,
  });
  if (!date.isValid) return 'date';
  if (checkDigit(value.slice(2, 11)) !== Number(value[11])) return 'check_digit';
  return null;
}

export const PERSONAL_NUMBER_MESSAGES: Record<PersonalNumberProblem, string> = {
  format: '12 digits YYYYMMDDNNNN (no hyphen)',
  date: 'not a date (YYYYMMDD, or the day + 60 of a coordination number)',
  check_digit: 'the check digit does not match (Luhn)',
};
