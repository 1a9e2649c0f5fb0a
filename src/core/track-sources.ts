/**
 * 2011 WD §3.2.1: `new MediaStream(trackList)` makes a new MediaStreamTrack object for each underlying
 * source; the shim makes them with `track.clone()`. Each clone remembers the track its source was first
 * seen through (the root), so that several track objects are known to share one source.
 */
const rootOf = new WeakMap<MediaStreamTrack, MediaStreamTrack>();
const clonesOf = new WeakMap<MediaStreamTrack, Set<MediaStreamTrack>>();

/** The track standing for `track`'s underlying source: the one the shim's clones were first made from. */
export function sourceOf(track: MediaStreamTrack): MediaStreamTrack {
  return rootOf.get(track) ?? track;
}

/** `clone` is a new track object for the source of `of`. */
export function sharesSource(clone: MediaStreamTrack, of: MediaStreamTrack): void {
  const root = sourceOf(of);
  rootOf.set(clone, root);
  let clones = clonesOf.get(root);
  if (!clones) clonesOf.set(root, (clones = new Set()));
  clones.add(clone);
}

/**
 * `tracks` and every other track object of their sources. 2011 WD §3.2.2 stop() "permanently stop[s]
 * the generation of data" at the source: every stream made from it with MediaStream(trackList) ends too.
 */
export function sameSources(tracks: readonly MediaStreamTrack[]): MediaStreamTrack[] {
  const all = new Set<MediaStreamTrack>(tracks);
  for (const t of tracks) {
    const root = sourceOf(t);
    all.add(root);
    clonesOf.get(root)?.forEach((c) => all.add(c));
  }
  return [...all];
}
