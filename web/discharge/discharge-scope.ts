/** The municipalities a discharge view follows: the one chosen, else all of the user's. */
import { session } from '../session/session.ts';

export const scopeOf = (municipality?: string): readonly string[] =>
  municipality ? [municipality] : (session.value?.user.municipalities ?? []);
