import type { Profession } from '../../db/reference/professions.ts';
import type { TaskType } from '../../db/reference/task-types.ts';
import { delegationApplies, delegationPeriod, holdsProfession } from '../domain/competence.ts';
import type { StaffRow } from './problem-rows.ts';

/**
 * Skill numbers of one problem: one per profession, and one per (delegable task, patient)
 * that some visit needs, because a delegation may name one patient. An RN holds them all
 * for the whole shift; an AN holds one only while a delegation covers it.
 */
export class SkillRegistry {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  readonly tasks: { skill: number; task: TaskType; patientId: string }[] = [];

  private get(name: string): { skill: number; created: boolean } {
    const found = this.index.get(name);
    if (found !== undefined) return { skill: found, created: false };
    const skill = this.names.push(name) - 1;
    this.index.set(name, skill);
    return { skill, created: true };
  }

  profession(p: Profession): number {
    return this.get(p).skill;
  }

  task(task: TaskType, patientId: string): number {
    const { skill, created } = this.get(`${task}@${patientId}`);
    if (created) this.tasks.push({ skill, task, patientId });
    return skill;
  }
}

const PROFESSION_SKILLS: Profession[] = ['rn', 'an', 'ot', 'pt', 'dietitian'];

/** Whole-shift skills and delegation windows of one caregiver, in problem seconds. */
export function caregiverSkills(
  s: StaffRow,
  skills: SkillRegistry,
  sec: (d: Date) => number,
): { whole: number[]; timed: { skill: number; from: number; to: number }[] } {
  const whole = PROFESSION_SKILLS.filter((p) => holdsProfession(s.profession, p)).map((p) =>
    skills.profession(p),
  );
  const timed: { skill: number; from: number; to: number }[] = [];
  if (s.profession === 'rn') {
    for (const t of skills.tasks) whole.push(t.skill);
    return { whole, timed };
  }
  if (s.profession !== 'an') return { whole, timed };
  for (const t of skills.tasks) {
    const periods = s.delegations
      .filter((d) => d.staffId === s.id && delegationApplies(d, t.task, t.patientId))
      .map(delegationPeriod)
      .filter((p) => p !== null)
      .map((p) => ({ from: sec(p.from), to: sec(p.to) }))
      .filter((p) => p.to > p.from)
      .sort((a, b) => a.from - b.from);
    // Back-to-back delegations form one window: the solver looks at one window per skill.
    for (const p of periods) {
      const last = timed.at(-1);
      if (last && last.skill === t.skill && p.from <= last.to) last.to = Math.max(last.to, p.to);
      else timed.push({ skill: t.skill, ...p });
    }
  }
  return { whole, timed };
}
