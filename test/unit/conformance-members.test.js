// The conformance suite's member tables (conformance/members/<draft>.json): their format, known facts,
// and the ids of the presence checks generated from them. Pure node. The checked-in tables are what
// the suite runs on; their cross-check against the drafts' IDL (kept beside the repository, in
// ../shared/specs) is `npm run check:idl` (test/idl/), run by CI where the specs are present.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const drafts = JSON.parse(fs.readFileSync(path.join(root, 'conformance/drafts.json'), 'utf8')).filter((d) => d.id !== 'modern');
const tables = Object.fromEntries(
  drafts.map((d) => [d.id, JSON.parse(fs.readFileSync(path.join(root, 'conformance/members', `${d.id}.json`), 'utf8'))]),
);

const KINDS = ['constant', 'attribute', 'event-handler', 'method'];

// ---------------------------------------------------------------- shape

function expectArgs(args, where) {
  expect(args, where).to.be.an('array');
  for (const a of args) {
    expect(a, where).to.include.keys('name', 'type');
    expect(a.name, where).to.be.a('string').and.match(/^\w+$/);
    expect(a.type, where).to.be.a('string').and.not.equal('');
  }
}

describe('conformance member tables', function () {
  this.timeout(10000); // chai over ~2,000 members; slow only on a loaded machine

  it('there is one table per draft of conformance/drafts.json except modern, and no other', () => {
    const files = fs.readdirSync(path.join(root, 'conformance/members')).filter((f) => f.endsWith('.json')).sort();
    expect(files).to.deep.equal(drafts.map((d) => `${d.id}.json`).sort());
    expect(drafts).to.have.length(20);
  });

  for (const draft of drafts) {
    describe(draft.id, () => {
      const table = tables[draft.id];

      it('has the format of conformance/README.md', () => {
        expect(table.draft).to.equal(draft.id);
        expect(table.idl).to.equal(draft.idl);
        expect(table.notes).to.be.an('array');
        table.notes.forEach((n) => expect(n).to.be.a('string').and.not.equal(''));
        expect(table.interfaces).to.be.an('array').and.not.empty;
        const seen = new Set();
        for (const iface of table.interfaces) {
          const where = `${draft.id} ${iface.name}`;
          expect(seen.has(iface.name), `${where} listed twice (partials are merged)`).to.equal(false);
          seen.add(iface.name);
          const reachKeys = Object.keys(iface.reach);
          expect(reachKeys, where).to.have.length(1);
          expect(['global', 'instance', 'none'], where).to.include(reachKeys[0]);
          expect(iface.reach[reachKeys[0]], where).to.be.a('string').and.not.equal('');
          if (iface.inherits !== undefined) expect(iface.inherits, where).to.be.a('string');
          if (iface.constructors !== undefined) iface.constructors.forEach((c) => expectArgs(c, `${where} constructor`));
          const names = new Set();
          for (const m of iface.members) {
            const mwhere = `${where}.${m.name}`;
            expect(KINDS, mwhere).to.include(m.kind);
            const key = `${m.static ? 'static ' : ''}${m.name}`;
            expect(names.has(key), `${mwhere} listed twice (overloads are merged)`).to.equal(false);
            names.add(key);
            if (m.kind === 'constant') {
              expect(m.value, mwhere).to.be.a('number');
              expect(m.type, mwhere).to.be.a('string');
            }
            if (m.kind === 'attribute') {
              expect(m.type, mwhere).to.be.a('string');
              expect(m.readonly, mwhere).to.be.a('boolean');
            }
            if (m.kind === 'event-handler') {
              expect(m.name, mwhere).to.match(/^on[a-z]+$/);
              expect(m.type, mwhere).to.match(/^(EventHandler|Function\?)$/);
            }
            if (m.kind === 'method') {
              expectArgs(m.args, mwhere);
              (m.overloads ?? []).forEach((o) => expectArgs(o, mwhere));
            }
          }
        }
        for (const key of ['dictionaries', 'enums', 'typedefs', 'callbacks']) {
          if (table[key] !== undefined) expect(table[key], key).to.be.an('array');
        }
      });

    });
  }

  describe('known facts', () => {
    const iface = (draft, name) => tables[draft].interfaces.find((i) => i.name === name);
    const member = (draft, name, m) => iface(draft, name).members.find((x) => x.name === m);

    it('2011 PeerConnection: ICE_CLOSED is 0x700 (the IDL\'s `00x700`, noted), SDP_GLARE 0x3000', () => {
      expect(member('wd-2011-10-27', 'PeerConnection', 'ICE_CLOSED')).to.include({ kind: 'constant', value: 0x700 });
      expect(member('wd-2011-10-27', 'PeerConnection', 'SDP_GLARE')).to.include({ kind: 'constant', value: 0x3000 });
      expect(member('wd-2011-10-27', 'PeerConnection', 'CLOSING').value).to.equal(4);
      expect(member('wd-2011-10-27', 'PeerConnection', 'CLOSED').value).to.equal(3);
      expect(tables['wd-2011-10-27'].notes.join('\n')).to.match(/00x700/);
    });

    it('2011 MediaStream: ENDED is 2, LIVE 1; LocalMediaStream inherits from it', () => {
      expect(member('wd-2011-10-27', 'MediaStream', 'ENDED')).to.include({ kind: 'constant', value: 2 });
      expect(member('wd-2011-10-27', 'MediaStream', 'LIVE').value).to.equal(1);
      expect(iface('wd-2011-10-27', 'LocalMediaStream').inherits).to.equal('MediaStream');
    });

    it('2011 reach: getUserMedia on navigator, createObjectURL static on URL, callbacks unreachable', () => {
      expect(iface('wd-2011-10-27', 'NavigatorUserMedia').reach).to.deep.equal({ instance: 'navigator' });
      expect(iface('wd-2011-10-27', 'URL').reach).to.deep.equal({ global: 'URL' });
      expect(member('wd-2011-10-27', 'URL', 'createObjectURL')).to.include({ kind: 'method', static: true });
      expect(iface('wd-2011-10-27', 'SignalingCallback').reach).to.have.key('none');
      expect(iface('wd-2011-10-27', 'PeerConnection').constructors).to.deep.equal([
        [{ name: 'configuration', type: 'DOMString' }, { name: 'signalingCallback', type: 'SignalingCallback' }],
      ]);
      expect(member('wd-2011-10-27', 'PeerConnection', 'onopen').kind).to.equal('event-handler');
      expect(member('wd-2011-10-27', 'MediaStreamRecorder', 'getRecordedData').returns).to.equal('void'); // IDL: `voice`
    });

    it('2012-08-21: the second `dictionary RTCIceServer` is recorded as RTCConfiguration', () => {
      const dicts = tables['wd-2012-08-21'].dictionaries;
      expect(dicts.find((d) => d.name === 'RTCConfiguration')).to.include({ idlName: 'RTCIceServer' });
      expect(dicts.find((d) => d.name === 'RTCIceServer').members.map((m) => m.name)).to.deep.equal(['url', 'credential']);
    });

    it('partial interfaces are merged: 2015 RTCPeerConnection has both createOffer forms', () => {
      const createOffer = member('wd-2015-02-10', 'RTCPeerConnection', 'createOffer');
      expect(createOffer.overloads).to.have.length(2);
      expect(createOffer.overloads[1].map((a) => a.name)).to.deep.equal(['successCallback', 'failureCallback', 'options']);
      expect(member('wd-2015-02-10', 'RTCPeerConnection', 'getStats')).to.exist;
    });

    it('2016-01-28 constructors written as members are recorded as constructors', () => {
      expect(iface('wd-2016-01-28', 'RTCPeerConnection').constructors).to.have.length(1);
      expect(member('wd-2016-01-28', 'RTCPeerConnection', 'defaultIceServers')).to.include({ static: true, kind: 'attribute' });
    });
  });
});

