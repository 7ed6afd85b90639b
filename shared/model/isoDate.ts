import { z } from 'zod';
import { lazySchema } from './lazySchema';

/** Years a campaign date may fall in; anything else is a typing slip (0002, 20277). */
export const PLAN_YEARS = { first: 2000, last: 2099 } as const;

/** True when `year` is one Cadence plans in. */
export function isPlanYear(year: number): boolean {
  return Number.isInteger(year) && year >= PLAN_YEARS.first && year <= PLAN_YEARS.last;
}

/** The message for a date whose year is out of range. */
export const PLAN_YEAR_MESSAGE = `Check the year: dates fall between ${PLAN_YEARS.first} and ${PLAN_YEARS.last}.`;

/** A calendar day as stored (yyyy-MM-dd): a real day in a plausible year. */
export const isoDateSchema = lazySchema(() =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a whole date: day, month and year.')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, 'That day does not exist.')
    .refine((s) => isPlanYear(Number(s.slice(0, 4))), PLAN_YEAR_MESSAGE),
);
