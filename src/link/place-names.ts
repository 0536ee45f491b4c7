/**
 * Names of places and of news media, as public knowledge: the Dutch municipalities (the 342 of
 * 2024 and the names of municipalities merged since 2015, which letters and newspapers still use),
 * the Flemish municipalities (before and after the mergers of 2019 and 2025), the provinces of
 * both countries and the Dutch regions that letters name, and Dutch and Flemish newspapers and
 * broadcasters. Written from knowledge, not from any gold set.
 *
 * A council question names its own or another municipality ("De gemeente Utrecht ...", "in
 * Alkmaar", "de Alkmaarse woningcorporaties") and the newspaper its preamble quotes ("in het
 * Reformatorisch Dagblad"); neither is what the answer is about, and a corpus that mentions
 * Utrecht once ranks that passage for any question that names it. query.ts weighs such names
 * down (NAME_WEIGHT). A name counts only as written with a capital; a name that is also an
 * everyday word ("Buren", "Best", "Geel", "Boom") only where the capital is not the sentence's.
 */
import type { Token } from './tokenize.js';

const DUTCH_MUNICIPALITIES = `
Eemsdelta, Groningen, Het Hogeland, Midden-Groningen, Oldambt, Pekela, Stadskanaal, Veendam, Westerkwartier, Westerwolde,
Appingedam, Delfzijl, Loppersum, Hoogezand-Sappemeer, Menterwolde, Slochteren, Bedum, De Marne, Eemsmond, Winsum, Haren,
Ten Boer, Grootegast, Leek, Marum, Zuidhorn, Vlagtwedde, Bellingwedde, Oldambt,
Achtkarspelen, Ameland, Dantumadiel, De Fryske Marren, Harlingen, Heerenveen, Leeuwarden, Noardeast-Fryslân, Ooststellingwerf,
Opsterland, Schiermonnikoog, Smallingerland, Súdwest-Fryslân, Terschelling, Tytsjerksteradiel, Vlieland, Waadhoeke,
Weststellingwerf, Dongeradeel, Ferwerderadiel, Kollumerland, Littenseradiel, Menameradiel, Franekeradeel, Het Bildt,
Leeuwarderadeel, Sneek, Drachten, Franeker,
Aa en Hunze, Assen, Borger-Odoorn, Coevorden, De Wolden, Emmen, Hoogeveen, Meppel, Midden-Drenthe, Noordenveld, Tynaarlo,
Westerveld,
Almelo, Borne, Dalfsen, Deventer, Dinkelland, Enschede, Haaksbergen, Hardenberg, Hellendoorn, Hengelo, Hof van Twente, Kampen,
Losser, Oldenzaal, Olst-Wijhe, Ommen, Raalte, Rijssen-Holten, Staphorst, Steenwijkerland, Tubbergen, Twenterand, Wierden,
Zwartewaterland, Zwolle,
Almere, Dronten, Lelystad, Noordoostpolder, Urk, Zeewolde,
Aalten, Apeldoorn, Arnhem, Barneveld, Berg en Dal, Berkelland, Beuningen, Bronckhorst, Brummen, Buren, Culemborg, Doesburg,
Doetinchem, Druten, Duiven, Ede, Elburg, Epe, Ermelo, Harderwijk, Hattem, Heerde, Heumen, Lingewaard, Lochem, Maasdriel,
Montferland, Neder-Betuwe, Nijkerk, Nijmegen, Nunspeet, Oldebroek, Oost Gelre, Oude IJsselstreek, Overbetuwe, Putten, Renkum,
Rheden, Rozendaal, Scherpenzeel, Tiel, Voorst, Wageningen, West Betuwe, West Maas en Waal, Westervoort, Wijchen, Winterswijk,
Zaltbommel, Zevenaar, Zutphen, Geldermalsen, Lingewaal, Neerijnen, Rijnwaarden, Groesbeek, Millingen aan de Rijn, Ubbergen,
Utrecht, Amersfoort, Baarn, Bunnik, Bunschoten, De Bilt, De Ronde Venen, Eemnes, Houten, IJsselstein, Leusden, Lopik,
Montfoort, Nieuwegein, Oudewater, Renswoude, Rhenen, Soest, Stichtse Vecht, Utrechtse Heuvelrug, Veenendaal,
Vijfheerenlanden, Wijk bij Duurstede, Woerden, Woudenberg, Zeist, Vianen, Leerdam, Zederik,
Aalsmeer, Alkmaar, Amstelveen, Amsterdam, Bergen, Beverwijk, Blaricum, Bloemendaal, Castricum, Den Helder, Diemen,
Dijk en Waard, Drechterland, Edam-Volendam, Enkhuizen, Gooise Meren, Haarlem, Haarlemmermeer, Heemskerk, Heemstede, Heiloo,
Hilversum, Hollands Kroon, Hoorn, Huizen, Koggenland, Landsmeer, Laren, Medemblik, Oostzaan, Opmeer, Ouder-Amstel,
Purmerend, Schagen, Stede Broec, Texel, Uitgeest, Uithoorn, Velsen, Waterland, Wijdemeren, Wormerland, Zaanstad, Zandvoort,
Heerhugowaard, Langedijk, Weesp, Bussum, Naarden, Muiden, Beemster, Zeevang, Wieringen, Wieringermeer, Niedorp,
Anna Paulowna, Haarlemmerliede, Zaandam, IJmuiden, Volendam,
Alblasserdam, Albrandswaard, Alphen aan den Rijn, Barendrecht, Bodegraven-Reeuwijk, Capelle aan den IJssel, Delft, Den Haag,
's-Gravenhage, Dordrecht, Goeree-Overflakkee, Gorinchem, Gouda, Hardinxveld-Giessendam, Hendrik-Ido-Ambacht, Hillegom,
Hoeksche Waard, Kaag en Braassem, Katwijk, Krimpen aan den IJssel, Krimpenerwaard, Lansingerland, Leiden, Leiderdorp,
Leidschendam-Voorburg, Lisse, Maassluis, Midden-Delfland, Molenlanden, Nieuwkoop, Nissewaard, Noordwijk, Oegstgeest,
Papendrecht, Pijnacker-Nootdorp, Ridderkerk, Rijswijk, Rotterdam, Schiedam, Sliedrecht, Teylingen, Vlaardingen, Voorne aan Zee,
Voorschoten, Waddinxveen, Wassenaar, Westland, Zoetermeer, Zoeterwoude, Zuidplas, Zwijndrecht, Brielle, Hellevoetsluis,
Westvoorne, Binnenmaas, Cromstrijen, Korendijk, Oud-Beijerland, Strijen, Giessenlanden, Spijkenisse, Scheveningen,
Borsele, Goes, Hulst, Kapelle, Middelburg, Noord-Beveland, Reimerswaal, Schouwen-Duiveland, Sluis, Terneuzen, Tholen, Veere,
Vlissingen,
Alphen-Chaam, Altena, Asten, Baarle-Nassau, Bergeijk, Bergen op Zoom, Bernheze, Best, Bladel, Boekel, Boxtel, Breda,
Cranendonck, Deurne, Dongen, Drimmelen, Eersel, Eindhoven, Etten-Leur, Geertruidenberg, Geldrop-Mierlo, Gemert-Bakel,
Gilze en Rijen, Goirle, Halderberge, Heeze-Leende, Helmond, 's-Hertogenbosch, Den Bosch, Heusden, Hilvarenbeek, Laarbeek,
Land van Cuijk, Loon op Zand, Maashorst, Meierijstad, Moerdijk, Nuenen, Oirschot, Oisterwijk, Oosterhout, Oss, Reusel-De Mierden,
Roosendaal, Rucphen, Sint-Michielsgestel, Someren, Son en Breugel, Steenbergen, Tilburg, Valkenswaard, Veldhoven, Vught,
Waalre, Waalwijk, Woensdrecht, Zundert, Boxmeer, Cuijk, Grave, Mill en Sint Hubert, Sint Anthonis, Uden, Landerd, Haaren,
Sint-Oedenrode, Schijndel, Veghel, Aalburg, Werkendam, Woudrichem,
Beek, Beekdaelen, Beesel, Brunssum, Echt-Susteren, Eijsden-Margraten, Gennep, Gulpen-Wittem, Heerlen, Horst aan de Maas,
Kerkrade, Landgraaf, Leudal, Maasgouw, Maastricht, Meerssen, Mook en Middelaar, Nederweert, Peel en Maas, Roerdalen,
Roermond, Simpelveld, Sittard-Geleen, Stein, Vaals, Valkenburg aan de Geul, Venlo, Venray, Voerendaal, Weert, Nuth,
Onderbanken, Schinnen
`;

