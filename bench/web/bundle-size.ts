/**
 * The web build's files, raw and gzip (level 9, as a server would send them), split into the
 * console's own JavaScript and the map's chunk (Leaflet and the map view, loaded only when
 * "Karta" is opened: web/console/map/map-panel.tsx imports it lazily).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  file: string;
  bytes: number;
  gzip: number;
  part: 'console-js' | 'map-js' | 'css' | 'data';
}

export interface BundleSize {
  files: BundleFile[];
  /** gzip bytes of the JavaScript loaded without the map. */
  consoleJsGzip: number;
  mapJsGzip: number;
}

export function bundleSize(dist: string): BundleSize {
  const dir = join(dist, 'assets');
  const files: BundleFile[] = readdirSync(dir)
    .sort()
    .map((file) => {
      const body = readFileSync(join(dir, file));
      const part: BundleFile['part'] = file.endsWith('.js')
        ? file.startsWith('leaflet-view-')
          ? 'map-js'
          : 'console-js'
        : file.endsWith('.css')
          ? 'css'
          : 'data';
      return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, part };
    });
  const sum = (part: BundleFile['part']) =>
    files.filter((f) => f.part === part).reduce((a, f) => a + f.gzip, 0);
  return { files, consoleJsGzip: sum('console-js'), mapJsGzip: sum('map-js') };
}
