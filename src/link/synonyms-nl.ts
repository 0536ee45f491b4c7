/**
 * The default synonym list for the Dutch social domain, in the Solr/Elasticsearch synonym format
 * (synonyms.ts). Written from knowledge of the field: the terms of the Wmo 2015, the Jeugdwet, the
 * Participatiewet, beschermd wonen and maatschappelijke opvang, the GGZ, schuldhulpverlening,
 * mantelzorg, ouderen and wonen-zorg, veiligheid; the equivalences a policy officer would accept,
 * and one-way rules from everyday words to the policy terms they stand for. Not derived from the
 * gold sets' questions or snippets.
 *
 * An equivalence (`a, b, c`) is for words that name the same thing; a one-way rule (`a => b`) for
 * a word that is one kind of the thing (`lachgas => drugs`) or the everyday side of a policy
 * term (`voedselbank => armoede`), where the way back would widen a question too much. A
 * workspace adds its own in `corpus/synoniemen.txt` (README: "Synonyms").
 */
export const DEFAULT_SYNONYMS_TEXT = `
# --- Wmo en ondersteuning ---
wmo, wet maatschappelijke ondersteuning, maatschappelijke ondersteuning
wmo-loket, zorgloket, wmo loket, sociaal loket, informatiepunt zorg
keukentafelgesprek, keukentafelgesprekken, huisbezoek => wmo, toegang, ondersteuningsvraag
maatwerkvoorziening, individuele voorziening, maatwerkvoorzieningen
algemene voorziening, basisvoorziening, algemene voorzieningen, basisvoorzieningen
huishoudelijke hulp, huishoudelijke ondersteuning, huishoudelijke verzorging, hulp bij het huishouden, thuishulp, schoonmaakhulp
eigen bijdrage, eigen betaling
abonnementstarief => eigen bijdrage, wmo
pgb, persoonsgebonden budget
dagbesteding, dagactiviteiten, dagopvang
scootmobiel, rolstoel, traplift => hulpmiddelen, woonvoorziening, wmo
woningaanpassing, woonvoorziening, woningaanpassingen
regiotaxi, wmo-vervoer, doelgroepenvervoer, collectief vervoer, vervoersvoorziening
clientondersteuning, onafhankelijke clientondersteuning, clientondersteuner, cliëntondersteuning
wijkteam, sociaal wijkteam, buurtteam, sociaal team, wijkteams, sociale wijkteams
toegang tot zorg, toegang tot ondersteuning => toegang, loket, wijkteam
clienttevredenheidsonderzoek, clientervaringsonderzoek, cliëntervaringsonderzoek, ervaringsonderzoek, tevredenheidsonderzoek
clientenraad, cliëntenraad, adviesraad sociaal domein, wmo-raad, wmo-adviesraad, participatieraad
wmo-panel, inwonerspanel, burgerpanel, panel
clientparticipatie, cliëntparticipatie, inspraak, burgerparticipatie
zorgaanbieder, zorgaanbieders, aanbieder, aanbieders, zorgverlener
sociaal domein, sociale domein, zorg en welzijn, welzijn en zorg

# --- Mantelzorg en vrijwilligers ---
mantelzorg, mantelzorgen
mantelzorg => informele zorg
informele zorg => mantelzorg, vrijwilligerswerk
mantelzorger, mantelzorgers, familiezorger
mantelzorger, mantelzorgers => mantelzorg
respijtzorg, vervangende zorg, respijt
logeeropvang, logeerzorg, dagopvang => respijtzorg
overbelaste mantelzorger, overbelaste mantelzorgers, overbelasting => respijtzorg, mantelzorgondersteuning
mantelzorgondersteuning, ondersteuning van mantelzorgers, steunpunt mantelzorg
mantelzorgwaardering, mantelzorgcompliment, waardering voor mantelzorgers
jonge mantelzorger, jonge mantelzorgers
vrijwilligerswerk, vrijwillige inzet
vrijwilligers, vrijwilliger => vrijwilligerswerk
vrijwilligersfonds, vrijwilligersbudget, vrijwilligerssubsidie => subsidie, vrijwilligerswerk, ondersteuning
vrijwilligerscentrale, vrijwilligersvacaturebank, steunpunt vrijwilligerswerk
burenhulp, nabuurschap, informele hulp
eigen regie, zelfredzaamheid, zelfstandigheid, zelfredzaam
kwetsbare inwoners, kwetsbare groepen, kwetsbare mensen, aandachtsgroepen, kwetsbare burgers
palliatieve zorg, terminale zorg, hospice, zorg in de laatste levensfase
personeelstekort, personeelstekorten, tekort aan personeel, tekort aan zorgpersoneel, arbeidsmarktkrapte, krapte op de arbeidsmarkt
zorgfraude, zorgcowboys, fraude in de zorg => fraude, rechtmatigheid, toezicht
inkoop, aanbesteding, contractering, inkoop van zorg
integraal zorgakkoord, iza
gezond en actief leven akkoord, gala, preventieakkoord

# --- Jeugd ---
jeugdzorg, jeugdhulp, jeugdhulpverlening, zorg voor jeugd
jeugd-ggz, jeugdggz, jeugd ggz
jeugdbescherming, kinderbescherming
gezinsvoogdij, ondertoezichtstelling, uithuisplaatsing => jeugdbescherming
wachtlijst, wachtlijsten, wachttijd, wachttijden
pleegzorg, pleeggezin, pleeggezinnen, pleegouders
opvoedondersteuning, opvoedingsondersteuning, opvoedhulp, hulp bij opvoeden
cjg, centrum voor jeugd en gezin
jeugdgezondheidszorg, jgz, consultatiebureau
jongerenwerk, jeugdwerk, jongerenwerker
thuiszitter, thuiszitters, schoolverzuim, voortijdig schoolverlaten
jongeren, jeugdigen, tieners, adolescenten

# --- Participatie, werk en inkomen ---
participatiewet, bijstandswet, wet werk en bijstand, wwb
bijstand, bijstandsuitkering, algemene bijstand
bijzondere bijstand, individuele bijzondere bijstand
individuele inkomenstoeslag => minimaregelingen, inkomensondersteuning
minimabeleid, armoedebeleid, minimaregelingen, inkomensondersteuning, armoedebestrijding
armoede, geldzorgen, financiele problemen, financiële problemen, financiele zorgen, geldproblemen, bestaansonzekerheid
armoede, geldzorgen, financiële problemen, financiele problemen, geldproblemen, armoedebeleid, minimabeleid => bestaanszekerheid, minima
inkomenszekerheid, financiële zekerheid => bestaanszekerheid
minima, minimahuishoudens, lage inkomens, huishoudens met een laag inkomen
voedselbank, voedselbanken, voedselpakket, voedselpakketten => armoede, minima, bestaanszekerheid
kledingbank, speelgoedbank => armoede, minima
energiearmoede, energierekening => armoede, bestaanszekerheid
schulden, schuldenproblematiek, schuldproblemen, problematische schulden
betalingsachterstanden, betalingsachterstand => schulden, vroegsignalering
schuldhulpverlening, schuldhulp
schuldsanering, schuldregeling, budgetbeheer, budgetcoaching => schuldhulpverlening
vroegsignalering, vroeg eropaf, vroegsignalering van schulden
beschut werk, beschut werken, beschutte werkplek
sociale werkvoorziening, wsw, sw-bedrijf, werkbedrijf
beschut werk, beschut werken => sociale werkvoorziening
re-integratie, reintegratie, arbeidsparticipatie, arbeidstoeleiding, toeleiding naar werk
werkloosheid, werklozen, werkzoekenden
afstand tot de arbeidsmarkt, arbeidsbeperking
statushouders, vergunninghouders, nieuwkomers, statushouder
inburgering, inburgeraars, inburgeringsplicht
kinderarmoede, kinderen in armoede, arme kinderen, jeugdfonds sport en cultuur, kindpakket => armoede, minima, kinderen
energietoeslag, energiecompensatie => armoede, minima, inkomensondersteuning
toeslagenaffaire, hersteloperatie toeslagen, gedupeerde ouders, gedupeerden van de toeslagenaffaire => herstel, schulden, ondersteuning
deurwaarder, incasso, beslag, beslaglegging, huurachterstand, huurachterstanden, energieschulden => schulden, betalingsachterstanden, schuldhulpverlening
werkloosheidswet, ww => werkloosheid, uitkering
loonkostensubsidie, jobcoach, garantiebaan, garantiebanen, banenafspraak => re-integratie, arbeidsbeperking, werk
eenoudergezin, eenoudergezinnen, alleenstaande ouder, alleenstaande ouders
asielzoekers, azc, vluchtelingen, asielopvang, asielzoekerscentrum, ontheemden, oekraïense vluchtelingen, oekraiense vluchtelingen
arbeidsmigranten, arbeidsmigratie, huisvesting arbeidsmigranten

# --- Opvang, dakloosheid, beschermd wonen ---
dakloos, dakloosheid, daklozen, thuisloos, thuisloosheid, thuislozen, dak- en thuislozen, dak- en thuisloosheid
daklozenopvang, nachtopvang, maatschappelijke opvang, winteropvang, dak- en thuislozenopvang, noodopvang
housing first, onvoorwaardelijk wonen
beschermd wonen, beschermde woonvorm, beschermde woonvormen
begeleid wonen, ambulante begeleiding, beschermd thuis
uitstroom, doorstroom, uitstroom uit de opvang
bemoeizorg, oggz, openbare geestelijke gezondheidszorg
zorgmijder, zorgmijders, zorgmijding => bemoeizorg, outreachend
outreachend, outreachende hulpverlening, eropaf, vindplaatsgericht
huisuitzetting, uitzetting, ontruiming, ontruimingen
vrouwenopvang, opvang na huiselijk geweld
zwerfjongeren, dakloze jongeren => dakloosheid, jongeren, maatschappelijke opvang
bankslapers, verborgen dakloosheid, dakloze gezinnen => dakloosheid, maatschappelijke opvang

# --- GGZ en verward gedrag ---
verward gedrag, verwarde personen, personen met verward gedrag, verwarde mensen, mensen met verward gedrag, onbegrepen gedrag
ggz, geestelijke gezondheidszorg, psychische zorg
psychische problemen, psychische klachten, psychische kwetsbaarheid, psychiatrische problematiek, ggz-problematiek
crisisdienst, acute psychiatrie, ggz-crisisdienst, crisiszorg
wet verplichte ggz, wvggz, verplichte zorg
wet zorg en dwang, wzd
zorg- en veiligheidshuis, veiligheidshuis, zorg en veiligheidshuis
meldpunt zorg en overlast, meldpunt niet-acute zorg, meldpunt bijzondere zorg
eenzaamheid, vereenzaming, sociaal isolement, sociale isolatie, eenzaam
alleenstaanden, alleenstaande, eenpersoonshuishoudens, eenpersoonshuishouden, alleenwonenden, alleenwonend

# --- Ouderen, wonen en zorg ---
ouderen, senioren, bejaarden, oudere inwoners, 65-plussers, 75-plussers
seniorenwoning, seniorenwoningen, ouderenwoning, ouderenwoningen, levensloopbestendige woning, levensloopbestendige woningen, nultredenwoning, aanleunwoning
ouderenhuisvesting, seniorenhuisvesting, huisvesting van ouderen, wonen voor ouderen
geclusterd wonen, woonzorgvorm, woonzorgvormen, woonvorm, woonvormen, woonzorgvariant, woonzorgvarianten, tussenvorm, woongemeenschap
hofje, hofjes, knarrenhof, kangoeroewoning, mantelzorgwoning, woonhofje => geclusterd wonen, woonvorm, woonzorgvorm, ouderen
langer thuis wonen, zelfstandig wonen, langer zelfstandig wonen, thuis blijven wonen
verpleeghuis, verzorgingshuis, zorginstelling, wlz-instelling, intramurale zorg
wlz, wet langdurige zorg, langdurige zorg
dementie, alzheimer, dementerenden, dementerende, mensen met dementie, geheugenproblemen
dementie, alzheimer, dementerenden => ouderen, zorg
dementievriendelijk, dementievriendelijke gemeente
vergrijzing, ouder wordende bevolking, dubbele vergrijzing
valpreventie, vallen bij ouderen
wijkverpleging, wijkverpleegkundige, thuiszorg, verpleging thuis

# --- Wonen ---
woningtekort, tekort aan woningen, wooncrisis, woningnood, krapte op de woningmarkt
woningcorporatie, woningcorporaties, woningbouwcorporatie, woningbouwcorporaties, corporatie, corporaties, woningstichting, woningbouwvereniging
sociale huur, sociale huurwoning, sociale huurwoningen, corporatiewoning, corporatiewoningen
urgentie, urgentieverklaring, voorrang bij woningtoewijzing
flexwoning, flexwoningen, flexwonen, tijdelijke woning, tijdelijke woningen
tiny house, tiny houses => flexwonen, kleine woningen, woningbouw
prestatieafspraken, woonafspraken
wooninitiatief, wooninitiatieven, bewonersinitiatief, collectief particulier opdrachtgeverschap, cpo
buurthuis, wijkcentrum, buurtcentrum, wijkgebouw, ontmoetingscentrum, ontmoetingsplek

# --- Veiligheid, geweld, verslaving ---
huiselijk geweld, relationeel geweld, geweld in huiselijke kring, partnergeweld, geweld achter de voordeur, onveilige thuissituatie, onveiligheid thuis
kindermishandeling, mishandeling van kinderen
veilig thuis, advies- en meldpunt huiselijk geweld en kindermishandeling, amhk, ashg, advies- en steunpunt huiselijk geweld
meldcode, meldcode huiselijk geweld en kindermishandeling
seksueel geweld, seksueel misbruik, seksuele intimidatie, seksueel grensoverschrijdend gedrag
ondermijning, georganiseerde criminaliteit
radicalisering, extremisme
jongerenoverlast, overlast van jongeren, hangjongeren, jeugdoverlast
jeugdcriminaliteit, criminele jongeren
overlast, woonoverlast, burenoverlast
verslaving, verslavingsproblematiek, middelengebruik, afhankelijkheid van middelen
verslavingszorg, verslavingshulp, verslavingsbehandeling
drugs, verdovende middelen, drugsgebruik, middelengebruik
lachgas, cannabis, cocaine, cocaïne, xtc, harddrugs, softdrugs => drugs, middelengebruik, verslaving, verslavingszorg
alcohol, alcoholgebruik, drankgebruik
drugspreventie, verslavingspreventie, alcoholpreventie, preventie van middelengebruik => preventie, verslaving, voorlichting, verslavingszorg
wijkagent, wijkagenten => politie
ex-gedetineerden, nazorg ex-gedetineerden, terugkeer na detentie, re-integratie na detentie
zorg en veiligheid, zorg- en veiligheid, zorg & veiligheid
mensenhandel, uitbuiting, arbeidsuitbuiting, seksuele uitbuiting
loverboy, loverboys, tienerpooier => mensenhandel, seksuele uitbuiting, jongeren
prostitutie, sekswerk, sekswerkers
femicide, stalking, eergerelateerd geweld => huiselijk geweld, geweld
gokken, gokverslaving, kansspelen => verslaving
roken, tabak, rookverbod, vapen => verslaving, preventie, gezondheid
handhaving, boa, boa's, handhavers, toezicht en handhaving
cameratoezicht, camerabewaking, camera's
buurtbemiddeling, burenruzie, burenruzies, conflicten tussen buren => overlast, bemiddeling
straatintimidatie, intimidatie op straat
pesten, gepest, cyberpesten
sexting, online misbruik, online seksueel misbruik => seksueel geweld
echtscheiding, scheiding, vechtscheiding, complexe scheiding, relatie- en scheidingsproblematiek

# --- Gezondheid en preventie ---
preventie, preventief, preventieve aanpak
gezondheidsverschillen, gezondheidsachterstanden, sociaaleconomische gezondheidsverschillen
ggd, gemeentelijke gezondheidsdienst
huisarts, huisartsen, huisartsenzorg, eerstelijnszorg
zorgverzekeraar, zorgverzekeraars, verzekeraar
zorgkantoor, wlz-uitvoerder
laaggeletterdheid, laaggeletterd, taalachterstand, moeite met lezen en schrijven
digitale vaardigheden, digitale inclusie, digitaal meedoen
sport, sporten, beweegaanbod
buurtsportcoach, buurtsportcoaches, buurtcoach
overgewicht, obesitas

# --- Inclusie, beperking, meedoen ---
mensen met een beperking, mensen met een handicap, gehandicapten, mensen met een functiebeperking, beperking, handicap
vn-verdrag handicap, vn-verdrag, inclusieagenda, inclusie-agenda, lokale inclusieagenda => inclusie, inclusief beleid, toegankelijkheid, mensen met een beperking
inclusie, inclusief beleid, inclusieve samenleving
toegankelijkheid, toegankelijk, drempels
meedoen, participatie, participeren
discriminatie, uitsluiting
racisme => discriminatie
lhbti, lhbtiq, regenboog, regenbooggemeente

# --- Bestuur en financiën ---
rijk, rijksoverheid, kabinet, landelijke overheid
lobbyen, lobby, aandringen, bepleiten, agenderen, belangenbehartiging
g4, g32 => g40, grote steden, grote gemeenten, centrumgemeenten
gemeentefonds, algemene uitkering, integratie-uitkering, decentralisatie-uitkering
budget, budgetten, financiele middelen, financiële middelen, middelen, financiering
budgettekort, financieel tekort, begrotingstekort, overschrijding, budgetoverschrijding
decentralisatie, decentralisaties, transitie
regio, regionaal, regiogemeenten, regionale samenwerking
coalitieakkoord, coalitieprogramma, collegeprogramma, collegeakkoord
beleidsnota, beleidsplan, beleidskader, nota
bezuiniging, bezuinigingen, besparing, besparingen, ombuiging, ombuigingen, bezuinigen
kostenstijging, kostenstijgingen, stijgende kosten, hogere kosten => kosten, uitgaven
zorgkosten, kosten van de zorg, zorguitgaven
wijkaanpak, gebiedsgericht werken, wijkgericht werken
burgerinitiatief, inwonersinitiatief, inwonersinitiatieven, right to challenge
`;