// ---------------------------------------------------------------- generated presence checks

describe('conformance presence checks (conformance/page/presence.js)', function () {
  this.timeout(10000);

  const context = vm.createContext({});
  vm.runInContext(fs.readFileSync(path.join(root, 'conformance/page/presence.js'), 'utf8'), context);
  const conformancePresence = context.conformancePresence;

  it('one check per member and constructor of a reachable interface, one per unreachable interface, ids as the README says', () => {
    const ids = new Set();
    for (const draft of drafts) {
      const table = tables[draft.id];
      const checks = conformancePresence(table, {});
      let expected = 0;
      for (const i of table.interfaces) expected += i.reach.none !== undefined ? 1 : i.members.length + (i.constructors?.length ?? 0);
      expect(checks, draft.id).to.have.length(expected);
      const wrong = [];
      for (const c of checks) {
        if (c.draft !== draft.id || c.section !== 'IDL' || c.kind !== 'presence') wrong.push(`${c.id}: draft/section/kind`);
        if (c.id !== `${draft.id} IDL ${c.title}`) wrong.push(`${c.id}: id is not "<draft> IDL <title>"`);
        if (typeof c.run !== 'function') wrong.push(`${c.id}: no run()`);
        if (ids.has(c.id)) wrong.push(`${c.id}: id not unique`);
        ids.add(c.id);
      }
      expect(wrong, draft.id).to.deep.equal([]);
    }
    expect(ids).to.include('wd-2011-10-27 IDL PeerConnection.ICE_CLOSED');
    expect(ids).to.include('wd-2011-10-27 IDL new PeerConnection(DOMString, SignalingCallback)');
    expect(ids).to.include('wd-2011-10-27 IDL NavigatorUserMedia.getUserMedia');
    expect(ids).to.include('mediacapture-2013-05-16 IDL new MediaStream()');
  });

  const t = () => {
    const log = { skipped: null, tracked: [] };
    return { log, skip: (reason) => { log.skipped = reason; }, track: (o) => (log.tracked.push(o), o), cleanup: () => {} };
  };

  it('a missing interface object fails every check of the interface with "<Name> is not defined"', async () => {
    const checks = conformancePresence(tables['wd-2011-10-27'], {}).filter((c) => /IDL (new )?PeerConnection/.test(c.id));
    expect(checks).to.have.length(30);
    for (const c of checks) {
      let error = null;
      try {
        await c.run(t());
      } catch (err) {
        error = err;
      }
      expect(error, c.id).to.be.an('error');
      expect(error.message, c.id).to.equal('PeerConnection is not defined');
    }
  });

  it('an unreachable interface is skipped with its reason', async () => {
    const check = conformancePresence(tables['wd-2011-10-27'], {}).find((c) => c.id === 'wd-2011-10-27 IDL SignalingCallback');
    const tt = t();
    await check.run(tt);
    expect(tt.log.skipped).to.match(/^SignalingCallback: callback interface/);
  });
});
