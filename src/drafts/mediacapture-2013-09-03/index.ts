import type { Surface } from '../../install/types';
import { getSourceInfos, getSources } from './source-infos';

/** Media Capture 2013-09-03 (and Chrome's getSources of the same years): what is missing of it today. */
export const surfaces: readonly Surface[] = [getSources, getSourceInfos];
