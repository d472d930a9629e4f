/** A tiny static HTTP server on 127.0.0.1 for download/fetch tests (node:http). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves `routes[path]` bytes (Content-Length set); anything else is 404. Returns base URL and close(). */
export async function serve(
  routes: Record<string, Uint8Array>,
  options: { contentType?: string; cutAfter?: number } = {},
): Promise<{ base: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    requests.push(url);
    const body = routes[url];
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': options.contentType ?? 'application/octet-stream', 'content-length': body.length });
    if (options.cutAfter !== undefined) {
      res.flushHeaders();
      res.write(body.subarray(0, options.cutAfter));
      setTimeout(() => res.destroy(), 50); // connection cut mid-body
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets of cancelled fetches
      }),
  };
}
