import type { Surface } from '../../install/types';
import { certificateAlgorithm } from './certificate-algorithm';
import { identity2016 } from './identity/identity';
import { identityAssertion } from './identity/identity-assertion';
import { identityEvents } from './identity/identity-events';
import { setIdentityProviderProtocol } from './identity/set-identity-provider-protocol';
import { setDirection } from './set-direction';

/**
 * The 2016-05-31 Working Draft's surfaces: setDirection (new in it) and §9 identity in its 2016 shape (in every
 * 2016 draft; built here); the rest of 2016 is in wd-2016-01-28.
 */
export const surfaces: readonly Surface[] = [
  setDirection,
  certificateAlgorithm,
  identityAssertion,
  // Before identity2016: it widens only a native setIdentityProvider (Firefox's).
  setIdentityProviderProtocol,
  identity2016,
  // After identity2016: the 2013/2015 event shape wraps the 2016 API the window has (era 2013-09-10, 2015-02-10).
  identityEvents,
];
