// Writing the Duration into a live-muxed WebM header (MediaStreamRecorder, 2011 WD §3.2.4). Pure, in node,
// on the first bytes of files that MediaRecorder really wrote (Chromium 156, Firefox ESR 153, fake devices).
import { expect } from 'chai';
import { webmDurationPatch } from '../../dist/webrtc-legacy.mjs';

const bytes = (hex) => Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const at = (b, pattern) => hex(b).indexOf(pattern) / 2;
/** An EBML element with a one-byte size. */
const el = (id, content) => id + (0x80 | (content.length / 2)).toString(16) + content;
/** An EBML header, then a Segment of unknown size as live muxers write it. */
const HEADER = el('1a45dfa3', el('4282', '7765626d')) + '1853806701ffffffffffffff';
const SCALE_MS = el('2ad7b1', '0f4240');

// Chromium, start() then requestData(): unknown-size Segment, a Void, Info with a placeholder float32 Duration of 1 ms.
const CHROMIUM_FLUSHED =
  '1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701ffffffffffffffecec' +
  '00'.repeat(108) +
  '1549a966a02ad7b1830f42404489843f8000004d80864368726f6d655741864368726f6d651654ae6beaaea9d7810173c58784753b34d970ca83810155ee81018685565f565038e08cb0820280ba8201e053c08101aebdd7810273c58775f6e62de22d208381';
// Chromium, start(500): Info without any Duration.
const CHROMIUM_TIMESLICE =
  '1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701ffffffffffffff1549a966992ad7b1830f42404d80864368726f6d655741864368726f6d651654ae6beaaebdd7810173c58714f03a3ac9f8728381028686415f4f50555363a2934f707573486561640101000080bb0000000000e18db584473b80009f810162648120aea9d7810273c587c8a7b3210a356a83810155ee81018685565f565038e08cb0820280ba8201e053c081011f43b67501ffffffffffffffe78100a38c81000080fb03fffefffefffea34ac382000480';
// Firefox: 8-byte sizes, an empty SeekHead, Duration float64 0.
const FIREFOX =
  '1a45dfa3010000000000001f4286810142f7810142f2810442f381084282847765626d42878102428581021853806701ffffffffffffff114d9b7401000000000000001549a96601000000000000492ad7b1830f424044898800000000000000004d809851546d7578696e674170704c69625765624d2d302e302e31574199515477726974696e674170704c69625765624d2d302e302e311654ae6b0100000000000095ae010000000000002cd7810173c584724981ae258688835650388381018685565f565038e00100000000000008b0820280ba8201e0ae0100000000000057d7810273c584b454e24e83810256aa8400632ea056bb8404c4b4008686415f4f5055';
// Chromium, whole recording delivered at stop(): known-size Segment, SeekHead, a real Duration.
const CHROMIUM_FINISHED =
  '1a45dfa39f4286810142f7810142f2810442f381084282847765626d428781044285810218538067010000000002b14b114d9b74bb4dbb8b53ab841549a96653ac816e4dbb8b53ab841654ae6b53ac81';
// Firefox, audio only: Ogg.
const OGG = '4f676753000200000000000000001cff0f0d00000000446cbdda01134f707573486561640101380144ac0000000000';

