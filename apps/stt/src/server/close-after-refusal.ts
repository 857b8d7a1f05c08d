import type { IncomingMessage, ServerResponse } from 'node:http';

// How long a refused upload may keep sending before the connection is cut.
const lingerMaxMs = 5_000;

/**
 * For an answer given before the upload was read to its end (413, 415, 503). Closing the socket
 * at once would make the kernel answer the unread bytes with a reset that can destroy our
 * response before the client reads it; so, like NGINX's lingering close, the response says
 * `Connection: close`, FIN is sent, and what still arrives is read and discarded until the client
 * closes its side or a short grace period ends. (The web app's uploads do the same.)
 */
export function closeAfterRefusal(request: IncomingMessage, response: ServerResponse): void {
  if (request.readableEnded) return;
  response.setHeader('connection', 'close');
  const socket = request.socket;
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), lingerMaxMs).unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy());
    request.on('data', () => undefined);
    request.resume();
  };
}
