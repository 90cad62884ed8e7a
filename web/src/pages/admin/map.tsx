import type { Identity } from '../../auth/identity';
import { api, ok } from '../../api/client';
import { config } from '../../config';
import { Shell } from '../../shell';
import { serverNow, syncClock } from '../../ui/clock';
import { Loading, Problem, Section } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { loadMetrics, periodRange, shanghaiDay } from './metrics';
import { adminNav } from './nav';
import './admin.css';

type Grid = Awaited<ReturnType<typeof loadGrids>>[number];
const loadGrids = () => ok(api().GET('/v1/grids'));

/** Open cases per grid colour the map: light to dark, each light enough for dark text on it (AA). */
const BANDS = [
  { min: 0, max: 0, fill: '#eef2f5', label: '0 件' },
  { min: 1, max: 2, fill: '#fde2c8', label: '1–2 件' },
  { min: 3, max: 5, fill: '#f8b07a', label: '3–5 件' },
  { min: 6, max: Infinity, fill: '#ec7a5c', label: '6 件及以上' },
];
const band = (open: number) => BANDS.find((b) => open >= b.min && open <= b.max)!;

/** Web Mercator in pixels at zoom `z`: the projection tiles use, so an optional tile layer lines up. */
const TILE = 256;
const project = (lng: number, lat: number, z: number): [number, number] => {
  const scale = TILE * 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * scale, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale];
};

const WIDTH = 960;

/** A grid's outline (its outer ring) as [lng, lat] pairs, if it has one. */
const ringOf = (g: Grid) => g.shape?.coordinates[0] as Array<[number, number]> | undefined;

function layout(grids: Grid[]) {
  const points = grids.flatMap((g) => ringOf(g) ?? []);
  if (!points.length) return undefined;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  // The deepest zoom at which the district still fits the drawing's width, with a margin.
  const z = Math.max(0, Math.min(19, Math.floor(Math.log2((WIDTH * 0.9 * 360) / (TILE * Math.max(east - west, 1e-6))))));
  const [x0, y0] = project(west, north, z);
  const [x1, y1] = project(east, south, z);
  // Room round the edge for the community names above the top grids.
  const pad = Math.max(24, 0.08 * Math.max(x1 - x0, y1 - y0));
  return { z, box: { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad } };
}

function Tiles({ z, box }: { z: number; box: { x: number; y: number; w: number; h: number } }) {
  const tiles = config().tiles;
  if (!tiles) return null;
  const out = [];
  for (let tx = Math.floor(box.x / TILE); tx * TILE < box.x + box.w; tx += 1)
    for (let ty = Math.floor(box.y / TILE); ty * TILE < box.y + box.h; ty += 1)
      out.push(<image key={`${tx}/${ty}`} href={tiles.url.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty))} x={tx * TILE} y={ty * TILE} width={TILE} height={TILE} />);
  return <g class="tiles-layer">{out}</g>;
}

