import type { Surface } from './types';
import * as wd20111027 from '../drafts/wd-2011-10-27/index';
import * as mediacapture20120628 from '../drafts/mediacapture-2012-06-28/index';
import * as mediacapture20130516 from '../drafts/mediacapture-2013-05-16/index';
import * as mediacapture20130903 from '../drafts/mediacapture-2013-09-03/index';
import * as mediacapture20150212 from '../drafts/mediacapture-2015-02-12/index';

/**
 * Every legacy surface, by the draft that introduced it, in install order. The only list of them:
 * install() walks it, the docs' coverage table and the conformance suite read it. Each draft folder's
 * index.ts exports its own `surfaces`; add a draft here with one line.
 */
export const registry: readonly Surface[] = [
  ...wd20111027.surfaces,
  ...mediacapture20120628.surfaces,
  ...mediacapture20130516.surfaces,
  ...mediacapture20130903.surfaces,
  ...mediacapture20150212.surfaces,
  // Last of all: these capture the native MediaStream when they install.
  ...wd20111027.last,
];
