/** Distances for the public station list: great-circle (haversine) on a sphere of the Earth's mean radius. */

/** IUGG mean Earth radius, metres. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Metres between two WGS-84 points, as the crow flies (good to ~0.5 % at town scale). */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}
