// Sweden's municipalities and counties: look-up by SCB code and by any everyday or official form of the name.
import { COUNTY_ROWS, MUNICIPALITY_ROWS } from './municipality-data';

export interface County {
  code: string;
  name: string;
  shortName: string;
}

export interface Municipality {
  code: string;
  /** Official name, e.g. "Flens kommun". */
  name: string;
  /** Everyday name, e.g. "Flen". */
  shortName: string;
  county: County;
}

/** Names a municipality goes by besides "<short>" and "<short> kommun". */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  '0980': ['Region Gotland'],
};

export const COUNTIES: readonly County[] = COUNTY_ROWS.map(([code, name, shortName]) => ({ code, name, shortName }));
const countyByCode = new Map(COUNTIES.map((county) => [county.code, county]));

export const MUNICIPALITIES: readonly Municipality[] = MUNICIPALITY_ROWS.map(([code, name, shortName]) => ({
  code,
  name,
  shortName,
  county: countyByCode.get(code.slice(0, 2))!,
}));
const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): Municipality | undefined {
  return byCode.get(code);
}

/** The genitive of a Swedish name: "Nacka" → "Nackas", but "Borås" stays "Borås". */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** Every written form of a municipality's name: short, genitive, "… kommun", "… stad", official extras. */
export function nameForms(m: Municipality): string[] {
  const short = m.shortName;
  const gen = genitive(short);
  const forms = [short, gen, m.name, `${gen} kommun`, `${short} kommun`, `${gen} stad`, `${short} stad`, ...(EXTRA_NAMES[m.code] ?? [])];
  return [...new Set(forms)];
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
const byName = new Map<string, Municipality>();
for (const m of MUNICIPALITIES) for (const form of nameForms(m)) byName.set(normalise(form), m);

/** Finds a municipality by any form of its name, case-insensitively: "Nackas", "Flens kommun", "Malmö stad". */
export function municipalityByName(name: string): Municipality | undefined {
  return byName.get(normalise(name));
}

/** Municipalities whose names start with or contain the query, best first (for a search box). */
export function searchMunicipalities(query: string, limit = 20): Municipality[] {
  const q = normalise(query);
  if (!q) return MUNICIPALITIES.slice(0, limit);
  const starts = MUNICIPALITIES.filter((m) => normalise(m.shortName).startsWith(q) || m.code.startsWith(q));
  const contains = MUNICIPALITIES.filter((m) => !starts.includes(m) && normalise(m.name).includes(q));
  return [...starts, ...contains].slice(0, limit);
}
