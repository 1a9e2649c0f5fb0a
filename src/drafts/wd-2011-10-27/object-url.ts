import { asOperation } from '../../core/webidl';
import { brandCheck } from '../../core/brand';
import { liveWindows } from '../../install/live';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

type ObjectURLFunction = (this: unknown, obj: Blob | MediaSource) => string;
type RevokeFunction = (this: unknown, url: string) => void;
type AttributeFunction = (this: Element, ...args: string[]) => void;

/**
 * The stream URLs each window minted and has not revoked, like the native Blob URL store: kept until
 * revokeObjectURL, and across a reinstall (a URL minted before it still shows its stream after).
 */
const mintedIn = new WeakMap<LegacyWindow, Map<string, MediaStream>>();
/** The installation now serving each window: an observer left by an earlier one stands down. */
const servingIn = new WeakMap<LegacyWindow, object>();

/**
 * A brand check, so that a stream from another realm (an iframe's) is a stream and an object merely
 * inheriting from MediaStream.prototype is not (the native function throws on it). A Blob, the
 * common case, goes straight to the native function.
 */
function streamCheck(win: LegacyWindow): (x: unknown) => x is MediaStream {
  const isStream = brandCheck<MediaStream>(Object.getOwnPropertyDescriptor(win.MediaStream.prototype, 'id')!.get);
  return (x): x is MediaStream => !(x instanceof win.Blob) && isStream(x);
}

/**
 * Chromium removed the MediaStream overload in 71, Firefox in 62: both throw a TypeError today. Asking
 * the engine needs a MediaStream, and the first one a frame makes cost 5 ms at install in Chromium 156
 * (bench load section), so the engine is asked with the app's own first stream instead: createObjectURL
 * is widened wherever MediaStream exists, and keeps the native answer if the engine takes streams.
 */
function missing(win: LegacyWindow) {
  const present = typeof win.MediaStream === 'function' && typeof win.URL?.createObjectURL === 'function';
  return {
    streams: present,
    getObjectURL: present && !('getObjectURL' in win.URL),
    webkitURL: present && !('webkitURL' in win),
  };
}

/**
 * 2011 WD §3.2.6 `URL.createObjectURL(stream)`, the §3.3 / §4.3 examples' `URL.getObjectURL(stream)`,
 * and `webkitURL` where an engine lacks it.
 *
 * A stream URL is a real `blob:` URL of this origin — the native createObjectURL of an empty Blob,
 * so it is unique and revocable like any other; fetching it gives an empty body, as the draft gives
 * a stream no bytes. Media elements are then given the stream through `srcObject`, which today's
 * engines prefer over the `src` attribute, so the attribute keeps the URL the app wrote and `src`,
 * `getAttribute('src')` and `outerHTML` read it back natively.
 *
 * evolution.md "Known traps": webrtc-adapter's 2017 version of this surprised modern apps. Here
 * install() only widens `URL.createObjectURL` (native result and native exceptions for everything
 * but a stream); the media element patches and the observer start with the page's first stream URL.
 */
