/** Nouns for a business that belongs to a larger company ("its Corvan Life insurance arm"). */
export const DIVISION_NOUNS = [
  "arm",
  "unit",
  "division",
  "subsidiary",
  "affiliate",
  "business",
  "offshoot",
  "operation",
  "operations",
  "brand",
  "label",
  "chain",
  "network",
];

/** Nouns for a company's products, whose sales are the company's ("anti-depressant Zelvox", "marques"). */
export const PRODUCT_NOUNS = [
  "brand",
  "brands",
  "marque",
  "marques",
  "label",
  "labels",
  "drug",
  "drugs",
  "medicine",
  "medicines",
  "anti-depressant",
  "anti-depressants",
  "antidepressant",
  "antidepressants",
  "painkiller",
  "painkillers",
  "treatment",
  "vaccine",
  "model",
  "models",
  "product",
  "products",
  "game",
  "console",
  "handset",
  "phone",
  "service",
  "network",
];

/** Words before a name that make it the owner of what came before ("profits at parent Corvan"). */
export const PARENT_NOUNS = ["parent", "parent company", "parent group", "owner", "owners", "holding company"];
