/**
 * The map view (only when MAP_TILE_URL is configured): slippy-map tiles laid out as images under an
 * ECharts scatter of the stations, both in Web Mercator pixels at one zoom level fitted to the points.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CockpitSummaryDto } from '@xj/contracts';
import { EChart, type ChartOption } from '../../components/EChart';
import { PARTY_RED } from './cockpitCharts';

const TILE = 256;
const worldX = (lng: number, z: number) => ((lng + 180) / 360) * TILE * 2 ** z;
const worldY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * TILE * 2 ** z;
};

type Points = CockpitSummaryDto['stations']['points'];

export function CockpitMap({ tileUrl, points, height, label }: { tileUrl: string; points: Points; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const view = useMemo(() => {
    const lats = points.map((p) => p.lat);
    const lngs = points.map((p) => p.lng);
    const c = points.length ? { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: (Math.min(...lngs) + Math.max(...lngs)) / 2 } : { lat: 36.948, lng: 116.002 };
    // The highest zoom (≤ 17) at which every point fits with a margin.
    let z = 17;
    while (z > 3 && points.length > 1) {
      const w = worldX(Math.max(...lngs), z) - worldX(Math.min(...lngs), z);
      const h = worldY(Math.min(...lats), z) - worldY(Math.max(...lats), z);
      if (w < width * 0.8 && h < height * 0.8) break;
      z -= 1;
    }
    const left = worldX(c.lng, z) - width / 2;
    const top = worldY(c.lat, z) - height / 2;
    const tiles: { key: string; src: string; x: number; y: number }[] = [];
    for (let tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++)
      for (let ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++)
        tiles.push({ key: `${tx}/${ty}`, src: tileUrl.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty)), x: tx * TILE - left, y: ty * TILE - top });
    const option: ChartOption = {
      grid: { left: 0, right: 0, top: 0, bottom: 0 },
      xAxis: { type: 'value', min: 0, max: width, show: false },
      yAxis: { type: 'value', min: 0, max: height, inverse: true, show: false },
      tooltip: { trigger: 'item', formatter: (p: unknown) => (p as { data: { name: string; visitors: number } }).data.name },
      series: [
        {
          type: 'scatter',
          symbolSize: 14,
          itemStyle: { color: PARTY_RED, borderColor: '#fff', borderWidth: 2 },
          data: points.map((p) => ({ name: p.name, visitors: p.visitors, value: [worldX(p.lng, z) - left, worldY(p.lat, z) - top] })),
        },
      ],
    } as unknown as ChartOption;
    return { tiles, option };
  }, [points, tileUrl, width, height]);

  return (
    <div ref={box} className="cockpit-map" style={{ height }}>
      {view.tiles.map((tile) => (
        <img key={tile.key} src={tile.src} alt="" className="cockpit-map-tile" style={{ left: tile.x, top: tile.y }} />
      ))}
      <div className="cockpit-map-overlay">
        <EChart option={view.option} height={height} label={label} />
      </div>
    </div>
  );
}
