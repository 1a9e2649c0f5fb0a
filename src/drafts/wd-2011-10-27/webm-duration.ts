/**
 * Writes the Duration into the header of a WebM file that a live muxer (MediaRecorder) wrote before it
 * knew where the file would end. Pure: unit-tested alone on headers the browsers really produce.
 *
 * Why not the `fix-webm-duration` package (measured on Chromium 156 and Firefox ESR 153):
 * - it writes a Duration only when none is present or it is ≤ 0. Chromium's MediaRecorder, flushed
 *   with requestData() as getRecordedData() must, writes a placeholder Duration of 1 ms, which the
 *   package keeps: the file then plays as 0.001 s long;
 * - it reads the whole recording into an ArrayBuffer and writes every byte again, frames included,
 *   on every call. This function touches only the header; the frames stay in the native Blob.
 */

const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
/** Matroska's default TimecodeScale: durations are in milliseconds. */
const DEFAULT_SCALE = 1e6;

interface Element {
  id: number;
  /** Offset of the size field, and its length in bytes. */
  sizeAt: number;
  sizeLength: number;
  /** null: "unknown size", all value bits set (a live muxer's Segment). */
  size: number | null;
  /** Offset of the element's content. */
  data: number;
}

/** Length of an EBML variable-size integer from its first byte: leading zeros + 1 (0 if invalid). */
function vintLength(first: number): number {
  for (let n = 1; n <= 8; n++) if (first & (0x100 >> n)) return n;
  return 0;
}

function readElement(b: Uint8Array, at: number): Element | null {
  const idLength = vintLength(b[at] ?? 0);
  if (!idLength || idLength > 4) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + (b[at + i] ?? 0);
  const sizeAt = at + idLength;
  const sizeLength = vintLength(b[sizeAt] ?? 0);
  if (!sizeLength || sizeAt + sizeLength > b.length) return null;
  const mask = 0xff >> sizeLength;
  let size = b[sizeAt] & mask;
  let unknown = size === mask;
  for (let i = 1; i < sizeLength; i++) {
    const byte = b[sizeAt + i];
    size = size * 256 + byte;
    unknown &&= byte === 0xff;
  }
  return { id, sizeAt, sizeLength, size: unknown ? null : size, data: sizeAt + sizeLength };
}

function readUint(b: Uint8Array, at: number, length: number): number {
  let n = 0;
  for (let i = 0; i < length; i++) n = n * 256 + b[at + i];
  return n;
}

function writeVint(b: Uint8Array, at: number, length: number, value: number): void {
  for (let i = length - 1; i >= 0; i--) {
    b[at + i] = value % 256;
    value = Math.floor(value / 256);
  }
  b[at] |= 0x100 >> length;
}

export interface HeaderPatch {
  /** The new bytes for `[0, end)` of the file; everything from `end` on is unchanged. */
  bytes: Uint8Array<ArrayBuffer>;
  end: number;
}

/**
 * The header of `head` (the first bytes of a WebM file) stating `ms` milliseconds as its Duration,
 * or null when there is nothing to do or nothing safe to do:
 * - not EBML (Firefox records audio as Ogg), or the Info element lies beyond `head`;
 * - the Segment has a known size: the muxer finished the file, so its Duration is the real one
 *   (Chromium, when the whole recording comes out in one piece at stop());
 * - no Duration to overwrite and a SeekHead before Info, whose positions an insertion would shift.
 * A Segment of unknown size was written live: any Duration in it is a placeholder (Chromium: 1 ms,
 * Firefox: 0), overwritten in place; a missing one (Chromium with a timeslice) is appended to Info,
 * which shifts only what follows inside an unknown-size Segment.
 */
export function webmDurationPatch(head: Uint8Array, ms: number): HeaderPatch | null {
  const ebml = readElement(head, 0);
  if (!ebml || ebml.id !== EBML || ebml.size === null) return null;
  const segment = readElement(head, ebml.data + ebml.size);
  if (!segment || segment.id !== SEGMENT || segment.size !== null) return null;
  let seekHead = false;
  for (let at = segment.data; ; ) {
    const el = readElement(head, at);
    if (!el || el.size === null || el.id === CLUSTER) return null;
    const end = el.data + el.size;
    if (el.id === INFO) return end <= head.length ? patchInfo(head, el, end, ms, seekHead) : null;
    if (el.id === SEEK_HEAD && el.size > 0) seekHead = true;
    at = end;
  }
}

function patchInfo(head: Uint8Array, info: Element, end: number, ms: number, seekHead: boolean): HeaderPatch | null {
  let scale = DEFAULT_SCALE;
  let duration: Element | null = null;
  for (let at = info.data; at < end; ) {
    const el = readElement(head, at);
    if (!el || el.size === null || el.data + el.size > end) return null;
    if (el.id === TIMECODE_SCALE) scale = readUint(head, el.data, el.size) || DEFAULT_SCALE;
    else if (el.id === DURATION) duration = el;
    at = el.data + el.size;
  }
  // Matroska: Duration is a float in TimecodeScale units (nanoseconds per unit).
  const value = (ms * 1e6) / scale;
  if (duration) {
    if (duration.size !== 4 && duration.size !== 8) return null;
    const bytes = head.slice(0, end);
    const view = new DataView(bytes.buffer);
    if (duration.size === 4) view.setFloat32(duration.data, value);
    else view.setFloat64(duration.data, value);
    return { bytes, end };
  }
  if (seekHead) return null;
  const element = [0x44, 0x89, 0x88, 0, 0, 0, 0, 0, 0, 0, 0];
  const size = info.size! + element.length;
  // Keep the size field's length when the new size fits (all ones would mean "unknown").
  const sizeLength = size < 2 ** (7 * info.sizeLength) - 1 ? info.sizeLength : 8;
  const bytes = new Uint8Array(end + element.length + sizeLength - info.sizeLength);
  bytes.set(head.subarray(0, info.sizeAt));
  writeVint(bytes, info.sizeAt, sizeLength, size);
  const data = info.sizeAt + sizeLength;
  bytes.set(head.subarray(info.data, end), data);
  const at = data + info.size!;
  bytes.set(element, at);
  new DataView(bytes.buffer).setFloat64(at + 3, value);
  return { bytes, end };
}