const FLEMISH_MUNICIPALITIES = `
Antwerpen, Gent, Brugge, Leuven, Mechelen, Aalst, Hasselt, Kortrijk, Sint-Niklaas, Oostende, Genk, Roeselare, Turnhout,
Beveren, Dendermonde, Vilvoorde, Lokeren, Dilbeek, Geel, Heist-op-den-Berg, Mol, Herentals, Lier, Ninove, Ieper, Waregem,
Knokke-Heist, Brasschaat, Schoten, Mortsel, Kapellen, Edegem, Kontich, Boom, Halle, Zaventem, Grimbergen, Tienen, Aarschot,
Diest, Tongeren, Sint-Truiden, Lommel, Maasmechelen, Bilzen, Beringen, Houthalen-Helchteren, Lanaken, Tessenderlo, Pelt,
Oudsbergen, Hamont-Achel, Balen, Brecht, Wuustwezel, Kalmthout, Essen, Stabroek, Zwijndrecht, Kruibeke, Temse, Hamme,
Zele, Berlare, Wetteren, Wichelen, Lede, Erpe-Mere, Denderleeuw, Haaltert, Geraardsbergen, Zottegem, Oudenaarde, Ronse,
Kluisbergen, Zwalm, Horebeke, Lierde, Brakel, Herzele, Sint-Lievens-Houtem, Oosterzele, Merelbeke, Melle, Destelbergen,
Lochristi, Wachtebeke, Moerbeke, Stekene, Sint-Gillis-Waas, Waasmunster, Evergem, Zelzate, Assenede, Eeklo, Kaprijke,
Maldegem, Sint-Laureins, Lovendegem, Nevele, Deinze, Zulte, Kruisem, Nazareth, De Pinte, Sint-Martens-Latem, Gavere,
Lievegem, Aalter, Knesselare, Zomergem, Waarschoot, Laarne, Buggenhout, Lebbeke, Opwijk, Merchtem, Londerzeel, Kapelle-op-den-Bos,
Meise, Wemmel, Asse, Affligem, Liedekerke, Ternat, Roosdaal, Lennik, Gooik, Pepingen, Galmaarden, Herne, Bever, Sint-Pieters-Leeuw,
Beersel, Drogenbos, Linkebeek, Sint-Genesius-Rode, Hoeilaart, Overijse, Tervuren, Kraainem, Wezembeek-Oppem, Kortenberg,
Steenokkerzeel, Machelen, Zemst, Kampenhout, Haacht, Boortmeerbeek, Keerbergen, Tremelo, Begijnendijk, Rotselaar, Holsbeek,
Herent, Bertem, Oud-Heverlee, Huldenberg, Bierbeek, Lubbeek, Boutersem, Glabbeek, Tielt-Winge, Kortenaken, Geetbets,
Zoutleeuw, Linter, Landen, Hoegaarden, Scherpenheuvel-Zichem, Bekkevoort, Herselt, Hulshout, Westerlo, Heist, Putte,
Bonheiden, Sint-Katelijne-Waver, Duffel, Rumst, Boechout, Hove, Lint, Aartselaar, Hemiksem, Schelle, Niel, Puurs-Sint-Amands,
Bornem, Willebroek, Berlaar, Nijlen, Herenthout, Grobbendonk, Vorselaar, Lille, Kasterlee, Retie, Dessel, Arendonk, Ravels,
Oud-Turnhout, Beerse, Vosselaar, Rijkevorsel, Hoogstraten, Merksplas, Baarle-Hertog, Malle, Zoersel, Schilde, Wijnegem,
Wommelgem, Ranst, Zandhoven, Borsbeek, Laakdal, Meerhout, Olen, Ham, Leopoldsburg, Heusden-Zolder, Lummen, Herk-de-Stad,
Halen, Nieuwerkerken, Alken, Kortessem, Borgloon, Heers, Gingelom, Wellen, Hoeselt, Riemst, Voeren, Dilsen-Stokkem, Maaseik,
Kinrooi, Bree, Bocholt, Peer, Hechtel-Eksel, Zonhoven, Diepenbeek, As, Zutendaal, Herstappe, Hamont, Neerpelt, Overpelt,
Meeuwen-Gruitrode, Opglabbeek, Blankenberge, De Haan, Bredene, Middelkerke, Nieuwpoort, Koksijde, De Panne, Veurne,
Alveringem, Diksmuide, Lo-Reninge, Poperinge, Vleteren, Heuvelland, Mesen, Wervik, Menen, Wevelgem, Kuurne, Harelbeke,
Zwevegem, Spiere-Helkijn, Avelgem, Anzegem, Deerlijk, Waregem, Wielsbeke, Dentergem, Oostrozebeke, Ingelmunster, Izegem,
Lendelede, Ledegem, Moorslede, Staden, Hooglede, Lichtervelde, Torhout, Kortemark, Houthulst, Langemark-Poelkapelle,
Zonnebeke, Zedelgem, Oostkamp, Beernem, Oudenburg, Jabbeke, Damme, Zuienkerke, Gistel, Ichtegem, Koekelare, Tielt, Ardooie,
Pittem, Meulebeke, Ruiselede, Wingene, Brussel, Zwijnaarde, Beveren-Kruibeke-Zwijndrecht, Tielt-Winge, Merksem, Deurne, Berchem,
Hoboken, Wilrijk, Ekeren, Borgerhout
`;

