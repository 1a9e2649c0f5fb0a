// Modern regression: RTCDataChannel between two connections. Observed: the channel's attributes on
// both ends, `datachannel` and `open` events, ordered text and binary messages both ways (their
// order, types and contents), binaryType, a pre-negotiated channel, and the close events on both ends.
conformance.defineModern({
  title: 'data channels',
  fast: true,
  timeout: 15000,
  async run(t) {
    const [pc1, pc2] = conformance.helpers.nativePair(t);
    const once = (target, type) => new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));
    const attrs = (dc) => ({
      isRTCDataChannel: dc instanceof RTCDataChannel,
      label: dc.label,
      ordered: dc.ordered,
      protocol: dc.protocol,
      negotiated: dc.negotiated,
      maxRetransmits: dc.maxRetransmits,
      maxPacketLifeTime: dc.maxPacketLifeTime,
      id: typeof dc.id,
      readyState: dc.readyState,
      binaryType: dc.binaryType,
      bufferedAmount: dc.bufferedAmount,
    });
    const describe = async (data) => {
      if (typeof data === 'string') return { type: 'string', value: data };
      if (data instanceof ArrayBuffer) return { type: 'ArrayBuffer', value: [...new Uint8Array(data)] };
      if (data instanceof Blob) return { type: 'Blob', value: [...new Uint8Array(await data.arrayBuffer())] };
      return { type: Object.prototype.toString.call(data) };
    };

    const dc1 = pc1.createDataChannel('chat', { protocol: 'json' });
    const created = attrs(dc1);
    const neg1 = pc1.createDataChannel('side', { negotiated: true, id: 7, ordered: false, maxRetransmits: 0 });
    const neg2 = pc2.createDataChannel('side', { negotiated: true, id: 7, ordered: false, maxRetransmits: 0 });
    const gotChannel = new Promise((resolve) => {
      pc2.ondatachannel = (e) => resolve({ isRTCDataChannelEvent: e instanceof RTCDataChannelEvent, channel: e.channel });
    });
    const opened1 = once(dc1, 'open');
    const negOpen = Promise.all([once(neg1, 'open'), once(neg2, 'open')]);

    await conformance.helpers.exchange(pc1, pc2);

    const { isRTCDataChannelEvent, channel: dc2 } = await gotChannel;
    const remoteAtEvent = attrs(dc2);
    if (dc2.readyState !== 'open') await once(dc2, 'open');
    await opened1;
    await negOpen;
    const open = { local: attrs(dc1), remote: attrs(dc2), negotiated: [attrs(neg1), attrs(neg2)] };

    // Ordered messages both ways: text, ArrayBuffer, a typed array, a Blob.
    const receive = (dc, n) => new Promise((resolve) => {
      const got = [];
      dc.onmessage = (e) => {
        got.push(e);
        if (got.length === n) resolve(got);
      };
    });
    const toRemote = receive(dc2, 5);
    const toLocal = receive(dc1, 5);
    for (const [dc, tag] of [[dc1, 'a'], [dc2, 'b']]) {
      dc.send(`${tag}1`);
      dc.send(new Uint8Array([1, 2, 3]).buffer);
      dc.send(`${tag}2`);
      dc.send(new Uint8Array([4, 5, 6, 7]));
      dc.send(new Blob([new Uint8Array([8, 9])]));
    }
    const messages = async (events) => Promise.all(events.map(async (e) => ({
      isMessageEvent: e instanceof MessageEvent, ...(await describe(e.data)) })));
    const received = { remote: await messages(await toRemote), local: await messages(await toLocal) };

    // binaryType 'blob' delivers Blobs.
    dc2.binaryType = 'blob';
    const blobMessage = receive(dc2, 1);
    dc1.send(new Uint8Array([10]).buffer);
    const asBlob = await describe((await blobMessage)[0].data);

    const closes = [];
    for (const [name, dc] of [['local', dc1], ['remote', dc2]]) {
      dc.addEventListener('closing', () => closes.push(`${name}:closing`));
      dc.addEventListener('close', () => closes.push(`${name}:close:${dc.readyState}`));
    }
    const bothClosed = Promise.all([once(dc1, 'close'), once(dc2, 'close')]);
    dc1.close();
    const afterClose = dc1.readyState;
    await bothClosed;
    const sendAfterClose = (() => {
      try {
        dc1.send('late');
        return null;
      } catch (e) {
        return e.name;
      }
    })();

    return { created, isRTCDataChannelEvent, remoteAtEvent, open, received, asBlob, afterClose,
      closes: closes.sort(), sendAfterClose };
  },
});