export const objectUrl: Surface = {
  id: 'wd-2011-10-27/object-url',
  drafts: ['2011-10-27', '2012-02-09', '2012-03-18', '2012-08-21', '2013-09-10'],
  collides: false,
  members: [
    {
      name: 'URL.createObjectURL(MediaStream)',
      replacement: 'video.srcObject = stream',
      note: 'Engines removed the MediaStream overload in 2018 (Chromium 71, Firefox 62).',
      pattern: '*#createObjectURL(MediaStream)',
    },
    { name: 'URL.getObjectURL', replacement: 'video.srcObject = stream', pattern: '*#getObjectURL()' },
    { name: 'webkitURL', replacement: 'URL', pattern: 'webkitURL' },
  ],
  detect: (win) => Object.values(missing(win)).some(Boolean),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const URLs = win.URL;
    const todo = missing(win);
    const nativeCreate = URLs.createObjectURL as ObjectURLFunction;
    const nativeRevoke = URLs.revokeObjectURL as RevokeFunction;
    const isMediaStream = streamCheck(win);
    const serving = {};
    servingIn.set(win, serving);
    const live = () => liveWindows.has(win) && servingIn.get(win) === serving;
    let streams = mintedIn.get(win);
    if (!streams) mintedIn.set(win, (streams = new Map()));
    const minted = streams;
    let watching = false;
    const watch = () => {
      if (watching || !live()) return;
      watching = true;
      watchMediaElements(ctx, minted, live);
    };

    let nativeTakesStreams: boolean | undefined;
    const mint = (stream: MediaStream): string => {
      if (nativeTakesStreams !== false) {
        try {
          const url = nativeCreate.call(URLs, stream as never);
          nativeTakesStreams = true;
          return url;
        } catch {
          nativeTakesStreams = false;
        }
      }
      const url = nativeCreate.call(URLs, new win.Blob());
      minted.set(url, stream);
      watch();
      return url;
    };

    if (todo.streams) {
      // Same name and length as the native function; `this` is ignored, as by a static operation.
      const createObjectURL = function createObjectURL(this: unknown, obj: Blob | MediaSource): string {
        if (live() && isMediaStream(obj)) {
          ctx.used('URL.createObjectURL(MediaStream)');
          return mint(obj);
        }
        return nativeCreate.apply(this, arguments as unknown as [Blob]);
      };
      // The native function revokes the empty Blob behind a stream URL as it revokes any Blob URL.
      const revokeObjectURL = function revokeObjectURL(this: unknown, url: string): void {
        nativeRevoke.apply(this, arguments as unknown as [string]);
        if (typeof url === 'string') minted.delete(url);
      };
      // Methods, as the native static operations (idlharness: no [[Construct]], no own prototype).
      ctx.define(URLs, 'URL', 'createObjectURL', { value: asOperation(createObjectURL), writable: true, enumerable: true });
      ctx.define(URLs, 'URL', 'revokeObjectURL', { value: asOperation(revokeObjectURL), writable: true, enumerable: true });
      if (minted.size) watch();
    }

    if (todo.getObjectURL) {
      // §3.3 Snapshot Kiosk and §4.3: `video.src = URL.getObjectURL(stream)`; Blobs as createObjectURL takes them.
      const getObjectURL = function getObjectURL(this: unknown, obj: Blob | MediaSource | MediaStream): string {
        if (live() && isMediaStream(obj)) {
          ctx.used('URL.getObjectURL');
          return mint(obj);
        }
        return (URLs.createObjectURL as ObjectURLFunction).apply(this, arguments as unknown as [Blob]);
      };
      ctx.define(URLs, 'URL', 'getObjectURL', { value: asOperation(getObjectURL), writable: true, enumerable: true });
    }

    if (todo.webkitURL) {
      ctx.define(win, 'window', 'webkitURL', { value: URLs, writable: true, enumerable: false });
    }
  },
};

/**
 * From the first stream URL on: every way a page hands a URL to a media element — the `src`
 * property, `setAttribute`/`removeAttribute`, `new Audio(url)`, parsed markup and `<source>`
 * children (a MutationObserver on the document) — gives the element the stream through `srcObject`.
 * For every other URL each patched member only calls the native one.
 */