const PROVINCES_AND_REGIONS = `
Nederland, Vlaanderen, België, Belgie, Friesland, Fryslân, Drenthe, Overijssel, Flevoland, Gelderland, Noord-Holland, Zuid-Holland,
Zeeland, Noord-Brabant, Brabant, Limburg, Oost-Vlaanderen, West-Vlaanderen, Vlaams-Brabant, Randstad, Achterhoek, Twente,
Veluwe, Betuwe, Zaanstreek, Het Gooi, West-Friesland, Westfriesland, Kennemerland, Drechtsteden, Rijnmond, Haaglanden,
Midden-Holland, Zuidoost-Brabant, West-Brabant, Noordoost-Brabant, Midden-Brabant, De Peel, Kempen, Zuid-Limburg,
Noord-Limburg, Midden-Limburg, Zeeuws-Vlaanderen, Rivierenland, Gooi en Vechtstreek, Amstelland, Waterland, Zuid-Kennemerland,
Holland Rijnland, Holland, Hollands
`;

/**
 * Newspapers, broadcasters and news programmes a preamble quotes. Generic words of their names
 * ("Dagblad", "Courant", "Omroep") count only inside such a name.
 */
const MEDIA = `
Telegraaf, De Telegraaf, Volkskrant, De Volkskrant, NRC, NRC Handelsblad, Trouw, AD, Algemeen Dagblad, Parool, Het Parool,
Reformatorisch Dagblad, Nederlands Dagblad, Financieel Dagblad, FD, Metro, NOS, RTL, RTL Nieuws, EenVandaag, Een Vandaag,
Nieuwsuur, Zembla, Argos, Pointer, Radar, Kassa, Omroep Max, Stentor, De Stentor, Tubantia, Dagblad van het Noorden,
Leeuwarder Courant, Friesch Dagblad, Brabants Dagblad, Eindhovens Dagblad, BN DeStem, PZC, Provinciale Zeeuwse Courant,
De Limburger, Dagblad De Limburger, De Gelderlander, Gelderlander, Noordhollands Dagblad, Noord-Hollands Dagblad,
Haarlems Dagblad, Leidsch Dagblad, Gooi- en Eembode, Het Nieuwsblad, Nieuwsblad, De Standaard, Het Laatste Nieuws, HLN,
Gazet van Antwerpen, Het Belang van Limburg, De Morgen, Knack, VRT, VTM, NPO, Omroep Gelderland, RTV Oost, Omroep Brabant,
L1, NH Nieuws, RTV Noord, Omrop Fryslân, RTV Drenthe, RTV Utrecht, Omroep West, RTV Rijnmond, Omroep Zeeland, Omroep Flevoland,
Dichtbij, Nu.nl, NU, Follow the Money, FTM, Binnenlands Bestuur, Sociale Vraagstukken, Skipr, Zorgvisie
`;

