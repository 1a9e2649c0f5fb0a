import { queueTask } from '../../core/task';
import { widenMethod } from '../../core/widen';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { complain } from '../../install/warnings';
import { isLegacyConstraints, translateOfferConstraints } from './offer-constraints';

type Callback = (...args: unknown[]) => unknown;
type Method = (this: RTCPeerConnection, ...args: unknown[]) => Promise<unknown>;

const isFunction = (x: unknown): x is Callback => typeof x === 'function';

/**
 * 2012-08 WD §4.3.2 gives the failure callback as optional ("optional RTCPeerConnectionErrorCallback"):
 * a page that omitted it wanted the failure dropped. Today's callback overloads require it, so the
 * shim hands the engine one that says what failed.
 */
function droppedFailure(member: string): Callback {
  return (e) => {
    const err = e as { name?: string; message?: string } | undefined;
    complain(`RTCPeerConnection.${member} failed and the app gave no failure callback: ${err?.name ?? ''} ${err?.message ?? String(e)}`);
  };
}

/** The draft's outcome for constraints it cannot honour, through the failure callback (or a rejection). */
function constraintFailure(win: LegacyWindow, member: string, translation: { error?: { constraint: string; message: string } }): DOMException {
  const { constraint, message } = translation.error!;
  complain(`RTCPeerConnection.${member}: ${message}; the call fails as the draft says (constraint ${constraint})`);
  return new win.DOMException(`${message} (constraint ${constraint})`, 'ConstraintNotSatisfiedError');
}

function sayIgnored(member: string, ignored: readonly string[]): void {
  if (ignored.length) complain(`RTCPeerConnection.${member}: optional constraints ignored (${ignored.join('; ')})`);
}

/**
 * 2012-08 WD: `optional MediaConstraints constraints`, a dictionary: WebIDL's conversion throws on a
 * primitive (the engines of the time threw); today's engines only reject the promise an app of the
 * time never looked at, and never call its failure callback.
 */
function checkConstraintsType(ctx: InstallContext, member: string, c: unknown): void {
  if (c === undefined || c === null || typeof c === 'object' || typeof c === 'function') return;
  complain(`RTCPeerConnection.${member}: the constraints must be an object ({mandatory, optional}), not ${typeof c}`);
  throw new ctx.win.TypeError(`RTCPeerConnection.${member}: constraints is not an object`);
}

/**
 * createOffer / createAnswer: `(ok)`, `(ok, err)`, `(ok, err, constraints)` with `{mandatory, optional}`,
 * and createAnswer's 2012-08 `(offer, ok, err, constraints)`. Returns the body of the widened method.
 */
function creator(ctx: InstallContext, member: 'createOffer' | 'createAnswer') {
  return (native: Method) =>
    function (this: RTCPeerConnection, ...args: unknown[]): unknown {
      let [a0, a1, a2] = args;
      // 2012-08 WD §4.3.2: createAnswer(offer, successCallback, failureCallback, constraints); the
      // offer is the remote description already set, as every engine of the time required.
      if (member === 'createAnswer' && !isFunction(a0) && typeof a0 === 'object' && a0 !== null && isFunction(a1)) {
        [a0, a1, a2] = [a1, a2, args[3]];
        checkConstraintsType(ctx, member, a2);
        ctx.deprecated('RTCPeerConnection.prototype.createAnswer(offer, ok, err, constraints)', 'pc.createAnswer().then(ok, err)');
      } else if (isFunction(a0)) {
        checkConstraintsType(ctx, member, a2);
        if (a1 === undefined || a1 === null || isLegacyConstraints(a2)) ctx.deprecated(`RTCPeerConnection.prototype.${member}(${isLegacyConstraints(a2) ? 'ok, err, {mandatory, optional}' : 'ok'})`, `pc.${member}().then(ok, err)`);
        // A call the engine takes as it is: untouched.
        if (isFunction(a1) && !isLegacyConstraints(a2)) return native.apply(this, args);
      } else {
        if (!isLegacyConstraints(a0)) return native.apply(this, args);
        ctx.deprecated(`RTCPeerConnection.prototype.${member}({mandatory, optional})`, `pc.${member}({offerToReceiveAudio: true, …})`);
        const t = translateOfferConstraints(a0);
        if (t.error) return Promise.reject(constraintFailure(ctx.win, member, t));
        sayIgnored(member, t.ignored);
        return native.call(this, t.options);
      }
      const ok = a0;
      // A failure callback that is not a function is the engine's TypeError to give.
      const err = a1 === undefined || a1 === null ? droppedFailure(member) : a1;
      let options = a2;
      if (isLegacyConstraints(a2)) {
        const t = translateOfferConstraints(a2);
        if (t.error) {
          const e = constraintFailure(ctx.win, member, t);
          if (isFunction(err)) queueTask(ctx.win, () => err(e));
          return Promise.resolve();
        }
        sayIgnored(member, t.ignored);
        options = t.options;
      }
      return options === undefined ? native.call(this, ok, err) : native.call(this, ok, err, options);
    };
}

