// A small static server for fixture pages and feeds, on 127.0.0.1 only, with routes tests can swap.
// It answers over plain http (feeds, the pages SpecScout does not run on) and over https with a
// throwaway self-signed certificate (the news sites: SpecScout runs on their https pages only).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const FIXTURES_DIR = resolve('tests/e2e/fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FixtureServer {
  port: number;
  origin: string;
  /** The same server over https (self-signed: the browser is launched to accept it). */
  tlsPort: number;
  /** Serves `path` with a custom handler (feeds, generated pages) instead of a fixture file. */
  route(path: string, handler: Route): void;
  /** Requests seen so far, as "METHOD path". */
  requests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(root = FIXTURES_DIR): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const handle: RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method} ${path}`);
    const custom = routes.get(path);
    if (custom) {
      void Promise.resolve(custom(req, res)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(body);
      },
      () => {
        res.statusCode = 404;
        res.end('not found');
      },
    );
  };
  const server = createServer(handle);
  const tlsServer = createTlsServer(selfSignedCertificate(), handle);
  const port = await listen(server);
  const tlsPort = await listen(tlsServer);
  // A browser using this server as its proxy (Firefox's manual proxy prefs) asks for https hosts with CONNECT:
  // every such tunnel ends at the https server, whatever host was asked for.
  server.on('connect', (_req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    tlsPort,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    close: async () => {
      await Promise.all([server, tlsServer].map((s) => new Promise<void>((done) => s.close(() => done()))));
    },
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return address.port;
}

let certificate: { key: Buffer; cert: Buffer } | null = null;

/** A key and certificate made once per test run with openssl (Node cannot make certificates itself). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'specscout-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=specscout-fixtures',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    return certificate;
  } catch (error) {
    throw new Error(`The https fixture server needs openssl to make its certificate: ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
