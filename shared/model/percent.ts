import { z } from 'zod';
import { lazySchema } from './lazySchema';

/** A percentage a person types (a drop's reserve, a creator's or brief's revenue share). */
export const percentSchema = lazySchema(() =>
  z
    .number({ message: 'Enter a percentage.' })
    .min(0, 'Between 0 and 100 %.')
    .max(100, 'Between 0 and 100 %.'),
);
