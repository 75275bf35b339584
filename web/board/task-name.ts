/** A task type's Swedish (or English) name; an unknown type as it is rather than a crash. */
import { type MessageKey, t } from '../i18n/i18n.ts';
import { sv } from '../i18n/sv.ts';

export function taskName(taskType: string): string {
  const key = `task.${taskType}`;
  return key in sv ? t(key as MessageKey) : taskType;
}
