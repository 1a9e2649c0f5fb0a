import type { Surface } from '../../install/types';
import { identity2016 } from './identity/identity';
import { setDirection } from './set-direction';

/** The 2016-05-31 Working Draft's surfaces that came with it (the rest of 2016 is in wd-2016-01-28). */
export const surfaces: readonly Surface[] = [setDirection, identity2016];
