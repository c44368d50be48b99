const MULTI_WORD_PLACES = [
  "Hong Kong",
  "New York",
  "New Delhi",
  "New Zealand",
  "South Africa",
  "South Korea",
  "Saudi Arabia",
  "United States",
  "United Kingdom",
  "Los Angeles",
  "San Francisco",
  "Sao Paulo",
  "Wall Street",
  "Middle East",
  "Far East",
  "Sri Lanka",
  "Czech Republic",
  "Buenos Aires",
  "Latin America",
  "North America",
  "South America",
  "Northern Ireland",
  "South Wales",
  "North Wales",
  "West Midlands",
  "East Anglia",
  "North Sea",
  "Silicon Valley",
  "Abu Dhabi",
  "Kuala Lumpur",
  "Tel Aviv",
  "Cape Town",
  "Puerto Rico",
  "Costa Rica",
  "Las Vegas",
  "San Diego",
];
/** Words of a two-word place that name a place on their own too; "United" or "New" alone name none. */
const PLACES_ALONE = new Set(["Africa", "Korea", "America", "Delhi", "Arabia"]);
const PIECES = new Set(MULTI_WORD_PLACES.flatMap((p) => p.split(" ")).filter((w) => !PLACES_ALONE.has(w)));

/** Place names that are written like company names; a capitalised span equal to one of these is a place. */
export const PLACE_NAMES = new Set(
  `Afghanistan Africa Algeria America Americas Amsterdam Argentina Asia Athens Australia Austria Bangalore Bangkok Beijing Belgium
  Berlin Bombay Brazil Britain Brussels Buenos Aires Cairo California Canada Chicago Chile China Colombia Delhi Denmark Detroit Dubai
  Dublin Egypt England Europe Finland France Frankfurt Geneva Germany Greece Hamburg Holland Hong Kong Hungary India Indonesia Iran
  Iraq Ireland Israel Italy Jakarta Japan Kenya Korea Kuwait Latin Lisbon London Los Angeles Madrid Malaysia Manila Mexico Milan
  Moscow Mumbai Munich Netherlands New Delhi New York New Zealand Nigeria Norway Osaka Pakistan Paris Peru Philippines Poland
  Portugal Qatar Rome Russia San Francisco Sao Paulo Saudi Arabia Scotland Seattle Seoul Shanghai Singapore South Africa South Korea
  Spain Stockholm Stuttgart Sweden Switzerland Sydney Taiwan Texas Thailand Tokyo Toronto Turkey Ukraine United States United
  Kingdom Vienna Vietnam Wales Washington Wall Street Yokohama Zurich Boulogne-Billancourt Siberia Venezuela Ohio Michigan Florida
  Wales Edinburgh Glasgow Manchester Birmingham Leeds Liverpool Ukraine Kazakhstan Nordic Scandinavia Gulf Middle East Far East
  Iceland Luxembourg Czech Republic Slovakia Romania Bulgaria Serbia Croatia Lithuania Latvia Estonia Belarus Georgia Armenia
  Morocco Tunisia Libya Ghana Ethiopia Zimbabwe Zambia Tanzania Uganda Angola Sudan Yemen Oman Bahrain Jordan Lebanon Syria
  Bangladesh Sri Lanka Nepal Burma Myanmar Cambodia Laos Mongolia Cuba Jamaica Ecuador Bolivia Uruguay Paraguay Panama Caribbean
  Britain's Europe's America's Asia's Japan's China's India's Russia's Germany's France's
  Houston Dallas Atlanta Boston Philadelphia Pittsburgh Cleveland Minneapolis Denver Miami Baltimore Cincinnati Milwaukee
  Indianapolis Nashville Sacramento Tulsa Omaha Montreal Vancouver Calgary Ottawa Melbourne Brisbane Auckland Johannesburg
  Lagos Nairobi Istanbul Warsaw Prague Budapest Oslo Copenhagen Helsinki Antwerp Rotterdam Lyon Marseille Turin Naples
  Barcelona Seville Bilbao Dusseldorf Düsseldorf Cologne Leipzig Dresden Bremen Hanover Nuremberg Basel Lausanne Taipei Kyoto
  Nagoya Busan Shenzhen Guangzhou Chengdu Wuhan Tianjin Chongqing Hangzhou Nanjing Chennai Hyderabad Kolkata Karachi Riyadh
  Doha Bogota Caracas Monterrey Liege Liège Ghent Lille Toulouse Bordeaux Strasbourg Genoa Florence Bologna Valencia
  Fiji Cyprus Malta Slovenia Brunei Mauritius Botswana Namibia Mozambique Senegal Algeria
  Alabama Alaska Arizona Arkansas Colorado Connecticut Delaware Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky
  Louisiana Maine Maryland Massachusetts Minnesota Mississippi Missouri Montana Nebraska Nevada Oklahoma Oregon
  Pennsylvania Tennessee Utah Vermont Virginia Wisconsin Wyoming Ontario Quebec Alberta Bavaria Catalonia Lombardy
  St. Louis St Louis St. Paul St Petersburg St. Petersburg Midlands Baltic Balkans Mediterranean Atlantic Hollywood`
    .split(/\n/)
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((w) => !PIECES.has(w))
    .concat(MULTI_WORD_PLACES),
);

