import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWebResponse } from './node-adapter';
import { jsonResponse } from './responses';

let server: Server;
let port: number;

// Answers at once without reading any body, as a route refusing an upload does: a body of unknown
// length at /, a JSON answer at /json.
beforeAll(async () => {
  server = createServer((incoming, response) => {
    const answer =
      incoming.url === '/json' ? jsonResponse(200, { answered: 'sí' }) : new Response('answered');
    void writeWebResponse(answer, response, incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function send(method: string, headers: Record<string, string>, body?: string, path = '/') {
  return new Promise<IncomingHttpHeaders & { body: string }>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let received = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (received += chunk));
      response.on('end', () => resolve({ ...response.headers, body: received }));
    });
    outgoing.on('error', reject);
    // A body left unfinished: the client is still sending when the answer comes.
    if (body !== undefined) outgoing.write(body);
    else outgoing.end();
  });
}

describe('writeWebResponse', () => {
  it('should keep the connection open after a GET, whose empty body nobody reads', async () => {
    const headers = await send('GET', { connection: 'keep-alive' });
    expect(headers.connection).toBe('keep-alive');
  });

  it('should close the connection when the client is still sending a body the answer did not wait for', async () => {
    const headers = await send('PUT', { 'content-length': '1000000' }, 'only the first bytes');
    expect(headers.connection).toBe('close');
  });

  it('should send an answer of declared length whole, with its length instead of chunks', async () => {
    const answer = await send('GET', {}, undefined, '/json');
    expect(JSON.parse(answer.body)).toEqual({ answered: 'sí' });
    expect(answer['content-length']).toBe(String(Buffer.byteLength(answer.body)));
    expect(answer['transfer-encoding']).toBeUndefined();
  });

  it('should stream an answer of unknown length', async () => {
    const answer = await send('GET', {});
    expect(answer.body).toBe('answered');
    expect(answer['transfer-encoding']).toBe('chunked');
  });
});
