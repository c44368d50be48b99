import { US_STATE_ABBREVIATIONS } from "./places";
import { endAnchored } from "./regex";
/** Legal and organisational suffixes dropped from canonical names ("Renault SA" -> "Renault"). */
export const LEGAL_SUFFIXES = [
  "SA",
  "S.A.",
  "AG",
  "NV",
  "N.V.",
  "SE",
  "SpA",
  "S.p.A.",
  "plc",
  "PLC",
  "Plc",
  "Inc",
  "Inc.",
  "Incorporated",
  "Corp",
  "Corp.",
  "Corporation",
  "Co",
  "Co.",
  "Cos",
  "Cos.",
  "Company",
  "Ltd",
  "Ltd.",
  "Limited",
  // Quebec's "Limitée", with or without its accent.
  "Ltee",
  "Ltée",
  // "Kabushiki Kaisha" written after the name ("Corvan Shoji Kaisha").
  "Kaisha",
  "LLC",
  "LP",
  "L.P.",
  "L.P",
  "LLP",
  "GmbH",
  "KGaA",
  "KG",
  "SAS",
  "SARL",
  "Srl",
  "S.r.l.",
  "K.K.",
  "AB",
  "ASA",
  "A/S",
  "Oyj",
  "Oy",
  // Finland's Swedish-language forms ("Oy Kallio Ab").
  "Ab",
  "Abp",
  "Pty",
  "Bhd",
  "Berhad",
  "BV",
  "Group",
  // A share class written after the name ("Media Corp Class A") names no other company.
  "Class A",
  "Class B",
];

/**
 * Last words of organisations' names, kept in the name ("Merriden Holdings") and never a person's family name, so
 * "said Hulvarde Holdings" is a company however it is introduced.
 */
export const ORGANISATION_HEADS = new Set(
  `Holdings Holding Partners Capital Industries Investments Investment Ventures Associates Enterprises Securities
  Trust Fund Funds Bank Bancorp Financial Insurance Assurance Management Resources Group Technologies Systems
  Communications Airlines Airways Motors Foods Brands Pharmaceuticals Laboratories Energy Petroleum Telecom`.split(
    /\s+/,
  ),
);

/** "Ostrel Foundation", "Corvan Pension Fund": a body named after a company or family that is not that company. */
export const SEPARATE_BODIES = new Set(["Foundation", "Trust", "Fund", "Stiftung", "Foundations", "Charity"]);

/** Nouns that refer back to a company already named ("the carmaker", "its partner"). */
export const COMPANY_NOUNS = [
  "company",
  "firm",
  "group",
  "carmaker",
  "automaker",
  "car maker",
  "car manufacturer",
  "manufacturer",
  "maker",
  "retailer",
  "bank",
  "lender",
  "insurer",
  "airline",
  "carrier",
  "operator",
  "giant",
  "partner",
  "chain",
  "brewer",
  "producer",
  "supplier",
  "conglomerate",
  "business",
  "broadcaster",
  "publisher",
  "network",
  "telecoms firm",
  "utility",
  "miner",
  "chipmaker",
  "drugmaker",
  "newcomer",
  "club",
  "rival",
  "builder",
  "housebuilder",
  "shipbuilder",
  "distiller",
  "grocer",
  "developer",
  "designer",
  "provider",
  "miner",
  "refiner",
  "distributor",
  "wholesaler",
  "exporter",
  "vendor",
];

/** A noun made of what a company makes and "maker" ("the truckmaker", "the toymaker") refers back as one listed does. */
export const MAKER_NOUN = String.raw`[a-z]{3,}maker`;

