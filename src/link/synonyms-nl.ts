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
 *
 * The rules for a line of this list:
 * - written from knowledge of the field (the laws, their instruments, the words of policy notes
 *   and of councillors), never from the questions or snippets of the gold sets in test/gold/;
 * - an equivalence only for what a policy officer would swap in an answer without a second
 *   thought: abbreviations (wmo, pgb, vng), spellings (cliëntondersteuning, eenpersoons
 *   huishoudens), the official and the common name (bijstandswet, Participatiewet);
 * - a one-way rule for a kind of the thing, or an everyday word or instrument for the policy term
 *   that covers it (beschermingsbewind => schuldhulpverlening); the way back would make every
 *   question on the policy term noisier;
 * - a phrase is read as a query is: stopwords drop out and every word is stemmed. A phrase that
 *   comes down to one word ("alleen wonen", "op straat komen te staan") fires only where it stands
 *   as written, stopwords and all (synonyms.ts), so it is safe, but it is also narrow: "alleen
 *   wonen" misses "wonen zij alleen?";
 * - no common word as a trigger for a narrow term ("beschikbaar" stems as "beschikking" does);
 * - measured before it stays: `npm run bench -- link`, the real questions and every written set;
 *   a line that costs a figure goes, whatever it should do.
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

# --- Welzijn, buurt en samenwerking ---
sociale cohesie, sociale samenhang, saamhorigheid, gemeenschapszin
woonzorgzone, woonzorgzones, woonservicegebied, woonservicegebieden, woonservicezone, woonservicewijk, woonservicewijken
casuistiek, casusoverleg, casusbespreking, casusbesprekingen, multidisciplinair overleg
ketensamenwerking, netwerksamenwerking, ketenaanpak, samenwerking in de keten
regierol, regiefunctie, regisseur, regiehouder
indicatiestelling, herindicatie, indicering
verstandelijke beperking, verstandelijk gehandicapten, lvb, licht verstandelijke beperking
gehandicapten, mensen met een beperking, mensen met een handicap, personen met een beperking
chronisch zieken, mensen met een chronische ziekte, chronische aandoening
zorgvraag, hulpvraag, ondersteuningsvraag, zorgvragen, hulpvragen, ondersteuningsvragen
ggd, gemeentelijke gezondheidsdienst, gemeenschappelijke gezondheidsdienst
kinderopvang, peuteropvang, buitenschoolse opvang, bso, kinderdagverblijf, kinderdagverblijven, peuterspeelzaal, peuterspeelzalen

# --- Jeugd ---
jeugdzorg, jeugdhulp, jeugdhulpverlening, zorg voor jeugd
jeugd-ggz, jeugdggz, jeugd ggz
jeugdbescherming, kinderbescherming
gezinsvoogdij, ondertoezichtstelling, uithuisplaatsing => jeugdbescherming
uit huis geplaatst, uit huis plaatsen => uithuisplaatsing, jeugdbescherming
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
uit huis gezet, uit huis gezet worden, uit huis zetten => huisuitzetting
op straat komen te staan, op straat belanden, op straat slapen, op straat leven, geen dak boven het hoofd => dakloosheid, daklozen
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
alleen wonen, alleen woont, op zichzelf wonen, op zichzelf woont => alleenstaanden, eenpersoonshuishoudens, alleenwonenden

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

# --- Toegang, informatie en advies, regie ---
informatie en advies, voorlichting, informatievoorziening
één loket, centraal loket, integrale toegang
sociaal raadslieden, sociaal raadsman, sociaal raadsvrouw, formulierenhulp, formulierenbrigade => clientondersteuning, informatie en advies
ouderenadviseur, ouderenadviseurs, ouderenconsulent, seniorenvoorlichter => clientondersteuning, informatie en advies, ouderen
casemanager, casusregisseur, zorgcoordinator, zorgcoördinator, regisseur, casusregie, ketenregie, coordinatie van zorg, coördinatie van zorg
wmo-aanvraag, wmo-melding, aanvraag voor ondersteuning, hulpvraag, ondersteuningsvraag, zorgvraag
hulpmiddelen, hulpmiddel, rollator, rollators
individuele begeleiding, groepsbegeleiding, dagbegeleiding => begeleiding, maatwerkvoorziening
zorg in natura => maatwerkvoorziening, zorgaanbieders
indicatie, indicatiestelling, herindicatie, wmo-indicatie => toegang, maatwerkvoorziening
ketenpartners, netwerkpartners, samenwerkingspartners, maatschappelijke partners, maatschappelijke organisaties
casusoverleg, casuïstiekoverleg, casuistiekoverleg, multidisciplinair overleg, casusbespreking, casusbesprekingen, mdo
signalen, signaleren, signalering, signaleringen, vroegtijdige signalering, vroegsignalering
problemen voorkomen, escalatie voorkomen, voorkomen dat problemen => preventie, vroegsignalering

