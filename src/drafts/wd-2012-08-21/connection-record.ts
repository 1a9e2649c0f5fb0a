/**
 * design.md "widening the native object": the legacy state of each native RTCPeerConnection lives in
 * ONE record, kept here by connection (never stored on the object), and is derived from the native
 * events the surfaces listen to from construction (peer-connection-constructor.ts `onConstruct`).
 */
export interface ConnectionRecord {
  /** 2012-08 `readyState`: reached `active` once (it stays so until closed). */
  active: boolean;
  /** The `readyState` / `iceState` last announced by `statechange` / `icechange`. */
  readyState?: string;
  iceState?: string;
  /** The 2013–2015 `iceConnectionState` last announced, under an era that reports `completed`. */
  iceConnectionState?: string;
  /** Local streams removeStream took out where the engine has no removeStream (Firefox). */
  readonly removedLocal: WeakSet<MediaStream>;
  /** Remote streams whose every track the far side stopped sending, announced as `removestream`. */
  readonly removedRemote: WeakSet<MediaStream>;
  /** Remote streams already watched for `removetrack`. */
  readonly watchedRemote: WeakSet<MediaStream>;
  /** The servers an `iceTransports: "none"` configuration set aside, for updateIce to give back. */
  iceServersAside?: RTCIceServer[];
}

const records = new WeakMap<RTCPeerConnection, ConnectionRecord>();

export function recordOf(pc: RTCPeerConnection): ConnectionRecord {
  let r = records.get(pc);
  if (!r) records.set(pc, (r = { active: false, removedLocal: new WeakSet(), removedRemote: new WeakSet(), watchedRemote: new WeakSet() }));
  return r;
}