/** Names that are also everyday words: a capital at the start of a sentence does not make them a name. */
const EVERYDAY = new Set(['buren', 'best', 'putten', 'bergen', 'beek', 'sluis', 'kampen', 'hoorn', 'geel', 'mol', 'boom', 'peer', 'as', 'ham', 'lint', 'putte', 'halle', 'lier', 'bree', 'goes', 'stein', 'grave', 'metro', 'radar', 'kassa', 'nu', 'ad', 'fd', 'holland', 'brabant', 'lille', 'niel', 'olen', 'essen', 'bever', 'herne', 'halen', 'wellen', 'leek', 'haren', 'laren', 'beerse', 'zele', 'lede', 'landen', 'brakel', 'alken', 'heers', 'damme', 'mesen', 'dichtbij', 'pointer', 'hamme']);

/** Suffixes of adjectives and inhabitants made from a place name: "Alkmaarse", "Amsterdammers", "Zwollenaren". */
const SUFFIXES = ['', 's', 'se', 'er', 'ers', 'ere', 'enaar', 'enaren', 'naar', 'naren', 'aar', 'aren', 'ner', 'ners', 'ense'];

function fold(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '');
}

let table: { names: Set<string>; longest: number } | null = null;

function names(): { names: Set<string>; longest: number } {
  if (table) return table;
  const out = new Set<string>();
  let longest = 1;
  for (const list of [DUTCH_MUNICIPALITIES, FLEMISH_MUNICIPALITIES, PROVINCES_AND_REGIONS, MEDIA]) {
    for (const raw of list.split(',')) {
      const name = raw.trim();
      if (!name) continue;
      out.add(fold(name));
      // "Den Haag" → also "Haag" (Haagse), "'s-Hertogenbosch" → also "Hertogenbosch".
      const words = name.replace(/^'s-/, '').split(/[\s-]+/);
      longest = Math.max(longest, words.length);
      if (/^(den|de|het|'s)$/i.test(name.split(/[\s-]/)[0]!)) out.add(fold(words.slice(1).join('')));
      if (name.startsWith("'s-")) out.add(fold(name.slice(3)));
    }
  }
  table = { names: out, longest };
  return table;
}

/** Whether a folded word (spaces and hyphens removed) is a place or medium, or an adjective or inhabitant of a place. */
export function isPlaceName(folded: string): boolean {
  const { names: set } = names();
  for (const suffix of SUFFIXES) {
    if (!folded.endsWith(suffix) || folded.length - suffix.length < 2) continue;
    const base = folded.slice(0, folded.length - suffix.length);
    if (set.has(base)) return true;
    // A doubled final consonant before the suffix: "Amsterdammer", "Rotterdammers".
    if (suffix && base.length > 3 && base[base.length - 1] === base[base.length - 2] && set.has(base.slice(0, -1))) return true;
  }
  return false;
}

/** Words before which an everyday word with a capital is a place: "in Best", "de gemeente Buren". */
const PLACE_CUES = new Set(['in', 'te', 'uit', 'naar', 'van', 'bij', 'gemeente', 'regio', 'omgeving', 'rond', 'en']);

/**
 * Positions (indexes into `tokens`) of the words that name a place or a news medium: one word or
 * more in a row written with a capital ("Den Helder", "Reformatorisch Dagblad",
 * "Leidschendam-Voorburg", "Alkmaarse"), lowercase words inside the name allowed ("Bergen op
 * Zoom", "Alphen aan den Rijn"). A name that is also an everyday word only after a word that
 * places it ("in Best", "de gemeente Buren").
 */
export function placeNameTokens(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  const { longest } = names();
  const words: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'joined') words.push(i);
  });
  const capital = (t: Token) => /^\p{Lu}/u.test(t.raw);
  for (let w = 0; w < words.length; w++) {
    const first = tokens[words[w]!]!;
    if (!capital(first)) continue;
    for (let len = Math.min(longest + 2, words.length - w); len >= 1; len--) {
      const span = words.slice(w, w + len).map((i) => tokens[i]!);
      if (!capital(span[span.length - 1]!)) continue;
      if (!isPlaceName(span.map((t) => t.norm).join(''))) continue;
      if (len === 1 && EVERYDAY.has(first.norm) && !(w > 0 && PLACE_CUES.has(tokens[words[w - 1]!]!.norm))) continue;
      const from = first.position;
      const to = span[span.length - 1]!.position;
      for (let k = w; k < w + len; k++) out.add(words[k]!);
      // The joined form of a hyphenated name ("leidschendamvoorburg") goes with its parts.
      tokens.forEach((t, i) => {
        if (t.kind === 'joined' && t.position >= from && t.position <= to) out.add(i);
      });
      w += len - 1;
      break;
    }
  }
  return out;
}