# --- Armoede, inkomen en schulden ---
rondkomen, krap bij kas, geldgebrek => armoede, bestaanszekerheid, minima, financiele problemen
financiële situatie, financiele situatie, financiële positie, financiele positie, inkomenspositie
koopkracht, koopkrachtdaling, inflatie, prijsstijgingen, hoge prijzen, duurte => armoede, bestaanszekerheid, minima
werkende armen, werkende armoede, working poor => armoede, minima, werk
zzp'ers, zzp, zelfstandigen, zelfstandig ondernemers, zelfstandige ondernemers
tozo, bbz, besluit bijstandverlening zelfstandigen => zelfstandigen, bijstand
thuisadministratie, financiële administratie, financiele administratie, geldzaken => budgetbeheer, schuldhulpverlening, financiële ondersteuning
meedoenregeling, meedoenpas, stadspas, participatiefonds, declaratieregeling, participatieregeling => minimaregelingen, armoede, meedoen
collectieve zorgverzekering, gemeentepolis, zorgverzekering voor minima => minimaregelingen, zorgkosten, minima
kwijtschelding, kwijtschelding gemeentelijke belastingen => minimaregelingen, armoede
zorgtoeslag, huurtoeslag, kinderopvangtoeslag, kindgebonden budget, toeslagen => inkomensondersteuning, bestaanszekerheid
niet-gebruik, onderbenutting => bereik, minimaregelingen
armoedeval => armoede, werk, inkomen
uitkeringsgerechtigden, bijstandsgerechtigden, bijstandsontvangers, mensen in de bijstand, mensen met een uitkering
uitkeringsgerechtigden, bijstandsgerechtigden, bijstandsontvangers => bijstand, uitkering
tegenprestatie, maatschappelijke tegenprestatie => bijstand, participatie, vrijwilligerswerk
participatiebaan, participatiebanen, werkervaringsplaats, werkervaringsplek, leerwerkplek, leerwerkplekken, proefplaatsing => re-integratie, werk
arbeidsmatige dagbesteding => dagbesteding, werk
werk en inkomen, werk & inkomen, sociale zaken

# --- Wonen en zorg ---
wonen en zorg, wonen-zorg, wonen welzijn en zorg, woonzorgzone, woonzorgzones, woonzorgvisie, woonzorgopgave
betaalbare woningen, betaalbaar wonen, betaalbare huur, betaalbaarheid
huurverhoging, huurverhogingen, hoge huren, huurprijzen => betaalbaarheid, woonlasten
woonlasten, woonkosten
doorstroming, doorstromen, doorstroming op de woningmarkt, verhuisbereidheid
groepswonen, woongroep, woongroepen, gemeenschappelijk wonen, collectief wonen, ouderenwoongroep => geclusterd wonen, woonvorm, woongemeenschap
woonzorgcentrum, woonzorgcentra, zorgcentrum, zorgcentra, verzorgingshuizen, verpleeghuizen
woning aanpassen, aanpassing van de woning, aanpassingen in huis => woningaanpassing, woonvoorziening
skaeve huse, skaeve huser, prikkelarm wonen, woonunits voor overlastgevers => housing first, beschermd wonen, woonvorm, overlast
sociaal pension, pension => beschermd wonen, maatschappelijke opvang
huisvesting statushouders, taakstelling statushouders => statushouders, huisvesting
starters, starterswoningen, jongerenhuisvesting, studentenhuisvesting => woningen, jongeren, huisvesting

# --- Ouderen, dementie, eenzaamheid ---
kwetsbare ouderen, thuiswonende ouderen, alleenstaande ouderen => ouderen, kwetsbare groepen
alzheimercafé, alzheimercafe, odensehuis, ontmoetingscentrum voor mensen met dementie => dementie, ontmoeting
casemanager dementie, casemanagement dementie => dementie, casemanager
ouderenmishandeling, financieel misbruik van ouderen => huiselijk geweld, ouderen
sociale contacten, sociaal netwerk, contact met anderen => ontmoeting, eenzaamheid, sociale samenhang
sociale cohesie, sociale samenhang, buurtcohesie, onderlinge betrokkenheid, omzien naar elkaar, naoberschap, noaberschap
ontmoeting, ontmoeten, elkaar ontmoeten, ontmoetingsactiviteiten

# --- Mantelzorg en vrijwilligers ---
mantelzorgers ontlasten, ontlasten van mantelzorgers => respijtzorg, mantelzorgondersteuning
mantelzorgondersteuner, mantelzorgconsulent, mantelzorgmakelaar => mantelzorgondersteuning
vrijwilligersorganisaties, vrijwilligersorganisatie, vrijwilligersinstellingen => vrijwilligerswerk, vrijwilligers
vrijwilligersprijs, vrijwilligerspenning, vrijwilligersdag, waardering voor vrijwilligers => waardering, vrijwilligerswerk
deskundigheidsbevordering, scholing, bijscholing
training, trainingen, cursus, cursussen => deskundigheidsbevordering, scholing
subsidie, subsidies, subsidieregeling, subsidieregelingen, subsidiering

