import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import type { RequestMeta } from '../api/create-api-handler';

const requestIdPattern = /^[\w.:-]{1,64}$/;

/** A caller's id is kept (to correlate across services) only when it is short and plain. */
export function resolveRequestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

/**
 * The client's address: the socket's peer, or, behind `trustProxyHops` proxies we run
 * ourselves, the address those proxies appended to X-Forwarded-For. Entries further left
 * were written by the client and are never trusted.
 */
export function resolveClientIp(request: IncomingMessage, trustProxyHops: number): string | null {
  const peer = request.socket.remoteAddress ?? null;
  if (trustProxyHops === 0) return normalizeIp(peer);
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer].filter((entry): entry is string => Boolean(entry));
  return normalizeIp(chain[Math.max(chain.length - 1 - trustProxyHops, 0)] ?? peer);
}

function normalizeIp(ip: string | null): string | null {
  if (!ip) return null;
  const unmapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return /^[\d.]+$|^[\da-f:]+$/i.test(unmapped) ? unmapped : null;
}

/** Node's request as a web Request: the body stays a stream, and a client disconnect aborts it. */
export function toWebRequest(request: IncomingMessage, response: ServerResponse, baseUrl: URL): Request {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(new URL(request.url ?? '/', baseUrl), {
    method: request.method ?? 'GET',
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: requestBodyToWeb(request), duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * The request body as a web stream with backpressure. Cancelling it (a handler refusing an
 * upload part-way) only stops reading: the socket must stay open for the error response.
 */
function requestBodyToWeb(request: IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        request.on('data', (chunk: Buffer) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) request.pause();
        });
        request.once('end', () => {
          if (done) return;
          done = true;
          controller.close();
        });
        request.once('close', () => {
          if (done) return;
          done = true;
          controller.error(new Error('The client disconnected before the body was complete.'));
        });
        request.pause();
      },
      pull() {
        request.resume();
      },
      cancel() {
        done = true;
        request.pause();
      },
    },
    { highWaterMark: 256 * 1024, size: (chunk) => chunk.byteLength },
  );
}

// How long a refused upload may keep sending before the connection is cut.
const lingerMaxMs = 5_000;

/**
 * An upload refused part-way (413, 415, 409) leaves the client still sending. The answer says
 * `Connection: close`, but closing the socket at once would make the kernel answer the unread
 * bytes with a reset that can destroy our response before the client reads it. So, like
 * NGINX's lingering close, we send FIN, keep reading and discarding what still arrives, and cut
 * the connection when the client closes its side or after a short grace period.
 */
function closeAfterResponse(request: IncomingMessage, response: ServerResponse) {
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

/**
 * Whether body bytes may still be on their way. Not `!readableEnded`: a GET's (absent) body is
 * never read, so it never "ends", and every API answer would close a connection its client means
 * to reuse. Only a message that declares a body has one (RFC 9112 §6.3).
 */
function isStillSending(request: IncomingMessage): boolean {
  if (request.complete) return false;
  return (
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0
  );
}

// A body of declared length up to this is read whole and sent with the head in one write, without
// the stream pipeline (and its abort signal) that each streamed answer costs. Larger or unsized
// bodies (downloads, event streams) are streamed.
const wholeBodyMaxBytes = 64 * 1024;

export async function writeWebResponse(
  webResponse: Response,
  response: ServerResponse,
  request?: IncomingMessage,
): Promise<void> {
  // Read before anything is set on the response, so a body that fails to read leaves it untouched.
  const declaredLength = webResponse.headers.get('content-length');
  const wholeBody =
    webResponse.body && declaredLength !== null && Number(declaredLength) <= wholeBodyMaxBytes
      ? Buffer.from(await webResponse.arrayBuffer())
      : undefined;
  if (request && isStillSending(request)) closeAfterResponse(request, response);
  response.statusCode = webResponse.status;
  const cookies = webResponse.headers.getSetCookie();
  webResponse.headers.forEach((value, name) => {
    if (name !== 'set-cookie') response.setHeader(name, value);
  });
  if (cookies.length > 0) response.setHeader('set-cookie', cookies);
  if (wholeBody) {
    response.end(wholeBody);
    return;
  }
  if (!webResponse.body) {
    response.end();
    return;
  }
  await pipeline(Readable.fromWeb(webResponse.body as NodeReadableStream), response);
}

export function requestMeta(request: IncomingMessage, trustProxyHops: number): RequestMeta {
  return { requestId: resolveRequestId(request), clientIp: resolveClientIp(request, trustProxyHops) };
}
