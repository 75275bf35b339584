/**
 * The comparison of a done planning job with the day as it is now: one table, figure by
 * figure (now | proposal | difference, better or worse in words), and the visits the plan
 * left out with the reason. Read once from GET /api/planning/jobs/{id}/comparison; the
 * server computes every figure.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatDuration, formatWindow } from '../../time/format.ts';
import { type Comparison, type Verdict, comparisonRows } from './comparison-rows.ts';
import './comparison.css';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'notDone' } | Comparison;

// Not arrows: a figure that falls can be better, and an arrow up beside it would say the opposite.
const SYMBOL: Record<Verdict, string> = { better: '✓', worse: '✗', same: '=', unequal: '≠' };

export function ComparisonPanel({ jobId }: { jobId: string }) {
  const state = useSignal<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    state.value = { kind: 'loading' };
    void api
      .GET('/api/planning/jobs/{id}/comparison', { params: { path: { id: jobId } } })
      .then(({ data, response }) => {
        if (!live) return;
        if (data) state.value = data;
        else state.value = { kind: response.status === 409 ? 'notDone' : 'failed' };
      })
      .catch(() => {
        if (live) state.value = { kind: 'failed' };
      });
    return () => {
      live = false;
    };
  }, [jobId]);

  const s = state.value;
  return (
    <section
      class="comparison-panel"
      aria-labelledby="comparison-title"
      aria-busy={'kind' in s && s.kind === 'loading'}
    >
      <h2 id="comparison-title">{t('compare.title')}</h2>
      {'kind' in s ? (
        <p role="status" class="comparison-note">
          {t(`compare.${s.kind}` as MessageKey)}
        </p>
      ) : (
        <Figures c={s} />
      )}
    </section>
  );
}

function Figures({ c }: { c: Comparison }) {
  return (
    <>
      <table class="comparison-table">
        <caption>{t('compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.colFigure')}</th>
            <th scope="col">{t('compare.colNow')}</th>
            <th scope="col">{t('compare.colProposed')}</th>
            <th scope="col">{t('compare.colDiff')}</th>
          </tr>
        </thead>
        <tbody>
          {comparisonRows(c).map((r) => (
            <tr key={r.key} data-figure={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.current}</td>
              <td>{r.proposed}</td>
              <td class={r.verdict ? `verdict-${r.verdict}` : undefined}>
                {r.diff}
                {r.verdict && (
                  <>
                    {' '}
                    <span aria-hidden="true">{SYMBOL[r.verdict]}</span> {t(`compare.${r.verdict}`)}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('compare.unplacedTitle', { n: c.unplaced.length })}</h3>
      {c.unplaced.length === 0 ? (
        <p class="comparison-note">{t('compare.unplacedNone')}</p>
      ) : (
        <table class="comparison-table comparison-unplaced">
          <caption>{t('compare.unplacedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.colWindow')}</th>
              <th scope="col">{t('compare.colProfession')}</th>
              <th scope="col">{t('compare.colDuration')}</th>
              <th scope="col">{t('compare.colStaffCount')}</th>
              <th scope="col">{t('compare.colReason')}</th>
            </tr>
          </thead>
          <tbody>
            {c.unplaced.map((u) => (
              <tr key={u.visitId} data-visit={u.visitId}>
                <td>{formatWindow(u.windowStart, u.windowEnd)}</td>
                <td>{t(`profession.${u.requiredProfession}` as MessageKey)}</td>
                <td>{formatDuration(u.durationMinutes * 60_000)}</td>
                <td>{t('compare.staffCount', { n: u.staffCount })}</td>
                <td>{t(`compare.reason.${u.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
