/* global window, document, MutationObserver, requestAnimationFrame */
// Injected into the console page before its own code (context.addInitScript) by
// bench/web/console-perf.ts. Plain browser JavaScript: a bundler's helpers must not reach the
// page. It records, in epoch milliseconds (performance.timeOrigin + performance.now()):
//   - the log-in form's submit, and the first moment the queue has rows and the staff list
//     has people (the first useful render), with the frame after it (painted);
//   - for each live `visit.*` event of an urgent, open visit: its arrival on the socket (a
//     listener added before the app's own onmessage), the DOM change showing it (the row
//     tr[data-visit=ID] with the status class .status-STATUS, seen by a MutationObserver),
//     and the frame after that change (requestAnimationFrame, then a message-channel task:
//     after that frame's paint);
//   - every long task (PerformanceObserver 'longtask', 50 ms or more).
// console-perf.ts drains window.__perf.take() every few seconds, so the page keeps no
// growing record of its own during the memory run.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const OPEN = new Set(['unassigned', 'assigned', 'en_route']);
  const perf = {
    submitAt: null,
    usefulAt: null,
    usefulPaintedAt: null,
    /** visit id → { seq, version, status, arrivedAt } awaiting the DOM */
    pending: new Map(),
    events: [],
    longTasks: [],
    frames: 0,
    take() {
      const out = { events: this.events, longTasks: this.longTasks, pending: this.pending.size };
      this.events = [];
      this.longTasks = [];
      return out;
    },
  };
  window.__perf = perf;

  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(now());
      channel.port2.postMessage(0);
    });

  // The submit of the log-in form (capture: before the app's handler runs).
  document.addEventListener('submit', () => (perf.submitAt ??= now()), true);

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const arrivedAt = now();
        let m;
        try {
          m = JSON.parse(String(e.data));
        } catch {
          return;
        }
        if (m.type !== 'event' || !String(m.eventType).startsWith('visit.')) return;
        const v = m.payload && m.payload.visit;
        if (!v || !v.id || v.priority === 'planned' || !OPEN.has(v.status)) return;
        const superseded = perf.pending.get(v.id);
        if (superseded) perf.events.push({ ...superseded, id: v.id, superseded: true });
        perf.pending.set(v.id, {
          seq: m.seq,
          eventType: m.eventType,
          version: v.version,
          status: v.status,
          arrivedAt,
        });
      });
    }
  };

  const check = () => {
    const t = now();
    if (perf.submitAt !== null && perf.usefulAt === null) {
      if (
        document.querySelector('section.queue tbody tr') &&
        document.querySelector('ul.staff-list li')
      ) {
        perf.usefulAt = t;
        afterPaint((p) => (perf.usefulPaintedAt = p));
      }
    }
    for (const [id, e] of perf.pending) {
      const row = document.querySelector(`tr[data-visit="${id}"] .status-${e.status}`);
      if (row) {
        perf.pending.delete(id);
        const record = { ...e, id, domAt: t, paintedAt: null };
        afterPaint((p) => {
          record.paintedAt = p;
          perf.events.push(record);
        });
      } else if (t - e.arrivedAt > 10_000) {
        perf.pending.delete(id);
        perf.events.push({ ...e, id, missed: true });
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      perf.longTasks.push({
        at: performance.timeOrigin + entry.startTime,
        ms: entry.duration,
      });
  }).observe({ type: 'longtask', buffered: true });
})();