/** Open cases by grid, drawn from the grids' own outlines: no tiles needed, so it works offline. */
export function GridMap({ who }: { who?: Identity | undefined }) {
  const grids = useLoad(loadGrids);
  const open = useLoad(async () => {
    await syncClock();
    const range = periodRange('365d', shanghaiDay(serverNow()));
    const rows = await loadMetrics(range.from, range.to, 'grid');
    return { range, byGrid: new Map(rows.map((r) => [r.key, Math.max(0, r.received - r.resolved)])) };
  });
  const list = grids.data ?? [];
  const count = (gridId: string) => open.data?.byGrid.get(gridId) ?? 0;
  const frame = layout(list);
  const unshaped = list.filter((g) => !g.shape);
  const tiles = config().tiles;
  // Labels sized to the drawing (whose units are Mercator pixels at its zoom, scaled to fit the width
  // or, for a tall district, the 70vh height), so they read about 13 px on a desktop.
  const fs = frame ? Math.max(frame.box.w / 80, frame.box.h / 48) : 13;
  const drawn = frame
    ? list.flatMap((g) => {
        const outline = ringOf(g);
        if (!outline) return [];
        const ring = outline.map(([lng, lat]) => project(lng, lat, frame.z));
        const corners = ring.slice(0, -1);
        return [
          {
            g,
            d: `M${ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`,
            cx: corners.reduce((s, p) => s + p[0], 0) / corners.length,
            cy: corners.reduce((s, p) => s + p[1], 0) / corners.length,
            top: Math.min(...corners.map((p) => p[1])),
          },
        ];
      })
    : [];
  // Each community's name above its grids.
  const communities = [...new Set(drawn.map((x) => x.g.communityName))].map((name) => {
    const mine = drawn.filter((x) => x.g.communityName === name);
    return { name, x: mine.reduce((s, x) => s + x.cx, 0) / mine.length, y: Math.min(...mine.map((x) => x.top)) - fs * 0.6 };
  });

  return (
    <Shell title="网格诉求地图" who={who} nav={adminNav()}>
      <div class="admin">
        <Loading when={grids.loading || open.loading} />
        <Problem text={grids.error ?? open.error} />
        {frame && open.data ? (
          <Section title="各网格未办结诉求">
            <p class="muted">
              颜色按 {open.data.range.from} 至 {open.data.range.to} 受理、尚未办结的诉求数（受理数减办结数）；下方表格列出同样的数字。
            </p>
            <div class="map-wrap">
              <svg class="grid-map" viewBox={`${frame.box.x} ${frame.box.y} ${frame.box.w} ${frame.box.h}`} role="img" aria-label={`${list.length} 个网格的未办结诉求地图，数字见下表`}>
                <rect class="map-bg" x={frame.box.x} y={frame.box.y} width={frame.box.w} height={frame.box.h} />
                <Tiles z={frame.z} box={frame.box} />
                {drawn.map(({ g, d, cx, cy }) => {
                  const n = count(g.gridId);
                  return (
                    <g key={g.gridId} class="grid-shape" data-grid={g.gridId}>
                      <path class="grid" d={d} fill={band(n).fill} fill-opacity={tiles ? 0.75 : 1}>
                        <title>{`${g.name}（${g.communityName}）：未办结 ${n} 件`}</title>
                      </path>
                      <text x={cx} y={cy - fs * 0.2} font-size={fs} text-anchor="middle" class="grid-name">
                        {g.name}
                      </text>
                      <text x={cx} y={cy + fs * 1.1} font-size={fs} text-anchor="middle" class="grid-count">
                        {n} 件
                      </text>
                    </g>
                  );
                })}
                {communities.map((c) => (
                  <text key={c.name} x={c.x} y={c.y} font-size={fs * 1.1} text-anchor="middle" class="community-name">
                    {c.name}
                  </text>
                ))}
              </svg>
            </div>
            {tiles ? <p class="muted attribution">底图：{tiles.attribution}</p> : null}
            <ul class="legend" aria-label="图例">
              {BANDS.map((b) => (
                <li key={b.label}>
                  <span class="swatch" style={{ background: b.fill }} aria-hidden="true" />
                  {b.label}
                </li>
              ))}
            </ul>
            {unshaped.length ? <p class="muted">未标绘边界的网格：{unshaped.map((g) => g.name).join('、')}（见下表）。</p> : null}
          </Section>
        ) : null}
        {grids.data && open.data ? (
          <Section title="各网格未办结诉求（表格）">
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">各网格未办结诉求数</caption>
                <thead>
                  <tr>
                    <th scope="col">网格</th>
                    <th scope="col">社区</th>
                    <th scope="col" class="num">未办结</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => count(b.gridId) - count(a.gridId) || a.gridId.localeCompare(b.gridId))
                    .map((g) => (
                      <tr key={g.gridId}>
                        <th scope="row">{g.name}</th>
                        <td>{g.communityName}</td>
                        <td class="num">{count(g.gridId)}</td>
                      </tr>
                    ))}
                  {open.data.byGrid.get('unrouted') ? (
                    <tr>
                      <th scope="row">未定网格</th>
                      <td>—</td>
                      <td class="num">{open.data.byGrid.get('unrouted')}</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          </Section>
        ) : null}
      </div>
    </Shell>
  );
}
