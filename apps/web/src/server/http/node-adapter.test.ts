import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWebResponse } from './node-adapter';

let server: Server;
let port: number;

// Answers at once without reading any body, as a route refusing an upload does.
beforeAll(async () => {
  server = createServer((incoming, response) => {
    void writeWebResponse(new Response('answered'), response, incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function send(method: string, headers: Record<string, string>, body?: string) {
  return new Promise<IncomingHttpHeaders>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path: '/', headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.headers));
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
});
