import { z } from 'zod';

/** A calendar day, YYYY-MM-DD. */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** ISO 3166-1 alpha-3 code. */
export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');

/** Sector/role codes used after the country or organisation block. */
export const RoleCode = z.enum([
  'GOV', // executive government, ministries, officials
  'MIL', // armed forces
  'COP', // police, security services
  'SPY', // intelligence
  'OPP', // political opposition
  'REB', // armed rebels, insurgents, militants
  'CVL', // civilians, protesters, citizens
  'JUD', // courts, judges, prosecutors
  'LEG', // parliaments, lawmakers
  'MED', // media
  'BUS', // business
  'REF', // refugees, displaced people
  'HLH', // health workers
  'EDU', // students, universities
  'LAB', // unions, workers
  'PTY', // political parties
  'ELI', // former officials, elites
]);
export type RoleCode = z.infer<typeof RoleCode>;

/** Offices that people hold; role phrases name them. */
export const Title = z.enum([
  'president',
  'vice-president',
  'prime-minister',
  'chancellor',
  'king',
  'queen',
  'emir',
  'sultan',
  'crown-prince',
  'supreme-leader',
  'foreign-minister',
  'defence-minister',
  'spokesperson',
  'secretary-general',
  'commission-president',
  'council-president',
  'high-representative',
  'director-general',
  'managing-director',
  'executive-director',
  'commission-chair',
]);
export type Title = z.infer<typeof Title>;

/** One dated office: of a country or of an organisation. */
export const PersonRole = z
  .object({
    country: Iso3.optional(),
    org: z.string().min(2).optional(),
    title: Title,
    from: IsoDay,
    to: IsoDay.optional(),
  })
  .strict()
  .refine((r) => (r.country === undefined) !== (r.org === undefined), {
    message: 'a role names exactly one of country or org',
  });
export type PersonRole = z.infer<typeof PersonRole>;

/** A person with aliases and dated roles (data/people/*.yaml). */
export const Person = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case ascii'),
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).default([]),
    roles: z.array(PersonRole).min(1),
  })
  .strict();
export type Person = z.infer<typeof Person>;

/** An intergovernmental or non-governmental organisation (data/organisations.yaml). */
export const Organisation = z
  .object({
    key: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/),
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).default([]),
    kind: z.enum(['IGO', 'NGO', 'IMG', 'NAT']),
    /** National groups (kind NAT, e.g. Hamas) are coded as country + role. */
    country: Iso3.optional(),
    role: RoleCode.optional(),
    /** Seat, used as the place of events "at the headquarters". */
    seat: z.string().optional(),
  })
  .strict();
export type Organisation = z.infer<typeof Organisation>;

/** What the package data lacks for a country (data/countries.yaml). */
export const CountryOverlay = z
  .object({
    iso3: Iso3,
    names: z.array(z.string().min(2)).default([]),
    adjectives: z.array(z.string().min(2)).default([]),
    /** Capitals, seats of government and their buildings, standing for the government (or the role given). */
    seats: z
      .array(z.union([z.string().min(2), z.object({ name: z.string().min(2), role: RoleCode }).strict()]))
      .default([]),
    /** Names that must not be read as this country (e.g. too ambiguous). */
    drop: z.array(z.string()).default([]),
  })
  .strict();
export type CountryOverlay = z.infer<typeof CountryOverlay>;

/** A role phrase: words naming a sector or an office (data/roles.yaml). */
export const RolePhrase = z
  .object({
    phrase: z.string().min(2),
    role: RoleCode,
    title: Title.optional(),
    plural: z.boolean().default(false),
  })
  .strict();
export type RolePhrase = z.infer<typeof RolePhrase>;

export const QuadClass = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** One row of the CAMEO table (data/cameo.yaml). */
export const CameoEntry = z
  .object({
    code: z.string().regex(/^\d{2,4}$/),
    label: z.string().min(2),
    goldstein: z.number().min(-10).max(10),
    quad: QuadClass,
    plover: z.string().regex(/^[A-Z]+$/),
    mode: z.string().nullable().default(null),
  })
  .strict();
export type CameoEntry = z.infer<typeof CameoEntry>;