/** Capitalised words that never start or make up a company name on their own. */
export const NOT_COMPANY_WORDS = new Set(
  `A An The This That These Those It Its Their They He She We I You Our His Her But And Or So Yet If When While Although Though
  However Meanwhile Moreover Furthermore Also Already After Before During Since Until As At By For From In Into Of On Over To With
  Under Despite Through Across Against Among Amid Between Beyond Without Within Via Analysts Analyst Shares Sales Revenue Revenues Profits Profit Earnings Chief Executive Officer Chairman President
  Mr Mrs Ms Dr Sir Professor Prof Lord Lady CEO CFO Minister Prime Secretary Government Ministry Department Commission Parliament Congress Senate
  Court Police Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
  October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tomorrow Last Next First Second Third
  Fourth Year Years Quarter Half Market Markets Stock Exchange Index There Here Where What Which Who Why How Some Many Most All
  Both Each Every Other Another Such No Not Now Then Earlier Later Eventually Currently Together According Sources Source
  Europe European Asia Asian America American Africa African World Global International National North South East West Western
  Eastern Northern Southern Central New Old Street Road City Town Business Economy Trade Officials Investors Shareholders Unions
  Union Workers Consumers Customers Central Federal Reserve Treasury State States Dollar Euro Pound Yen Group Inc Corp Ltd Co
  Plc PLC SA AG Friday's Monday's Tuesday's Wednesday's Thursday's Saturday's Sunday's Q1 Q2 Q3 Q4 H1 H2 FY US UK EU UN IMF OECD
  Opec OPEC WTO GDP Christmas Easter Thanksgiving Ramadan Olympics Internet Web Worldwide Globally Exports Imports Between
  Domestic Overseas Abroad Shipments Deliveries Registrations Scotch Whisky HK EV EVs DIY VCR VCRs PC PCs TV TVs LCD LED
  SUV SUVs LNG CD CDs DVD DVDs GPS
  Analysts' Spokesman Spokeswoman Director Managing Finance Economics Economist Economists Trading Sector Industry R&D IT AI PC TV CD DVD
  LCD LED OLED GPS SUV SUVs MP3 3G 4G 5G Rival Rivals Partner Partners Unit Subsidiary Parent Carmaker Automaker
  Retailer Insurer Lender Airline Giant Firm Company Conglomerate Brewer Chipmaker Supermarket Shareholder Investor Owner
  Entrepreneur Financier Billionaire Tycoon Founder Activist Dissident Businessman Businesswoman Heir Heiress
  NaN Infinity Inf N/A
  H.K H.K. N.Z N.Z. U.S U.S. U.K U.K. IPO IPOs EC EEC Comecon ASEAN Mercosur
  Housebuilder Homebuilder Builder Discounter Founder Founders Chipmaker Drugmaker Miner Brewer Broadcaster Publisher
  Toymaker Steelmaker Planemaker Truckmaker Tyremaker Tiremaker Watchmaker Papermaker Glassmaker Winemaker Jetmaker
  Phonemaker Handsetmaker Automakers Carmakers Chipmakers Drugmakers Toymakers Steelmakers Confectioner Distiller
  Jeweller Jeweler Bookseller Grocer Caterer Shipbuilder Shipowner Bottler Insurers Retailers Brewers Distillers
  Carrier Operator Supplier Producer Leader Maker Executives Directors Managers Bankers Traders Regulators Lawyers Critics
  Observers Employees Staff Executive Management Board Separately Elsewhere Additionally Overall Nonetheless
  Nevertheless Likewise Similarly Previously Recently Instead Still Indeed Notably Finally Importantly Specifically Thus
  Hence Regardless Financial Operating Marketing Big High Streets
  Net Shr Shrs Revs Oper Avg Qtr Mths Pretax Note NOTE Div Dividend Loss Turnover Backlog Assets Deposits Loans`
    .split(/\s+/)
    // "Saddlebrook, N.J.": a state is no name, with its stop or without.
    .concat(US_STATE_ABBREVIATIONS.flatMap((x) => [x, x.replace(/\.$/, "")])),
);

/**
 * Public bodies that are never a company: regulators, central banks, statistics offices, courts of trade. Their
 * words are capitalised like a company's ("the Securities and Exchange Commission"), so they are named here.
 */