# --- Jeugd en onderwijs ---
specialistische jeugdzorg, specialistische jeugdhulp, zware jeugdzorg, residentiële jeugdzorg, residentiele jeugdzorg, jeugdzorg plus, gesloten jeugdzorg
jeugdhulpaanbieders, jeugdzorgaanbieders, jeugdhulpaanbieder => zorgaanbieders, jeugdzorg
jeugdzorgregio, jeugdregio, regionale inkoop => regio, inkoop, jeugdzorg
hervormingsagenda, hervormingsagenda jeugd => jeugdzorg, hervormingen
passend onderwijs, samenwerkingsverband, samenwerkingsverbanden, onderwijszorgarrangement, zorg op school
school, scholen, basisschool, basisscholen, middelbare school, voortgezet onderwijs, mbo => onderwijs
leerplicht, leerplichtambtenaar, schoolverzuim
kinderopvang, peuterspeelzaal, peuterspeelzalen, peuteropvang, voorschoolse educatie, vve
opvoeders => ouders, opvoeding
opvoedingsvragen, opvoedvragen, opvoedproblemen, opvoedingsproblemen => opvoedondersteuning, opvoeding
jeugdgezondheid, jeugdarts, jeugdverpleegkundige => jeugdgezondheidszorg, ggd

# --- GGZ, zorg en veiligheid ---
mentale gezondheid, mentaal welzijn, mentale problemen, psychische gezondheid, geestelijke gezondheid
depressie, depressies, angststoornis, angststoornissen, burn-out, burnout => psychische problemen, ggz
suïcide, suicide, zelfdoding, zelfmoord, suïcidepreventie, suicidepreventie
e33, e33-melding, e33-meldingen, melding verward gedrag, meldingen verward gedrag => verward gedrag, politie, meldingen
ggz-instelling, ggz-instellingen, ggz-aanbieder, ggz-aanbieders => ggz
persoonsgerichte aanpak, pga, top-x, top x-aanpak
overlastgevers, overlastgevende personen, overlastgevend gedrag, overlastgevend => overlast
veiligheidsgevoel, onveiligheidsgevoel, onveiligheidsgevoelens, gevoel van veiligheid, subjectieve veiligheid
buurtpreventie, buurtwacht, buurtwachten, whatsapp-buurtpreventie
drugshandel, drugscriminaliteit, hennepteelt, drugslab, drugslabs => ondermijning, drugs, criminaliteit
coffeeshop, coffeeshops => drugs, softdrugs
alcoholmisbruik, drankmisbruik, probleemdrinken, comazuipen, bingedrinken => alcohol, verslaving
nix18 => alcohol, roken, jongeren, preventie
harm reduction, schadebeperking, gebruiksruimte => verslavingszorg
geweld tegen hulpverleners, agressie tegen hulpverleners => agressie, geweld, veiligheid

# --- Inclusie en beperking ---
verstandelijke beperking, licht verstandelijke beperking, lichtverstandelijke beperking, lvb, verstandelijk beperkten
niet-aangeboren hersenletsel, nah
doven, slechthorenden, blinden, slechtzienden, visueel beperkten, auditief beperkten, gebarentaal => mensen met een beperking, toegankelijkheid
rolstoeltoegankelijk, drempelvrij, mindervaliden, invaliden => mensen met een beperking, toegankelijkheid
ervaringsdeskundigen, ervaringsdeskundige, ervaringsdeskundigheid

# --- Migratie, statushouders, Oekraïners ---
oekraïners, oekrainers, oekraïne, oekraine => ontheemden, vluchtelingen, opvang
migranten, allochtonen, mensen met een migratieachtergrond, migratieachtergrond, nieuwe nederlanders
integratie, participatieverklaring, taalles, taallessen, taalcursus, nt2 => inburgering
spreidingswet => asielopvang, asielzoekers

# --- Sport, gezondheid en preventie ---
bewegen, beweging, lichamelijke activiteit => sport, beweegaanbod
sportvereniging, sportverenigingen, sportclub, sportclubs
sportaccommodatie, sportaccommodaties, sporthal, sporthallen, sportvelden, zwembad
sportakkoord, lokaal sportakkoord, lokaal preventieakkoord => sport, preventie
gezonde leefstijl, leefstijl, gezond leven, gezond gedrag, leefstijlinterventie
jongeren op gezond gewicht, jogg, gezond gewicht => overgewicht, preventie
gezondheid, volksgezondheid, publieke gezondheid
gezondheidsvaardigheden, gezondheidsvaardig => laaggeletterdheid, gezondheid
vaccinatie, vaccinaties, vaccineren, inenting, inentingen

