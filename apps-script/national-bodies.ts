// Names the national bodies a national request addresses (IVO, SKL, Migrationsverket, …) when its text names them.

const BODIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['IVO', /\bIVO\b|Inspektionen för vård och omsorg/u],
  ['SKL', /\bSKL\b|\bSKR\b|Sveriges Kommuner och (?:Landsting|Regioner)/u],
  ['Migrationsverket', /Migrationsverket/u],
  ['SIS', /\bSIS\b|Statens institutionsstyrelse/u],
  ['Socialstyrelsen', /Socialstyrelsen/u],
  ['Arbetsförmedlingen', /Arbetsförmedlingen/u],
  ['Försäkringskassan', /Försäkringskassan/u],
  ['Skolverket', /Skolverket/u],
  ['Polisen', /\b[Pp]olisen\b|Polismyndigheten/u],
  ['Socialdepartementet', /Socialdepartementet/u],
  ['Länsstyrelsen', /[Ll]änsstyrelsen/u],
  ['Regeringen', /\b[Rr]egeringen\b|Regeringskansliet/u],
  ['Riksdagen', /\b[Rr]iksdagen\b/u],
];

/** The bodies named in a text, in a fixed order, each once. */
export function nationalBodies(text: string): string[] {
  return BODIES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
