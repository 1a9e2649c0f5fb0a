import type { Surface } from '../../install/types';
import { overconstrainedErrorEvent } from './overconstrained-error-event';

/** Media Capture 2016-05-19 (Candidate Recommendation): what is missing of it today. */
export const surfaces: readonly Surface[] = [overconstrainedErrorEvent];
