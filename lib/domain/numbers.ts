import * as z from 'zod';

/** Digits after the decimal point, as the number is written (`1e-131` has 131). */
export function decimalPlaces(n: number): number {
  const [mantissa = '', exponent = '0'] = String(n).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * A finite number within [min, max] with at most `places` decimals: what a person can mean, and what
 * DynamoDB stores exactly (it refuses magnitudes below 1e-130 and keeps 38 significant digits).
 */
export function boundedNumber(min: number, max: number, places: number, placesMessage: string) {
  return z
    .number()
    .min(min)
    .max(max)
    .refine((n) => decimalPlaces(n) <= places, { message: placesMessage });
}

/** Degrees to 8 decimals: about a millimetre, finer than any phone reports. */
export const latitudeSchema = boundedNumber(-90, 90, 8, '纬度最多 8 位小数');
export const longitudeSchema = boundedNumber(-180, 180, 8, '经度最多 8 位小数');

/** Yuan and fen. */
export const moneySchema = (max: number) => boundedNumber(0, max, 2, '金额最多 2 位小数');
