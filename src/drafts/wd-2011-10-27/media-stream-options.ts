/**
 * What a 2011 app asks getUserMedia for, read from its first argument. Pure: unit-tested alone.
 *
 * 2011 WD §2.1.1.1: `audio` and `video` are true unless present and false. The draft's own examples
 * (§2.2, §3.3) pass strings instead: a comma-separated list of `audio` / `video`, where `video` may be
 * followed by `user` or `environment` (the camera facing the user or away); a kind that is not
 * listed is not wanted.
 */
export type FacingMode = 'user' | 'environment';

export interface LegacyMediaRequest {
  audio: boolean;
  video: boolean;
  facingMode?: FacingMode;
  /** Tokens that meant nothing, said on the console. */
  ignored: string[];
}

export type OptionsReading = { meaning: 'legacy'; request: LegacyMediaRequest } | { meaning: 'modern' };

export function parseOptionsString(options: string): LegacyMediaRequest {
  const request: LegacyMediaRequest = { audio: false, video: false, ignored: [] };
  for (const token of options.split(',')) {
    const [kind = '', ...modifiers] = token.trim().split(/\s+/).filter(Boolean);
    const k = kind.toLowerCase();
    if (k === 'audio') request.audio = true;
    else if (k === 'video') request.video = true;
    else if (kind) request.ignored.push(kind);
    for (const m of modifiers) {
      const lower = m.toLowerCase();
      if (k === 'video' && (lower === 'user' || lower === 'environment')) request.facingMode = lower;
      else request.ignored.push(m);
    }
  }
  return request;
}

function fromObject(o: { audio?: unknown; video?: unknown }): LegacyMediaRequest {
  return { audio: o.audio !== false, video: o.video !== false, ignored: [] };
}

/**
 * Principle 1: an input today's getUserMedia accepts keeps today's meaning (`{audio: true}` is audio
 * only), unless `objectsAre2011` (an explicit 2011 era) asks for the draft's defaults. Inputs that today
 * would only be rejected (a string, null, `{}`, `{audio: false}`) take the draft's meaning.
 */
export function readOptions(options: unknown, objectsAre2011: boolean): OptionsReading {
  if (typeof options === 'string') return { meaning: 'legacy', request: parseOptionsString(options) };
  if (options === null || options === undefined) return { meaning: 'legacy', request: fromObject({}) };
  if (typeof options !== 'object') return { meaning: 'modern' };
  const o = options as { audio?: unknown; video?: unknown };
  if (objectsAre2011 || (!o.audio && !o.video)) return { meaning: 'legacy', request: fromObject(o) };
  return { meaning: 'modern' };
}

/** The request as today's MediaStreamConstraints. */
export function toConstraints(request: LegacyMediaRequest): MediaStreamConstraints {
  const video = request.video && request.facingMode ? { facingMode: request.facingMode } : request.video;
  return { audio: request.audio, video };
}
