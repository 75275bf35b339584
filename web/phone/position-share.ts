/**
 * The caregiver's position, shared only after they turn it on and only while the page is
 * open: navigator.geolocation.watchPosition, sent to the server at most every 15 s. The
 * server stamps the time (the device's clock may be off).
 */
import { signal } from '@preact/signals';
import { api } from '../api/client.ts';

export const POSITION_EVERY_MS = 15_000;

export type ShareState =
  | { kind: 'off' }
  | { kind: 'waiting' }
  | { kind: 'on'; lastSent: number | null }
  | { kind: 'denied' }
  | { kind: 'unavailable' };

type PositionStatus = 'available' | 'en_route' | 'on_visit';

export class PositionShare {
  readonly state = signal<ShareState>({ kind: 'off' });
  private watch: number | null = null;
  private lastAttempt = -Infinity;

  constructor(
    private readonly staffId: string,
    /** What the caregiver is doing now, sent with each fix. */
    private readonly status: () => PositionStatus,
  ) {}

  start(): void {
    if (this.watch !== null) return;
    const geo = globalThis.navigator?.geolocation;
    if (!geo) {
      this.state.value = { kind: 'unavailable' };
      return;
    }
    this.state.value = { kind: 'waiting' };
    this.watch = geo.watchPosition(
      (p) => void this.report(p.coords.latitude, p.coords.longitude),
      (e) => {
        if (e.code === e.PERMISSION_DENIED) {
          this.stop();
          this.state.value = { kind: 'denied' };
        }
      },
      { enableHighAccuracy: true, maximumAge: POSITION_EVERY_MS },
    );
  }

  stop(): void {
    if (this.watch !== null) navigator.geolocation.clearWatch(this.watch);
    this.watch = null;
    this.state.value = { kind: 'off' };
  }

  private async report(lat: number, lon: number): Promise<void> {
    const at = Date.now();
    if (at - this.lastAttempt < POSITION_EVERY_MS) return;
    this.lastAttempt = at;
    try {
      const { data } = await api.POST('/api/dispatch/staff/{id}/position', {
        params: { path: { id: this.staffId } },
        body: { lat, lon, status: this.status() },
      });
      if (data && this.watch !== null)
        this.state.value = { kind: 'on', lastSent: Date.parse(data.at) };
    } catch {
      // Offline: the next fix after 15 s tries again; an old position is not worth queueing.
    }
  }
}