function watchMediaElements(ctx: InstallContext, minted: Map<string, MediaStream>, live: () => boolean): void {
  const { win } = ctx;
  const proto = win.HTMLMediaElement.prototype;
  const srcDescriptor = Object.getOwnPropertyDescriptor(proto, 'src')!;
  const srcObject = Object.getOwnPropertyDescriptor(proto, 'srcObject')!;
  const getSrcObject = srcObject.get as (this: HTMLMediaElement) => MediaProvider | null;
  const setSrcObject = srcObject.set as (this: HTMLMediaElement, v: MediaProvider | null) => void;
  const { getAttribute, hasAttribute } = win.Element.prototype;
  const nativeSetAttribute = proto.setAttribute as AttributeFunction;
  const nativeRemoveAttribute = proto.removeAttribute as AttributeFunction;

  /** The src attribute each element had when the shim last looked, and the stream it gave it. */
  const seen = new WeakMap<HTMLMediaElement, string | null>();
  const given = new WeakMap<HTMLMediaElement, MediaStream>();

  const asMedia = (x: unknown): HTMLMediaElement | null => {
    if (x instanceof win.HTMLMediaElement) return x;
    // An element adopted from another window keeps that window's prototypes: ask for the brand.
    const name = (x as Element | null)?.localName;
    if (name !== 'video' && name !== 'audio') return null;
    try {
      getSrcObject.call(x as HTMLMediaElement);
      return x as HTMLMediaElement;
    } catch {
      return null;
    }
  };
  const give = (el: HTMLMediaElement, stream: MediaStream) => {
    given.set(el, stream);
    // Assigning srcObject restarts the load algorithm, so only when it changes.
    if (getSrcObject.call(el) !== stream) setSrcObject.call(el, stream);
  };

  /**
   * The src attribute now says `value`. A stream URL gives the element its stream; any other value
   * takes back a stream the shim gave, unless the app has set srcObject itself since (then the
   * app's object stays, as it would natively). A stream URL revoked earlier is not in `minted`:
   * the element loads it natively and fails with `error`, as a revoked Blob URL does.
   */
  const srcIs = (el: HTMLMediaElement, value: string | null) => {
    seen.set(el, value);
    const stream = value === null ? undefined : minted.get(value);
    const mine = given.get(el);
    if (stream) give(el, stream);
    else if (mine) {
      given.delete(el);
      if (getSrcObject.call(el) === mine) setSrcObject.call(el, null);
    }
  };
  const afterSrcChange = (target: unknown) => {
    const el = live() ? asMedia(target) : null;
    if (el) srcIs(el, getAttribute.call(el, 'src'));
  };
  const namesSrc = (name: unknown) => typeof name === 'string' && name.length === 3 && name.toLowerCase() === 'src';

  const P = 'HTMLMediaElement.prototype';
  ctx.define(proto, P, 'src', {
    get: srcDescriptor.get,
    set(this: HTMLMediaElement, value: string) {
      srcDescriptor.set!.call(this, value);
      afterSrcChange(this);
    },
    enumerable: srcDescriptor.enumerable,
  });
  // Own members of HTMLMediaElement.prototype, so Element.prototype and every other element stay untouched.
  ctx.define(proto, P, 'setAttribute', {
    value: asOperation(function setAttribute(this: Element, qualifiedName: string, _value: string): void {
      nativeSetAttribute.apply(this, arguments as unknown as string[]);
      if (namesSrc(qualifiedName)) afterSrcChange(this);
    }),
    writable: true,
    enumerable: true,
  });
  ctx.define(proto, P, 'removeAttribute', {
    value: asOperation(function removeAttribute(this: Element, qualifiedName: string): void {
      nativeRemoveAttribute.apply(this, arguments as unknown as string[]);
      if (namesSrc(qualifiedName)) afterSrcChange(this);
    }),
    writable: true,
    enumerable: true,
  });

  // `new Audio(url)` sets the attribute from inside the constructor, where no patch sees it.
  const NativeAudio = win.Audio;
  if (typeof NativeAudio === 'function') {
    const Audio = function Audio(this: unknown): HTMLAudioElement {
      if (!new.target) return (NativeAudio as unknown as () => HTMLAudioElement)();
      const el = Reflect.construct(NativeAudio, arguments, new.target === Audio ? NativeAudio : new.target) as HTMLAudioElement;
      if (arguments.length) afterSrcChange(el);
      return el;
    };
    Object.defineProperty(Audio, 'prototype', { value: NativeAudio.prototype, writable: false });
    ctx.define(win, 'window', 'Audio', { value: Audio, writable: true, enumerable: false });
  }

  /** The first `<source>` child, when neither the src attribute nor srcObject takes precedence. */
  const sourceChild = (media: HTMLMediaElement) => {
    if (hasAttribute.call(media, 'src') || getSrcObject.call(media) !== null) return;
    for (const child of media.children) {
      if (child.localName !== 'source') continue;
      const stream = minted.get(getAttribute.call(child, 'src') ?? '');
      if (stream) give(media, stream);
      return;
    }
  };
  /** Only what no patch saw: the src setter and setAttribute record theirs in `seen`. */
  const unseen = (media: HTMLMediaElement) => {
    const value = getAttribute.call(media, 'src');
    if (value !== seen.get(media)) srcIs(media, value);
  };
  const inserted = (node: Node) => {
    if (node.nodeType !== 1) return;
    const root = node as Element;
    const found = [...(root.matches(SELECTOR) ? [root] : []), ...root.querySelectorAll(SELECTOR)];
    for (const el of found) {
      const media = asMedia(el);
      if (media) unseen(media);
      else {
        const parent = asMedia(el.parentElement);
        if (parent) sourceChild(parent);
      }
    }
  };
  /**
   * Markup parsed later (innerHTML, document.write), attributes set by other means (setAttributeNS,
   * Attr.value), `<source>` children, and elements given a URL before they joined the document.
   * Records arrive in a microtask, before a load of the URL itself could fire any event; assigning
   * srcObject then cancels that load.
   */
  const observer = new win.MutationObserver((records) => {
    if (!live()) {
      observer.disconnect();
      return;
    }
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(inserted);
      else {
        // A <source>'s src changing later does nothing natively either.
        const media = asMedia(r.target);
        if (media) unseen(media);
      }
    }
  });
  observer.observe(win.document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
}

/** Elements whose src could be a stream URL; `<source>` counts only inside a media element. */
const SELECTOR = 'video[src^="blob:"],audio[src^="blob:"],source[src^="blob:"]';
