import type { Surface } from './types';
import * as wd20111027 from '../drafts/wd-2011-10-27/index';
import * as ed20120318 from '../drafts/ed-2012-03-18/index';
import * as mediacapture20120628 from '../drafts/mediacapture-2012-06-28/index';
import * as wd20120821 from '../drafts/wd-2012-08-21/index';
import * as mediacapture20130516 from '../drafts/mediacapture-2013-05-16/index';
import * as mediacapture20130903 from '../drafts/mediacapture-2013-09-03/index';
import * as wd20130910 from '../drafts/wd-2013-09-10/index';
import * as mediacapture20150212 from '../drafts/mediacapture-2015-02-12/index';
import * as wd20160128 from '../drafts/wd-2016-01-28/index';
import * as mediacapture20160519 from '../drafts/mediacapture-2016-05-19/index';
import * as wd20160531 from '../drafts/wd-2016-05-31/index';

/**
 * Every legacy surface, by the draft that introduced it, in install order. The only list of them:
 * install() walks it, the docs' coverage table and the conformance suite read it. Each draft folder's
 * index.ts exports its own `surfaces`; add a draft here with one line.
 */
export const registry: readonly Surface[] = [
  ...wd20111027.surfaces,
  ...ed20120318.surfaces,
  ...mediacapture20120628.surfaces,
  ...wd20120821.surfaces,
  ...mediacapture20130516.surfaces,
  ...mediacapture20130903.surfaces,
  ...wd20130910.surfaces,
  ...mediacapture20150212.surfaces,
  ...wd20160128.surfaces,
  ...mediacapture20160519.surfaces,
  ...wd20160531.surfaces,
  // Last of all: these capture the native MediaStream when they install.
  ...wd20111027.last,
];
