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
    key: z.string().regex(/^[A-Z][A-Z0-9]{1,14}$/),
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

/** A region named in the news ("Latin America"): no actor, but its words name no country. */
export const Region = z
  .object({
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).default([]),
  })
  .strict();
export type Region = z.infer<typeof Region>;

/** What the package data lacks for a country (data/countries.yaml). */
export const CountryOverlay = z
  .object({
    iso3: Iso3,
    names: z.array(z.string().min(2)).default([]),
    adjectives: z.array(z.string().min(2)).default([]),
    /** Capitals, seats of government and their buildings, standing for the government (or the role given). */
    seats: z
      .array(
        z.union([
          z.string().min(2),
          z.object({ name: z.string().min(2), role: RoleCode }).strict(),
        ]),
      )
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

const CameoCode = z.string().regex(/^\d{2,4}$/, 'a CAMEO code is 2 to 4 digits');

/**
 * A verb or noun that triggers an event (data/events/*.yaml). A verb is written in its base
 * form and may carry a particle ("team up"); inflections are generated.
 */
export const EventPattern = z
  .object({
    verb: z.string().min(2).optional(),
    noun: z.string().min(2).optional(),
    /** Irregular forms of the verb (past, participle) that the generator does not know. */
    forms: z.array(z.string()).default([]),
    /** Nouns one of which must follow the verb closely ("cut ties", "impose sanctions"). */
    object: z.array(z.string()).optional(),
    /**
     * Where the target stands: after one of these words, where `object` is the verb's direct
     * object and `none` means the event has no target.
     */
    target: z.array(z.string()).optional(),
    code: CameoCode,
    /** The code when the source is a state (government, armed forces, police, country). */
    stateCode: CameoCode.optional(),
    /** Nouns that, right after the trigger, mean another sense ("struck a deal"). */
    except: z.array(z.string()).default([]),
    /** Meetings, calls, agreements: parties named together give one record per pair. */
    symmetric: z.boolean().default(false),
  })
  .strict()
  .refine((p) => (p.verb === undefined) !== (p.noun === undefined), {
    message: 'a pattern has exactly one of verb or noun',
  });
export type EventPattern = z.infer<typeof EventPattern>;

/** How a verb that takes another event as its complement changes that event (data/control.yaml). */
export const ControlEffect = z.enum([
  'intent',
  'threat',
  'reject',
  'appeal',
  'demand',
  'planned',
  'possible',
  'negated',
  'asserted',
  /** "accused X of attacking Y": the act is alleged and not coded. */
  'alleged',
]);
export type ControlEffect = z.infer<typeof ControlEffect>;

const RootMap = z.record(z.string().regex(/^\d{2}$/), CameoCode);

export const Control = z
  .object({
    /** Verbs and adjectives followed by "to" + verb or by a verb in -ing. */
    complement: z.array(z.object({ cue: z.string(), effect: ControlEffect }).strict()),
    /** Verbs whose object noun is the event ("held talks", "paid a visit"). */
    light: z.array(z.string()),
    /** Verbs of saying: the speaker of a reported event. */
    speech: z.array(z.string()),
    /** Roots whose verbs make an event even when the target is not named ("Iran threatened ..."). */
    openTarget: z.array(z.string().regex(/^\d{2}$/)).default([]),
    /** The code an effect gives, by the root of the event it governs; `default` otherwise. */
    codes: z.record(z.string(), RootMap.and(z.object({ default: CameoCode }))),
  })
  .strict();
export type Control = z.infer<typeof Control>;

/** Words that set modality around a trigger (data/modality.yaml). */
export const ModalityCues = z
  .object({
    /** Auxiliaries and phrases just before a verb. */
    before: z.record(z.string(), z.enum(['planned', 'possible', 'negated'])),
    /** Adjectives just before a noun trigger ("possible meeting"). */
    adjectives: z.record(z.string(), z.enum(['planned', 'possible', 'negated'])),
    /** Words anywhere in the clause that make it conditional ("if", "unless"). */
    conditional: z.array(z.string()),
    /** Time phrases that put the act in the future ("next week"). */
    future: z.array(z.string()),
    /** Phrases after a noun trigger that deny it happened ("is not on the calendar"). */
    deniedAfter: z.array(z.string()),
  })
  .strict();
export type ModalityCues = z.infer<typeof ModalityCues>;

/** Sentences about sport, markets or weather: conflict codes are not taken from them. */
export const Vetoes = z
  .object({
    words: z.array(z.string()),
    /** Codes (root prefixes) a veto word blocks. */
    roots: z.array(z.string().regex(/^\d{2}$/)),
  })
  .strict();
export type Vetoes = z.infer<typeof Vetoes>;