export const INSTITUTIONS = [
  "Securities and Exchange Commission",
  "Federal Trade Commission",
  "Federal Communications Commission",
  "Federal Reserve Board",
  "Federal Reserve",
  "Federal Deposit Insurance Corp",
  "Interstate Commerce Commission",
  "Justice Department",
  "Department of Justice",
  "Commerce Department",
  "Department of Commerce",
  "Labor Department",
  "Treasury Department",
  "Census Bureau",
  "Bureau of Labor Statistics",
  "Office for National Statistics",
  "Office of Fair Trading",
  "Competition Commission",
  "Monopolies and Mergers Commission",
  "Competition and Markets Authority",
  "Financial Conduct Authority",
  "Financial Services Authority",
  "European Commission",
  "European Central Bank",
  "Bank of England",
  "Bank of Japan",
  "Bank of Canada",
  "Bank of France",
  "Reserve Bank of Australia",
  "Reserve Bank of India",
  "Reserve Bank of New Zealand",
  "People's Bank of China",
  "Bundesbank",
  "Bundeskartellamt",
  "International Monetary Fund",
  "Organisation for Economic Co-operation and Development",
  "Organization for Economic Cooperation and Development",
  "Organisation for Economic Cooperation and Development",
  "World Bank",
  "Ministry of Finance",
  "Ministry of International Trade and Industry",
  "Finance Ministry",
  "Trade Ministry",
  "Tokyo Stock Exchange",
  "New York Stock Exchange",
  "London Stock Exchange",
  "Stock Exchange",
  "Hart-Scott-Rodino",
];

/** Stock indices, named like companies but never one ("S&P 500 companies' revenue grew 5%"). */
export const STOCK_INDICES = [
  "S&P 500",
  "S&P",
  "Standard & Poor's 500",
  "Dow Jones Industrial Average",
  "Dow Jones",
  "Dow",
  "Nasdaq Composite",
  "Nasdaq 100",
  "FTSE 100",
  "FTSE 250",
  "FTSE",
  "Nikkei 225",
  "Nikkei",
  "DAX",
  "CAC 40",
  "Hang Seng",
  "Stoxx 600",
  "Euro Stoxx 50",
  "Russell 2000",
  "Topix",
];

/** Last words of a public body's name: "Yantai State Asset Management Bureau" is the bureau, not the city. */
export const BODY_NOUNS = new Set(
  "Bureau Ministry Agency Commission Authority Council Government Office Administration Fund Board Department".split(
    " ",
  ),
);

/** Job titles that stand between a company's name and a person's ("Corvan Chairman Tom Keane"). */
export const TITLE_WORDS = new Set(
  "Chairman Chairwoman Chair President Chief Executive Officer Director Founder Vice Treasurer Secretary Spokesman Spokeswoman CEO CFO COO Head Partner Governor Minister Analyst Economist".split(
    " ",
  ),
);

/** Short words of names that a headline in capitals spells as words, not abbreviations ("AMERICAN OIL AND GAS"). */
export const SHORT_NAME_WORDS = new Set(
  "and of the for oil gas new air sea bay sun one two art car bus van mid top big far old inn hut key way web net dry".split(
    " ",
  ),
);

/** Countries and regions with their adjectives, for markets ("the Russian market" -> "Russia"). */
export const PLACES: Record<string, string> = {
  russian: "Russia",
  russia: "Russia",
  chinese: "China",
  china: "China",
  japanese: "Japan",
  japan: "Japan",
  indian: "India",
  india: "India",
  american: "US",
  us: "US",
  "u.s.": "US",
  "united states": "US",
  america: "US",
  "north american": "North America",
  "north america": "North America",
  british: "UK",
  uk: "UK",
  "united kingdom": "UK",
  britain: "UK",
  european: "Europe",
  europe: "Europe",
  eu: "EU",
  german: "Germany",
  germany: "Germany",
  french: "France",
  france: "France",
  italian: "Italy",
  italy: "Italy",
  spanish: "Spain",
  spain: "Spain",
  korean: "South Korea",
  "south korean": "South Korea",
  "south korea": "South Korea",
  brazilian: "Brazil",
  brazil: "Brazil",
  canadian: "Canada",
  canada: "Canada",
  australian: "Australia",
  australia: "Australia",
  mexican: "Mexico",
  mexico: "Mexico",
  asian: "Asia",
  asia: "Asia",
  global: "World",
  world: "World",
  worldwide: "World",
  swiss: "Switzerland",
  dutch: "Netherlands",
  swedish: "Sweden",
  turkish: "Turkey",
  polish: "Poland",
  irish: "Ireland",
  "south african": "South Africa",
  "latin american": "Latin America",
  domestic: "domestic",
};

/** Words for how many firms a joint subject has ("the three firms"). */
export const GROUP_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, both: 2 };

