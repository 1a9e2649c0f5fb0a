// Presence checks generated from one member table (conformance/members/<draft>.json), as
// conformance/README.md "Generated presence checks" describes. A plain browser script: it defines
// the global conformancePresence(table, win), which returns the checks; the harness runs them.
//
// Each check looks only at what a page can see without calling into the draft's behaviour:
// that the member is where the draft's IDL puts it, that a constant has the draft's value on the
// interface object and on the prototype, and that each constructor accepts the draft's argument
// types. Whether the member does what the draft says is for the behaviour assertions.
(function (global) {
  'use strict';

  const NUMERIC = /^(unrestricted )?(byte|octet|short|unsigned short|long|unsigned long|long long|unsigned long long|float|double)$/;
  const STRINGS = /^(DOMString|USVString|ByteString)$/;

  function conformancePresence(table, win) {
    const checks = [];
    const draft = table.draft;
    const add = (title, run) => checks.push({ id: `${draft} IDL ${title}`, draft, section: 'IDL', kind: 'presence', title, run });

    for (const iface of table.interfaces) {
      const reach = iface.reach || {};
      if (reach.none !== undefined) {
        // README: an interface a page cannot reach gives one skipped result with the reason.
        add(iface.name, async (t) => t.skip(`${iface.name}: ${reach.none}`));
        continue;
      }
      for (const [i, args] of (iface.constructors || []).entries()) {
        add(`new ${iface.name}(${args.map(argType).join(', ')})`, (t) => checkConstructor(t, table, win, iface, args, i));
      }
      for (const member of iface.members) {
        add(`${iface.name}.${member.name}`, async () => checkMember(win, iface, member));
      }
    }
    return checks;
  }

  function argType(arg) {
    return arg.variadic ? `${arg.type}...` : arg.type;
  }

  // ------------------------------------------------------------ where members live

  // The interface object named by reach.global, or an Error that says it is missing.
  function interfaceObject(win, iface) {
    const name = iface.reach.global;
    let value;
    try {
      value = win[name];
    } catch (err) {
      throw new Error(`${name} could not be read: ${message(err)}`);
    }
    if (value === undefined || value === null) throw new Error(`${name} is not defined`);
    if (typeof value !== 'function') throw new Error(`${name} is not an interface object (typeof ${name} is ${typeof value})`);
    return value;
  }

  function prototypeOf(io, name) {
    const proto = io.prototype;
    if (!proto || (typeof proto !== 'object' && typeof proto !== 'function')) throw new Error(`${name}.prototype is not an object`);
    return proto;
  }

  // { obj, label } where a member of this interface is to be found.
  function holder(win, iface, member) {
    const reach = iface.reach;
    if (reach.instance !== undefined) {
      let obj = win;
      for (const part of reach.instance.split('.')) {
        obj = obj == null ? obj : obj[part];
      }
      if (obj === undefined || obj === null) throw new Error(`${reach.instance} is not defined`);
      return { obj, label: reach.instance };
    }
    const io = interfaceObject(win, iface);
    if (member && member.static) return { obj: io, label: reach.global };
    return { obj: prototypeOf(io, reach.global), label: `${reach.global}.prototype` };
  }

  // The property descriptor of name on obj or its prototype chain, with the object that owns it;
  // never runs a getter (a getter on a prototype throws when called without an instance).
  function lookup(obj, name) {
    for (let o = obj; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
      const desc = Object.getOwnPropertyDescriptor(o, name);
      if (desc) return { desc, owner: o };
    }
    return null;
  }

  function checkMember(win, iface, member) {
    switch (member.kind) {
      case 'constant': return checkConstant(win, iface, member);
      case 'method': return checkMethod(win, iface, member);
      case 'attribute':
      case 'event-handler': return checkAttribute(win, iface, member);
      default: throw new Error(`member table: unknown kind ${member.kind} for ${iface.name}.${member.name}`);
    }
  }

  function checkAttribute(win, iface, member) {
    const { obj, label } = holder(win, iface, member);
    if (!(member.name in obj)) {
      const what = member.kind === 'event-handler' ? 'event handler attribute' : 'attribute';
      throw new Error(`${label} has no ${what} ${member.name}`);
    }
  }

  function checkMethod(win, iface, member) {
    const { obj, label } = holder(win, iface, member);
    const found = lookup(obj, member.name);
    if (!found) throw new Error(`${label} has no method ${member.name}`);
    const { desc, owner } = found;
    let value;
    if ('value' in desc) {
      value = desc.value;
    } else if (obj === owner || iface.reach.instance !== undefined) {
      // An accessor on an instance (navigator) can be read; on a prototype it would need an instance.
      value = obj[member.name];
    } else {
      throw new Error(`${label}.${member.name} is an accessor, not a method`);
    }
    if (typeof value !== 'function') throw new Error(`${label}.${member.name} is not a function (typeof ${typeof value})`);
    if (member.special === 'stringifier' && owner === win.Object.prototype) {
      // Every object inherits Object.prototype.toString; the draft's stringifier is the interface's own.
      throw new Error(`${label} has no stringifier: toString is Object.prototype.toString`);
    }
  }

  function checkConstant(win, iface, member) {
    const want = member.value;
    const show = (v) => (typeof v === 'number' && v >= 256 ? `${v} (0x${v.toString(16)})` : String(v));
    const places = [];
    if (iface.reach.instance !== undefined) {
      places.push(holder(win, iface, member));
    } else {
      const io = interfaceObject(win, iface);
      places.push({ obj: io, label: iface.reach.global }, { obj: prototypeOf(io, iface.reach.global), label: `${iface.reach.global}.prototype` });
    }
    const wrong = [];
    for (const { obj, label } of places) {
      const found = lookup(obj, member.name);
      const got = found && 'value' in found.desc ? found.desc.value : found ? '(an accessor)' : undefined;
      if (got !== want) wrong.push(`${label}.${member.name} is ${got === undefined ? 'undefined' : show(got)}`);
    }
    if (wrong.length) throw new Error(`${wrong.join('; ')}; the draft says ${show(want)}`);
  }

  // ------------------------------------------------------------ constructors

  async function checkConstructor(t, table, win, iface, args) {
    const io = interfaceObject(win, iface);
    const ctx = { t, table, win, pc: null, transceiver: null, audio: null };
    const values = [];
    for (const arg of args) {
      if (arg.variadic) break;
      try {
        values.push(sample(ctx, arg.type));
      } catch (err) {
        throw new Error(`could not make a sample ${arg.type} for new ${iface.reach.global}(…): ${message(err)}`);
      }
    }
    let obj;
    try {
      obj = Reflect.construct(io, values);
    } catch (err) {
      throw new Error(`new ${iface.reach.global}(${values.map(describe).join(', ')}) threw ${message(err)}`);
    }
    if (obj && typeof obj === 'object') t.track(obj);
  }

  // A value of an IDL type an app could pass. Resources it needs are tracked and released.
  function sample(ctx, type, depth = 0) {
    if (depth > 8) return {};
    let ty = type.trim();
    const nullable = ty.endsWith('?');
    if (nullable) ty = ty.slice(0, -1);
    if (ty.startsWith('(') && ty.endsWith(')')) return sample(ctx, splitUnion(ty.slice(1, -1))[0], depth + 1);
    if (ty.endsWith('[]') || /^(sequence|FrozenArray)(<.*>)?$/.test(ty)) return [];
    if (ty === 'MediaStreamTrackList') return []; // 2011–2012: the array-like list of tracks an app passes to new MediaStream()
    const { table } = ctx;
    const typedef = (table.typedefs || []).find((d) => d.name === ty);
    if (typedef) return sample(ctx, typedef.type, depth + 1);
    if ((table.callbacks || []).some((c) => c.name === ty) || table.interfaces.some((i) => i.name === ty && i.callback)) return noop;
    if (/^(Function|VoidFunction)$/.test(ty) || /Callback$/.test(ty)) return noop;
    const dict = (table.dictionaries || []).find((d) => d.name === ty);
    if (dict) return dictionary(ctx, dict, depth);
    const en = (table.enums || []).find((e) => e.name === ty);
    if (en) return en.values[0];
    if (STRINGS.test(ty)) return '';
    if (ty === 'boolean') return false;
    if (NUMERIC.test(ty)) return 0;
    if (ty === 'any' || ty === 'object' || ty === 'Dictionary') return {};
    const win = ctx.win;
    switch (ty) {
      case 'MediaStream': return ctx.t.track(new win.MediaStream());
      case 'MediaStreamTrack': return audioTrack(ctx);
      case 'RTCDataChannel': return peerConnection(ctx).createDataChannel('presence');
      case 'RTCRtpTransceiver': return transceiver(ctx);
      case 'RTCRtpReceiver': return transceiver(ctx).receiver;
      case 'RTCRtpSender': return transceiver(ctx).sender;
      default:
        // Types the draft names but does not define (MediaConstraints, Configuration, …) are
        // dictionaries by their names; any other interface type we cannot make: null if allowed.
        if (/(Init|Dict|Options|Constraints|Configuration|Parameters)$/.test(ty)) return {};
        return nullable ? null : {};
    }
  }

  function splitUnion(text) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '(' || c === '<') depth++;
      else if (c === ')' || c === '>') depth--;
      else if (depth === 0 && text.startsWith(' or ', i)) {
        parts.push(text.slice(start, i));
        start = i + 4;
      }
    }
    parts.push(text.slice(start));
    return parts.map((p) => p.trim());
  }

  // A dictionary with its required members (and its ancestors' in this table) filled in.
  function dictionary(ctx, dict, depth) {
    const out = {};
    for (let d = dict; d; d = d.inherits && (ctx.table.dictionaries || []).find((x) => x.name === d.inherits)) {
      for (const m of d.members) {
        if (m.required && !(m.name in out)) out[m.name] = sample(ctx, m.type, depth + 1);
      }
    }
    return out;
  }

  function noop() {}

  function peerConnection(ctx) {
    if (!ctx.pc) ctx.pc = ctx.t.track(new ctx.win.RTCPeerConnection());
    return ctx.pc;
  }

  function transceiver(ctx) {
    if (!ctx.transceiver) ctx.transceiver = peerConnection(ctx).addTransceiver('audio');
    return ctx.transceiver;
  }

  // A live audio track without asking for a device: a Web Audio destination's track.
  function audioTrack(ctx) {
    if (!ctx.audio) {
      const Ctx = ctx.win.AudioContext || ctx.win.webkitAudioContext;
      const ac = new Ctx();
      ctx.t.cleanup(() => ac.close());
      ctx.audio = ctx.t.track(ac.createMediaStreamDestination().stream.getAudioTracks()[0]);
    }
    return ctx.audio;
  }

  function describe(v) {
    if (typeof v === 'string') return `'${v}'`;
    if (typeof v === 'function') return 'function';
    if (Array.isArray(v)) return '[]';
    if (v === null) return 'null';
    if (typeof v === 'object') {
      const name = v.constructor && v.constructor.name;
      if (name && name !== 'Object') return `a ${name}`;
      const keys = Object.keys(v);
      return keys.length ? `{ ${keys.map((k) => `${k}: ${describe(v[k])}`).join(', ')} }` : '{}';
    }
    return String(v);
  }

  function message(err) {
    if (err && typeof err === 'object' && 'message' in err) return `${err.name || 'Error'}: ${err.message}`;
    return String(err);
  }

  global.conformancePresence = conformancePresence;
})(typeof window !== 'undefined' ? window : globalThis);