/** Nationality adjectives and the demonym they stand for, used to resolve "the Japanese carmaker". */
export const NATIONALITIES: Record<string, string> = {
  "northern irish": "Northern Ireland",
  "north american": "North America",
  "south american": "South America",
  "latin american": "Latin America",
  "west german": "Germany",
  "east german": "Germany",
  czech: "Czech Republic",
  slovak: "Slovakia",
  hungarian: "Hungary",
  romanian: "Romania",
  scottish: "Scotland",
  welsh: "Wales",
  chilean: "Chile",
  egyptian: "Egypt",
  nigerian: "Nigeria",
  kenyan: "Kenya",
  thai: "Thailand",
  vietnamese: "Vietnam",
  indonesian: "Indonesia",
  malaysian: "Malaysia",
  philippine: "Philippines",
  emirati: "UAE",
  qatari: "Qatar",
  kuwaiti: "Kuwait",
  american: "US",
  "u.s.": "US",
  us: "US",
  british: "UK",
  uk: "UK",
  french: "France",
  german: "Germany",
  japanese: "Japan",
  chinese: "China",
  russian: "Russia",
  indian: "India",
  italian: "Italy",
  spanish: "Spain",
  korean: "Korea",
  "south korean": "Korea",
  swiss: "Switzerland",
  dutch: "Netherlands",
  swedish: "Sweden",
  finnish: "Finland",
  norwegian: "Norway",
  danish: "Denmark",
  canadian: "Canada",
  australian: "Australia",
  brazilian: "Brazil",
  mexican: "Mexico",
  irish: "Ireland",
  belgian: "Belgium",
  austrian: "Austria",
  turkish: "Turkey",
  polish: "Poland",
  taiwanese: "Taiwan",
  singaporean: "Singapore",
  saudi: "Saudi Arabia",
  "saudi arabian": "Saudi Arabia",
  "south african": "South Africa",
  israeli: "Israel",
  greek: "Greece",
  portuguese: "Portugal",
  argentine: "Argentina",
  "hong kong": "Hong Kong",
  "anglo-dutch": "Netherlands",
  european: "Europe",
  asian: "Asia",
  scandinavian: "Scandinavia",
  nordic: "Nordic countries",
  african: "Africa",
  "middle eastern": "Middle East",
  "us-based": "US",
  "uk-based": "UK",
  slovenian: "Slovenia",
  croatian: "Croatia",
  serbian: "Serbia",
  bulgarian: "Bulgaria",
  ukrainian: "Ukraine",
  estonian: "Estonia",
  latvian: "Latvia",
  lithuanian: "Lithuania",
  icelandic: "Iceland",
  cypriot: "Cyprus",
  maltese: "Malta",
  belarusian: "Belarus",
  kazakh: "Kazakhstan",
  uzbek: "Uzbekistan",
  "new zealand": "New Zealand",
  pakistani: "Pakistan",
  bangladeshi: "Bangladesh",
  "sri lankan": "Sri Lanka",
  iranian: "Iran",
  iraqi: "Iraq",
  jordanian: "Jordan",
  lebanese: "Lebanon",
  omani: "Oman",
  bahraini: "Bahrain",
  moroccan: "Morocco",
  algerian: "Algeria",
  tunisian: "Tunisia",
  ghanaian: "Ghana",
  ethiopian: "Ethiopia",
  colombian: "Colombia",
  peruvian: "Peru",
  venezuelan: "Venezuela",
  argentinian: "Argentina",
  uruguayan: "Uruguay",
  cuban: "Cuba",
  bavarian: "Germany",
};

/** Country names as their possessive is written ("Japan's Suzuki") mapped to the same key as NATIONALITIES. */
export const COUNTRY_KEYS: Record<string, string> = {
  "west germany": "Germany",
  "east germany": "Germany",
  "soviet union": "Russia",
  japan: "Japan",
  germany: "Germany",
  france: "France",
  china: "China",
  russia: "Russia",
  india: "India",
  italy: "Italy",
  spain: "Spain",
  korea: "Korea",
  "south korea": "Korea",
  britain: "UK",
  uk: "UK",
  us: "US",
  america: "US",
  switzerland: "Switzerland",
  sweden: "Sweden",
  netherlands: "Netherlands",
  canada: "Canada",
  australia: "Australia",
  brazil: "Brazil",
  mexico: "Mexico",
  taiwan: "Taiwan",
  "saudi arabia": "Saudi Arabia",
};

/** US states written out after a city ("a Toledo, Ohio, maker"). */
export const US_STATE_NAMES =
  `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
  Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
  Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming`
    .split(/\s+/)
    .concat(["New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island"])
    .concat(["South Carolina", "South Dakota", "West Virginia"]);

/** US states as the newswire abbreviates them after a city ("Saddlebrook, N.J."). */
export const US_STATE_ABBREVIATIONS = [
  "N.J.",
  "N.Y.",
  "N.H.",
  "N.M.",
  "N.C.",
  "N.D.",
  "S.C.",
  "S.D.",
  "R.I.",
  "D.C.",
  "W.Va.",
  "Ala.",
  "Ariz.",
  "Ark.",
  "Calif.",
  "Colo.",
  "Conn.",
  "Del.",
  "Fla.",
  "Ga.",
  "Ill.",
  "Ind.",
  "Kan.",
  "Ky.",
  "La.",
  "Md.",
  "Mass.",
  "Mich.",
  "Minn.",
  "Miss.",
  "Mo.",
  "Mont.",
  "Neb.",
  "Nev.",
  "Okla.",
  "Ore.",
  "Pa.",
  "Tenn.",
  "Tex.",
  "Va.",
  "Vt.",
  "Wash.",
  "Wis.",
  "Wyo.",
];
