/** Vite turns `?url` imports into the emitted asset's URL (a string). */
declare module '*.geojson?url' {
  const url: string;
  export default url;
}
