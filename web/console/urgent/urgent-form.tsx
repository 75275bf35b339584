import type { Signal } from '@preact/signals';
import { t } from '../../i18n/i18n.ts';
import type { FieldErrors, TaskName, UrgentDraft } from './draft.ts';
import { PatientSearch } from './patient-search.tsx';

/** Every task, the kinds of urgent call first (a record so a new task cannot be missed). */
const TASK_ORDER: Record<TaskName, true> = {
  catheter_change: true,
  catheter_rinse: true,
  sampling: true,
  injection: true,
  nursing_assessment: true,
  palliative_care: true,
  wound_dressing: true,
  insulin_pen: true,
  lift_assist: true,
  personal_care: true,
  supervision: true,
  stoma_care: true,
  dose_dispensing: true,
  tube_feeding: true,
  mobility_assessment: true,
  aids_assessment: true,
  home_adaptation: true,
  rehab_training: true,
  nutrition_assessment: true,
};
const TASKS = Object.keys(TASK_ORDER) as TaskName[];

/** The urgent call: patient, tasks, priority, duration, two-person. Errors beside each field. */
export function UrgentForm({
  draft,
  errors,
  other,
  busy,
  municipality,
  onSubmit,
}: {
  draft: Signal<UrgentDraft>;
  errors: FieldErrors;
  other: string[];
  busy: boolean;
  municipality: string;
  onSubmit: () => void;
}) {
  const d = draft.value;
  const set = (patch: Partial<UrgentDraft>) => (draft.value = { ...draft.value, ...patch });
  const toggleTask = (task: TaskName, on: boolean) =>
    set({ taskTypes: on ? [...d.taskTypes, task] : d.taskTypes.filter((x) => x !== task) });
  const described = (field: keyof FieldErrors) =>
    errors[field] ? { 'aria-describedby': `urgent-${field}-error` } : {};
  const fieldError = (field: keyof FieldErrors) =>
    errors[field] && (
      <p id={`urgent-${field}-error`} class="field-error">
        {errors[field]}
      </p>
    );
  return (
    <form
      class="urgent-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <PatientSearch
        inputId="urgent-patient"
        municipality={municipality}
        value={d.patient}
        onChange={(patient) => set({ patient })}
        error={errors.patientId}
      />
      <fieldset
        class="field tasks"
        aria-invalid={errors.taskTypes ? 'true' : undefined}
        {...described('taskTypes')}
      >
        <legend>{t('urgent.tasks')}</legend>
        {fieldError('taskTypes')}
        <div class="task-grid">
          {TASKS.map((task) => (
            <label key={task} class="choice">
              <input
                type="checkbox"
                checked={d.taskTypes.includes(task)}
                onChange={(e) => toggleTask(task, e.currentTarget.checked)}
              />
              {t(`task.${task}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="urgent-row">
        <fieldset class="field" {...described('priority')}>
          <legend>{t('urgent.priority')}</legend>
          {(['urgent1', 'urgent2'] as const).map((p) => (
            <label key={p} class="choice">
              <input
                type="radio"
                name="urgent-priority"
                checked={d.priority === p}
                onChange={() => set({ priority: p })}
              />
              {t(`urgent.${p}`)}
            </label>
          ))}
          {fieldError('priority')}
        </fieldset>
        <div class="field">
          <label for="urgent-duration">{t('urgent.duration')}</label>
          <input
            id="urgent-duration"
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            value={d.durationMinutes}
            aria-invalid={errors.durationMinutes ? 'true' : undefined}
            {...described('durationMinutes')}
            onInput={(e) => set({ durationMinutes: e.currentTarget.value })}
          />
          {fieldError('durationMinutes')}
        </div>
        <div class="field">
          <label class="choice">
            <input
              type="checkbox"
              checked={d.twoStaff}
              {...described('staffCount')}
              onChange={(e) => set({ twoStaff: e.currentTarget.checked })}
            />
            {t('urgent.twoStaff')}
          </label>
          {fieldError('staffCount')}
        </div>
      </div>
      {other.length > 0 && (
        <div class="field-error" role="alert">
          {other.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('urgent.sending') : t('urgent.submit')}
      </button>
    </form>
  );
}
