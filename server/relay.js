// The signaling relay for the 2011 video-call demo: WebSocket rooms of two at /relay/<room>. Each
// text message goes, verbatim, to the other member of the room; messages sent while alone wait (a
// bounded number) for the second member, since a 2011 page sends its first OFFER as soon as it has a
// stream. A third member, an oversized message or a binary one closes that socket with a reason.
import { WebSocketServer } from 'ws';

const ROOM = /^\/relay\/([A-Za-z0-9_-]{1,64})$/;

/**
 * @param {import('node:http').Server} server
 * @param {{ maxMessageBytes?: number, maxQueued?: number }} [options]
 */
export function attachRelay(server, { maxMessageBytes = 256 * 1024, maxQueued = 64 } = {}) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  /** @type {Map<string, { members: Set<import('ws').WebSocket>, queue: string[] }>} */
  const rooms = new Map();

  server.on('upgrade', (req, socket, head) => {
    const match = ROOM.exec((req.url ?? '').split('?')[0]);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => join(match[1], ws));
  });

  function join(name, ws) {
    let room = rooms.get(name);
    if (!room) rooms.set(name, (room = { members: new Set(), queue: [] }));
    if (room.members.size >= 2) {
      ws.close(4001, 'room full: rooms hold two');
      return;
    }
    room.members.add(ws);
    // What the first member said while alone goes to the second as soon as it arrives.
    if (room.members.size === 2) for (const m of room.queue.splice(0)) ws.send(m);
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(1003, 'text messages only');
        return;
      }
      const text = data.toString('utf8');
      const other = [...room.members].find((m) => m !== ws);
      if (other) other.send(text);
      else if (room.queue.length < maxQueued) room.queue.push(text);
      else ws.close(1008, `more than ${maxQueued} messages waiting for a peer`);
    });
    ws.on('close', () => {
      room.members.delete(ws);
      if (room.members.size === 0) rooms.delete(name);
    });
    ws.on('error', () => {}); // an oversized frame ends in close(1009); nothing else to do
  }

  return {
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
