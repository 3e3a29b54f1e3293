import type { Dictionaries } from '../../dictionaries/index.js';
import type { Person, PersonRole, Title } from '../../dictionaries/schemas.js';

/**
 * Who held an office on a day: "the German chancellor" on 2024-07-01 is Olaf Scholz. Without a
 * date, the latest holder.
 * @example officeHolder(dict, 'DEU', 'chancellor', '2024-07-01')?.id // 'olaf-scholz'
 */
export function officeHolder(
  dict: Dictionaries,
  holder: string,
  title: Title,
  day: string | null,
): Person | null {
  const terms = dict.offices.get(`${holder}:${title}`);
  if (!terms || terms.length === 0) return null;
  if (!day) {
    const open = terms.filter((t) => t.to === undefined);
    return (open[open.length - 1] ?? terms[terms.length - 1])?.person ?? null;
  }
  let found: Person | null = null;
  for (const t of terms) if (t.from <= day && (t.to === undefined || day < t.to)) found = t.person;
  return found;
}

/**
 * The role a person held on a day; without a date, the latest. `former` when none was held then.
 * @example personRole(putin, '2024-07-25') // { role: { country: 'RUS', title: 'president', ... }, former: false }
 */
export function personRole(
  person: Person,
  day: string | null,
): { role: PersonRole; former: boolean } | null {
  const roles = person.roles;
  if (roles.length === 0) return null;
  if (!day) {
    const current = roles.filter((r) => r.to === undefined);
    return {
      role: (current[current.length - 1] ?? roles[roles.length - 1]) as PersonRole,
      former: false,
    };
  }
  let best: PersonRole | undefined;
  for (const r of roles) if (r.from <= day && (r.to === undefined || day < r.to)) best = r;
  if (best) return { role: best, former: false };
  // Out of office on that day: the last role held before it, else the first.
  const before = roles.filter((r) => r.from <= day);
  return { role: (before[before.length - 1] ?? roles[0]) as PersonRole, former: true };
}