# --- Bestuur en samenwerking ---
vng, vereniging van nederlandse gemeenten
centrumgemeente, centrumgemeenten
rijksmiddelen, rijksbijdrage, rijksgeld, geld van het rijk => gemeentefonds, rijk, middelen
ravijnjaar, opschalingskorting => gemeentefonds, bezuinigingen, financiën
zorgverzekeraar, zorgverzekeraars => zorgkantoor, zorgverzekeringswet, zvw

# --- Hoe beleid het zegt: koers, aanpak en uitvoering ---
ongelijke kansen, kansenongelijkheid, kansengelijkheid, gelijke kansen, ongelijkheid
achterstandswijk, achterstandswijken, kwetsbare wijken, aandachtswijken, focuswijken => ongelijke kansen, wijkaanpak, kwetsbare groepen
veerkracht, weerbaarheid, draagkracht
eigen kracht, eigen regie, zelfredzaamheid
normaliseren, normalisering, ontzorgen, demedicaliseren, demedicalisering, van apart naar gewoon
meervoudige problematiek, meervoudige problemen, multiprobleemgezinnen, multiprobleem, complexe problematiek, complexe problemen, complexe situaties, complexe casuistiek, complexe casuïstiek, stapeling van problemen
wet wams, wams, wet aanpak meervoudige problematiek
integrale aanpak, integraal werken, samenhangende aanpak, een gezin een plan, één gezin één plan, 1gezin1plan
ketensamenwerking, netwerksamenwerking, samenwerking in de keten, samenwerking in het netwerk
bureaucratie, regeldruk, administratieve lasten, rompslomp, ingewikkelde regels, complexe regels => systeemwereld, regels
leefwereld, inwonersperspectief, perspectief van de inwoner
leefbaarheid, leefklimaat, woonklimaat, leefomgeving
opgroeien, opgroeiondersteuning, opvoed- en opgroeiondersteuning => opvoedondersteuning, jeugd
trajectduur, behandelduur, duur van de behandeling, duur van trajecten
hervormingsagenda sociaal domein, propositie sociaal domein => hervormingsagenda, sociaal domein

# --- Welzijn, wijk en toegang (aanvulling) ---
welzijnswerk, welzijnsorganisatie, welzijnsorganisaties, welzijnsinstelling, welzijnsinstellingen, sociaal werk
maatschappelijk werk, algemeen maatschappelijk werk, amw, maatschappelijk werker, maatschappelijk werkers
opbouwwerk, buurtwerk, opbouwwerker, buurtwerker, buurtwerkers
gebiedsteam, gebiedsteams, toegangsteam, toegangsteams => wijkteam, toegang
jeugdconsulent, jeugdconsulenten, gezinscoach, gezinscoaches, jeugd- en gezinscoach, jeugdcoach, jeugdprofessional => wijkteam, jeugdzorg, jeugdhulp
praktijkondersteuner jeugd, poh-jeugd, poh jeugd => huisarts, jeugdzorg, jeugd-ggz
praktijkondersteuner ggz, poh-ggz, poh ggz => huisarts, ggz
verwijzing door de huisarts, huisartsverwijzing, verwijzers, doorverwijzing => toegang, huisarts
inloophuis, inloophuizen, inloopvoorziening, inloopvoorzieningen, buurtkamer, buurtkamers, huiskamer van de wijk => ontmoeting, buurthuis, basisvoorzieningen
zorgboerderij, zorgboerderijen => dagbesteding
preventief huisbezoek, preventieve huisbezoeken => ouderen, preventie, signalering
sociale kaart => informatie en advies, wegwijs

# --- Schulden en inkomen (aanvulling) ---
beschermingsbewind, bewindvoering, bewindvoerder, bewindvoerders, schuldenbewind => schuldhulpverlening, budgetbeheer, schulden
sociaal minimum, bijstandsniveau, inkomensgrens, minimuminkomen => minima, minimaregelingen

# --- Wonen, zorg en overlast (aanvulling) ---
zorgwoning, zorgwoningen, wonen met zorg => woonzorgvorm, wonen en zorg
stijgende zorgvraag, toenemende zorgvraag, groeiende zorgvraag => vergrijzing, zorgkosten, kostenstijging
verwaarlozing, vervuiling, woningvervuiling, vervuilde woning, vervuilde woningen, verzamelwoede => zorgmijders, bemoeizorg, woonoverlast
drugsoverlast, alcoholoverlast => overlast, drugs, verslaving
jeugdgroepen, problematische jeugdgroepen, jeugdbende, jeugdbendes => jongerenoverlast, jeugdcriminaliteit
kwaliteit van zorg, zorgkwaliteit, kwaliteit van de zorg
`;