describe('wd-2011-10-27 §3.2.4 WebM Duration', () => {
  it('overwrites Chromium\'s 1 ms placeholder in place (float32, milliseconds), touching nothing else', () => {
    const head = bytes(CHROMIUM_FLUSHED);
    const patch = webmDurationPatch(head, 2009.25);
    const d = at(head, '4489843f800000') + 3;
    expect(patch.end).to.equal(at(head, '1654ae6b'), 'ends with Info');
    expect(patch.bytes.length).to.equal(patch.end);
    expect(new DataView(patch.bytes.buffer).getFloat32(d)).to.equal(2009.25);
    expect(hex(patch.bytes.subarray(0, d))).to.equal(hex(head.subarray(0, d)));
    expect(hex(patch.bytes.subarray(d + 4))).to.equal(hex(head.subarray(d + 4, patch.end)));
  });

  it('overwrites Firefox\'s zero Duration in place (float64)', () => {
    const head = bytes(FIREFOX);
    const patch = webmDurationPatch(head, 1234.5);
    const d = at(head, '44898800') + 3;
    expect(patch.end).to.equal(at(head, '1654ae6b'));
    expect(new DataView(patch.bytes.buffer).getFloat64(d)).to.equal(1234.5);
    expect(hex(patch.bytes.subarray(0, d))).to.equal(hex(head.subarray(0, d)));
  });

  it('appends a Duration to an Info without one and grows Info\'s size', () => {
    const head = bytes(CHROMIUM_TIMESLICE);
    const info = at(head, '1549a966');
    const patch = webmDurationPatch(head, 2005.5);
    expect(patch.end).to.equal(at(head, '1654ae6b'));
    expect(patch.bytes.length).to.equal(patch.end + 11);
    expect(hex(patch.bytes.subarray(0, info + 4))).to.equal(hex(head.subarray(0, info + 4)));
    expect(patch.bytes[info + 4]).to.equal(0x80 | (0x19 + 11), 'Info size: 25 + 11, same length');
    expect(hex(patch.bytes.subarray(info + 5, patch.end))).to.equal(hex(head.subarray(info + 5, patch.end)));
    expect(hex(patch.bytes.subarray(patch.end, patch.end + 3))).to.equal('448988');
    expect(new DataView(patch.bytes.buffer).getFloat64(patch.end + 3)).to.equal(2005.5);
  });

  it('widens Info\'s size field when the new size does not fit it', () => {
    // Info of 120 bytes has a one-byte size; 131 does not fit one (127 = all ones = unknown).
    const head = bytes(HEADER + el('1549a966', SCALE_MS + el('ec', '00'.repeat(111))));
    const sizeAt = at(head, '1549a966') + 4;
    expect(head[sizeAt]).to.equal(0x80 | 120);
    const patch = webmDurationPatch(head, 10);
    expect(hex(patch.bytes.subarray(sizeAt, sizeAt + 8))).to.equal('0100000000000083');
    expect(patch.bytes.length).to.equal(head.length + 11 + 7);
    expect(new DataView(patch.bytes.buffer).getFloat64(patch.bytes.length - 8)).to.equal(10);
  });

  it('writes the Duration in TimecodeScale units', () => {
    // TimecodeScale 1000 ns: one unit is a microsecond.
    const head = bytes(HEADER + el('1549a966', el('2ad7b1', '03e8') + el('4489', '0000000000000000')));
    const patch = webmDurationPatch(head, 1500);
    expect(patch.end).to.equal(head.length);
    expect(new DataView(patch.bytes.buffer).getFloat64(patch.end - 8)).to.equal(1500000);
  });

  it('leaves alone a file the muxer finished (known-size Segment), an Ogg file, and headers it cannot see whole', () => {
    expect(webmDurationPatch(bytes(CHROMIUM_FINISHED), 1000)).to.equal(null);
    expect(webmDurationPatch(bytes(OGG), 1000)).to.equal(null);
    const flushed = bytes(CHROMIUM_FLUSHED);
    expect(webmDurationPatch(flushed.subarray(0, at(flushed, '4d8086')), 1000), 'Info cut short').to.equal(null);
    expect(webmDurationPatch(flushed.subarray(0, 40), 1000), 'no Info yet').to.equal(null);
    expect(webmDurationPatch(new Uint8Array(0), 1000)).to.equal(null);
  });

  it('does not insert when a SeekHead before Info points at positions an insertion would shift', () => {
    const seekHead = el('114d9b74', el('4dbb', el('53ab', '1549a966') + el('53ac', '00')));
    const info = el('1549a966', SCALE_MS);
    expect(webmDurationPatch(bytes(HEADER + seekHead + info), 1000)).to.equal(null);
    expect(webmDurationPatch(bytes(HEADER + el('114d9b74', '') + info), 1000), 'an empty SeekHead').to.not.equal(null);
    expect(webmDurationPatch(bytes(HEADER + info), 1000), 'none').to.not.equal(null);
  });

  it('stops at a Cluster: no Info before the frames', () => {
    const head = bytes(HEADER + '1f43b67501ffffffffffffff' + el('e7', '00') + el('1549a966', SCALE_MS));
    expect(webmDurationPatch(head, 1000)).to.equal(null);
  });
});
