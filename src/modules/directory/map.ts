/**
 * Server-side map drawing: GeoJSON polygons → SVG path data, with no tiles and no script
 * (SECURITY.md: nothing loads from another origin). An equirectangular projection scaled by
 * cos(latitude) is accurate enough across Kyrgyzstan's 4° of latitude. Coordinates are whole
 * pixels of a 1000-pixel-wide drawing and repeated points are dropped, which keeps the page small.
 */

export interface Bounds {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

type Ring = number[][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export function parseGeometry(json: string): Geometry | null {
  try {
    const g = JSON.parse(json) as Geometry;
    return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates) ? g : null;
  } catch {
    return null;
  }
}

function polygons(g: Geometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function boundsOf(geometries: Geometry[]): Bounds {
  const b = { minLon: Infinity, maxLon: -Infinity, minLat: Infinity, maxLat: -Infinity };
  for (const g of geometries) {
    for (const poly of polygons(g)) {
      for (const ring of poly) {
        for (const [lon, lat] of ring) {
          if (lon! < b.minLon) b.minLon = lon!;
          if (lon! > b.maxLon) b.maxLon = lon!;
          if (lat! < b.minLat) b.minLat = lat!;
          if (lat! > b.maxLat) b.maxLat = lat!;
        }
      }
    }
  }
  return b;
}

export interface Projection {
  width: number;
  height: number;
  project(lon: number, lat: number): [number, number];
}

/** Fits the bounds into `width` pixels (plus a small margin), keeping the aspect ratio. */
export function projection(b: Bounds, width = 1000, margin = 8): Projection {
  const k = Math.cos((((b.minLat + b.maxLat) / 2) * Math.PI) / 180);
  const scale = (width - 2 * margin) / Math.max((b.maxLon - b.minLon) * k, 1e-9);
  const height = Math.ceil((b.maxLat - b.minLat) * scale + 2 * margin);
  return {
    width,
    height,
    project: (lon, lat) => [margin + (lon - b.minLon) * k * scale, margin + (b.maxLat - lat) * scale],
  };
}

/** The SVG path data of a polygon geometry ("M x y L … Z" per ring). */
export function pathData(g: Geometry, p: Projection): string {
  const parts: string[] = [];
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      let out = '';
      let last: [number, number] | null = null;
      let n = 0;
      for (const [lon, lat] of ring) {
        const [px, py] = p.project(lon!, lat!);
        const [x, y] = [Math.round(px), Math.round(py)];
        if (last && x === last[0] && y === last[1]) continue;
        out += `${n === 0 ? 'M' : 'L'}${x} ${y}`;
        last = [x, y];
        n++;
      }
      if (n >= 3) parts.push(`${out}Z`);
    }
  }
  return parts.join('');
}

/** Shades for neighbouring regions, picked by index (colour-blind safe, light enough for labels). */
export const FILLS = [
  '#cfe3f3',
  '#f6dfb8',
  '#d6ecd2',
  '#ead5ef',
  '#f3d0cf',
  '#d9e6e0',
  '#e9e4c4',
  '#d3d8ee',
  '#f1dccd',
];