/** Wire services and news agencies, which articles quote as a source ("told Reuters"). */
export const NEWS_AGENCIES = ["Reuters", "Bloomberg", "AFP", "AP", "Dow Jones", "Kyodo", "Xinhua", "Interfax", "Tass"];

/**
 * Words for a kind of business, in other languages, that open a name whose last word the article also writes
 * alone ("Verrerie Maubrac" and then "Maubrac", "Aceros Bidasoa" and then "Bidasoa"): the last word is the name.
 */
export const FOREIGN_BUSINESS_WORDS = new Set([
  "aceros",
  "aciéries",
  "acieries",
  "acciaierie",
  "banco",
  "banque",
  "brasserie",
  "brauerei",
  "cementos",
  "cerveceria",
  "cervecería",
  "compagnie",
  "companhia",
  "compania",
  "compañía",
  "generale",
  "générale",
  "grupo",
  "gruppo",
  "groupe",
  "industrias",
  "industrie",
  "laboratoires",
  "pivovar",
  "société",
  "societe",
  "verrerie",
  "seguros",
  "assicurazioni",
  "mutuelle",
  "assurances",
  "versicherung",
  "caixa",
  "caja",
  "cassa",
  "crédit",
  "credito",
  "banca",
  "bank",
  "editions",
  "éditions",
  "editorial",
  "editora",
  "transportes",
  "aerolineas",
  "aerolíneas",
  "linhas",
  "telecomunicações",
  "telecomunicaciones",
  "construcciones",
  "constructora",
  "laboratorios",
  "distribuidora",
  "fabrica",
  "fábrica",
  "koninklijke",
  "brouwerij",
  "maatschappij",
]);

/** Legal forms written before a name, in capitals ("NV DSM", "PT Astra", "STE FRANCAISE DES PETROLES"). */
export const LEADING_LEGAL_FORMS = new Set([
  "NV",
  "N.V.",
  "PT",
  "OAO",
  "ZAO",
  "OOO",
  "PJSC",
  "JSC",
  "STE",
  "SOCIETE",
  "SOC",
  // Nordic forms before the name ("AB Halden", "Oy Kallio Ab").
  "AB",
  "Oy",
  "Oyj",
]);

/**
 * "The maker of Halsey's loaves and Corvan cakes", "whose brands include Ostrel and Brune": names of what a company
 * makes or sells under, not of a company the figures can belong to.
 */
export const PRODUCT_BEFORE = endAnchored(
  /\b(?:makes|making|brews|brewed|distils|distills|makers?\s+of|producers?\s+of|brewers?\s+of|distillers?\s+of|brands?\s+(?:include|including|such\s+as|like)|labels?\s+(?:include|including|such\s+as))\s+(?:the\s+)?(?:(?!said\b|says\b|which\b|who\b)[\w'’.-]+,?\s+){0,5}$/i,
);

/**
 * Words that open a firm's name in other languages and mean no more than "house", "bank", "works" or "company"
 * ("Chimie de Corvan", "Bodegas Ostrel"): the article may go on to write the name without them.
 */
export const FOREIGN_FIRM_WORDS = new Set([
  ...["Maison", "Compagnie", "Cie", "Societe", "Société", "Banque", "Banco", "Banca", "Caisse", "Groupe", "Grupo"],
  ...["Casa", "Bodegas", "Aerolinhas", "Aerolineas", "Browar", "Calzaturificio", "Biscuiteries", "Chimie"],
  ...["Farbwerke", "Brasserie", "Brasseries", "Cantina", "Cementos", "Industrias", "Laboratorios", "Laboratoires"],
  ...["Editions", "Éditions", "Verreries", "Papeteries", "Ateliers", "Etablissements", "Établissements"],
  ...["Financiere", "Financière", "Compania", "Compañía", "Companhia", "Fabrica", "Fábrica", "Officine"],
  ...["Cartiere", "Fonderie", "Acciaierie", "Distillerie", "Cervecería", "Cerveceria", "Cervejaria", "Brouwerij"],
]);
/** Small words inside a firm's name in other languages ("Compagnie Generale de Corvan"). */
export const NAME_PARTICLES = new Set(["de", "du", "des", "della", "di", "del", "da", "do", "dos", "das"]);
