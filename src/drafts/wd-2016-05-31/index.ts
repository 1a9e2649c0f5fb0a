import type { Surface } from '../../install/types';
import { identity2016 } from './identity/identity';
import { identityAssertion } from './identity/identity-assertion';
import { setIdentityProviderProtocol } from './identity/set-identity-provider-protocol';
import { setDirection } from './set-direction';

/**
 * The 2016-05-31 Working Draft's surfaces: setDirection (new in it) and §9 identity in its 2016 shape (in every
 * 2016 draft; built here); the rest of 2016 is in wd-2016-01-28.
 */
export const surfaces: readonly Surface[] = [
  setDirection,
  identityAssertion,
  // Before identity2016: it widens only a native setIdentityProvider (Firefox's).
  setIdentityProviderProtocol,
  identity2016,
];
