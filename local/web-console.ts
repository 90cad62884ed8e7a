import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { DEMO_DEPARTMENTS, DEMO_GRIDS, DEMO_STAFF, DEMO_VOLUNTEERS } from './seed/demo-data';

/** The console's built files (npm run build); the local stack serves them at `/`. */
export const WEB_DIST = resolve(__dirname, '..', 'web', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** What the console reads at `/config.json` when the local stack serves it: the API here, sign-in by picker. */
export const localConsoleConfig = () => ({ apiBase: '', auth: { kind: 'local' }, localTools: true });

/** Paths that are the API's or the local stack's, never the console's. */
const NOT_CONSOLE = /^\/(v1|local|open311)(\/|$)/;

/**
 * Serves the console: a built file as it is (hashed assets cached for a year), and `index.html` for any
 * other console path, so that a link into the console (`/grid/cases/C…`) opens it there. Answers false
 * for what is not the console's, which the API then answers.
 */
export function serveConsole(req: IncomingMessage, res: ServerResponse, dist = WEB_DIST): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let raw = '/';
  let path: string;
  try {
    raw = new URL(req.url ?? '/', 'http://localhost').pathname;
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape (`/%E0%A4%A`) names no file: the console's page, as for any other path, unless
    // it is under the API's paths (`/v1/wishes/%ZZ`), which the API answers (400), as on AWS.
    path = raw;
  }
  if (NOT_CONSOLE.test(path)) return false;
  if (path === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(localConsoleConfig()));
    return true;
  }
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('控制台尚未构建：npm run build\n');
    return true;
  }
  const file = normalize(join(dist, path));
  const inside = file.startsWith(dist + sep);
  const isFile = inside && existsSync(file) && statSync(file).isFile();
  const served = isFile ? file : index;
  const hashed = isFile && path.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(served === index ? { 'content-security-policy': CONSOLE_CSP } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(served));
  return true;
}

/** The console runs only its own scripts and talks only to its own origin (and the configured API). */
const CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'";

/** The demo staff the local sign-in picker offers: each as the claims the local issuer mints. */
export function demoPeople() {
  const gridName = (gridId: string) => DEMO_GRIDS.find((g) => g.gridId === gridId)?.name ?? gridId;
  return [
    { label: '指挥中心', detail: '综合指挥中心管理员', claims: { role: 'admin', sub: 'admin-centre' } },
    ...DEMO_STAFF.filter((s) => s.role === 'grid-worker').map((s) => ({
      label: `网格员 ${s.name}`,
      detail: s.grids.map(gridName).join('、'),
      claims: { role: 'grid-worker', grids: s.grids, sub: s.staffId },
    })),
    ...DEMO_DEPARTMENTS.map((d) => ({ label: d.name, detail: '部门值班', claims: { role: 'department', department: d.departmentId, sub: d.dutyStaffId } })),
    ...DEMO_VOLUNTEERS.slice(0, 12).map((v) => ({
      label: `志愿者 ${v.volunteerId}`,
      detail: gridName(v.gridId),
      claims: { role: 'volunteer', volunteerId: v.volunteerId, sub: `vol-${v.volunteerId}` },
    })),
  ];
}