/**
 * setLocalDescription / setRemoteDescription / addIceCandidate `(x, ok)` with no failure callback
 * (2012-08 WD §4.3.2: both callbacks optional). Firefox rejects two arguments ("not a valid argument
 * count"); Chromium takes them. `(x)` alone and `(x, ok, err)` are today's forms: untouched.
 */
function applier(ctx: InstallContext, member: string) {
  return (native: Method) =>
    function (this: RTCPeerConnection, ...args: unknown[]): unknown {
      const [a0, a1, a2] = args;
      if (!isFunction(a1) || (a2 !== undefined && a2 !== null)) return native.apply(this, args);
      ctx.deprecated(`RTCPeerConnection.prototype.${member}(${member === 'addIceCandidate' ? 'candidate' : 'desc'}, ok)`, `pc.${member}(x).then(ok, err)`);
      return native.call(this, a0, a1, droppedFailure(member));
    };
}

/**
 * The 2012–2015 callback offer/answer over the native methods (design.md "widening the native
 * object"): only the call shapes today's engines misread or reject are translated; every other call
 * reaches the native method with its own arguments and returns its result.
 */
export const offerAnswer: Surface = {
  id: 'wd-2012-08-21/offer-answer',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [
    { name: 'RTCPeerConnection.prototype.createOffer(ok)', replacement: 'pc.createOffer().then(ok, err)' },
    { name: 'RTCPeerConnection.prototype.createOffer(ok, err, {mandatory, optional})', replacement: 'pc.createOffer({offerToReceiveAudio: true, offerToReceiveVideo: true})' },
    { name: 'RTCPeerConnection.prototype.createOffer({mandatory, optional})', replacement: 'pc.createOffer({offerToReceiveAudio: true, offerToReceiveVideo: true})' },
    { name: 'RTCPeerConnection.prototype.createAnswer(ok)', replacement: 'pc.createAnswer().then(ok, err)' },
    { name: 'RTCPeerConnection.prototype.createAnswer(ok, err, {mandatory, optional})', replacement: 'pc.createAnswer().then(ok, err)', note: 'an answer takes no offer options today' },
    { name: 'RTCPeerConnection.prototype.createAnswer({mandatory, optional})', replacement: 'pc.createAnswer()', note: 'an answer takes no offer options today' },
    { name: 'RTCPeerConnection.prototype.createAnswer(offer, ok, err, constraints)', replacement: 'pc.createAnswer().then(ok, err)' },
    { name: 'RTCPeerConnection.prototype.setLocalDescription(desc, ok)', replacement: 'pc.setLocalDescription(desc).then(ok, err)' },
    { name: 'RTCPeerConnection.prototype.setRemoteDescription(desc, ok)', replacement: 'pc.setRemoteDescription(desc).then(ok, err)' },
    { name: 'RTCPeerConnection.prototype.addIceCandidate(candidate, ok)', replacement: 'pc.addIceCandidate(candidate).then(ok, err)' },
  ],
  detect: (win) => typeof win.RTCPeerConnection === 'function',
  install(ctx) {
    const proto = ctx.win.RTCPeerConnection.prototype;
    const P = 'RTCPeerConnection.prototype';
    widenMethod(ctx, proto, P, 'createOffer', creator(ctx, 'createOffer'));
    widenMethod(ctx, proto, P, 'createAnswer', creator(ctx, 'createAnswer'));
    for (const m of ['setLocalDescription', 'setRemoteDescription', 'addIceCandidate']) widenMethod(ctx, proto, P, m, applier(ctx, m));
  },
};
