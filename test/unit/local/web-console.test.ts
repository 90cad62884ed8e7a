import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveConsole } from '../../../local/web-console';

/** The console as the local stack serves it: files, index.html for console paths, never the API's paths. */
describe('serveConsole', () => {
  let server: Server;
  let base: string;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>民情直通</title>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'outside-the-console.txt'), 'secret');
    server = createServer((req, res) => {
      if (!serveConsole(req, res, dist)) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"api":true}');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('serves a hashed asset as itself, cached for a year', async () => {
    const res = await fetch(`${base}/assets/index-abc.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers any console path with index.html, never cached, under a CSP that allows only its own scripts', async () => {
    for (const path of ['/', '/grid/cases/C123', '/track']) {
      const res = await fetch(`${base}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(await res.text()).toContain('<title>民情直通</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it("leaves the API's and the local stack's paths to them", async () => {
    for (const path of ['/v1/cases', '/v1', '/local/outbox', '/open311/v2/services.json', '/v1/wishes/%ZZ', '/v1/grids/%E0%A4%A/wishes']) {
      const res = await fetch(`${base}${path}`);
      expect({ path, body: await res.json() }).toEqual({ path, body: { api: true } });
    }
  });

  it('serves /config.json for the local stack: same-origin API, sign-in by picker, the local tools', async () => {
    const res = await fetch(`${base}/config.json`);
    expect(await res.json()).toEqual({ apiBase: '', auth: { kind: 'local' }, localTools: true });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('never serves a file outside its folder, however the path is spelled', async () => {
    for (const path of ['/../outside-the-console.txt', '/%2e%2e/outside-the-console.txt', '/assets/..%2f..%2foutside-the-console.txt']) {
      const res = await fetch(`${base}${path}`);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('answers a malformed escape with the console page instead of failing', async () => {
    const res = await fetch(`${base}/grid/%E0%A4%A`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('民情直通');
  });

  it('leaves other methods to the API', async () => {
    const res = await fetch(`${base}/grid`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});
