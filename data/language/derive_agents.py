#!/usr/bin/env python3
"""Derive data/language/agents.tsv: agent nouns that name a group or office acting
for or within a state ("Turkish authorities", "Israeli troops", "Iraqi Kurds").

    python3 data/language/derive_agents.py > data/language/agents.tsv
    python3 data/language/derive_agents.py --review   # Phoenix entries dropped, role changes

Input (read-only, outside the repository; override the folder with --shared DIR):
  petrarch2/dictionaries/Phoenix.agents.txt   PETRARCH2 agents dictionary,
                                              MIT (c) 2014 Open Event Data Alliance

How the list is made
  1. Every Phoenix agent line "PHRASE [~CODE]" is read; the file's substitution sets
     are expanded (!MINIST! -> minister / ministry, !PERSON! -> -man / -woman and,
     for a few heads, -person), and a trailing stem like FINANCE_MINIST is read as
     "finance minister" and "finance ministry". Underscores become spaces.
  2. The Phoenix code becomes a role (ROLE_OF_CODE; composite codes such as GOVMIL or
     OPPEDU take the role of their first part unless listed). Codes outside the roles
     (criminals CRM, elites ELI, generic people PPL, environment ENV, health HLH,
     international IMG) are left out; a few criminal groups are added by hand.
     Religion codes (CHR, MUS, JEW, HIN, BUD, ...) give REL for clergy and religious
     bodies and ETH for the community ("Christians", "Sunnis").
  3. DROP removes Phoenix entries that are not agents (weapons, vehicles, buildings,
     places, abstract nouns), archaic or misspelt forms, and phrases too long or too
     odd to occur after a demonym. ROLE fixes a role; ADD brings nouns from general
     knowledge of news usage (titles, offices, forces, ethnic and religious groups).
  4. Each noun is written in its singular and plural form (plurals are generated:
     "chief of staff" -> "chiefs of staff", "policeman" -> "policemen"; mass nouns
     such as "police" and "clergy" have one form).
"""
import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parents[2] / "shared" / "data" / "event-coding"

ROLES = {
    "GOV": "government, executive, ministries, diplomats",
    "MIL": "state armed forces",
    "COP": "police and border, prison and internal security services",
    "SPY": "intelligence services",
    "REB": "rebels, insurgents, separatists",
    "UAF": "irregular armed groups: militias, gunmen, militants",
    "RAD": "radicals and extremists",
    "OPP": "political opposition, dissidents, protesters, activists",
    "PTY": "political parties and politicians",
    "LEG": "legislatures and legislators",
    "JUD": "courts, judges, prosecutors, lawyers",
    "CVL": "civilians",
    "BUS": "business",
    "MED": "media",
    "EDU": "education: students, teachers, academics",
    "REL": "clergy and religious bodies",
    "ETH": "ethnic and religious communities",
    "LAB": "labour: workers and unions",
    "AGR": "farmers and herders",
    "REF": "refugees and displaced people",
    "NGO": "non-governmental and human-rights groups",
    "CRM": "criminal groups",
}
RELIGION_CODES = {"CHR", "CTH", "PRO", "MAR", "MUS", "JEW", "HIN", "BUD", "REL"}
ROLE_OF_CODE = {c: c for c in ROLES}
ROLE_OF_CODE.update({"HRI": "NGO", "DEV": "NGO"})
# Composite codes whose first part is not the right role.
COMPOSITE = {"MILSPY": "SPY", "GOVSPY": "SPY", "GOVCOP": "COP", "MILJUD": "JUD",
             "GOVJUD": "JUD", "GOVPTY": "PTY", "MUSUAF": "UAF", "RELUAF": "UAF",
             "BUDUAF": "UAF", "MUSRAD": "RAD", "HINRAD": "RAD", "MUSREB": "REB",
             "BUDEDU": "EDU", "MUSHLH": None, "MILHLH": "MIL", "UAFMUS": "UAF",
             "UAFRAD": "UAF"}
LEFT_OUT_CODES = {"CRM", "ELI", "PPL", "ENV", "HLH", "IMG"}
# Words that make a religion-coded entry a religious body rather than a community.
CLERGY = re.compile(r"\b(clergy\w*|cleric|priest|monk|bishop|archbishop|archpriest|"
                    r"archimandrite|abbot|imam|mullah|rabbi|cantor|missionary|preacher|"
                    r"prelate|hierarch|sadhu|council|church|diocese|archdiocese|"
                    r"religious \w+|holy \w+|leading religious authority|pilgrim|"
                    r"torah scholar|mendicant)$")

# Phoenix entries left out (lowercase, after expansion), "|"-separated.
DROP_TEXT = """
attorney-general|cattlewoman|cropper|cultivator|dairyman|dairywoman|granger|husbandman|husbandwoman|mills association|orchardist|sodbuster|fisher|fisherwoman|sharecrop farmer|herdswoman|indigenous farmer|agriculturalist|agriculturist|cattleman
buddhist monastary|catholic monastary|christian monastary|hindu monastary|catholic saint|unitarian|kanidurgu|hebrew|jewish|hardline islamic|islamic|moslem settler|muslim migrant|believer|monastery|religion|worshiper|worshipper
buddhist clergywoman|christian clergywoman|hindu clergywoman|clergywoman|holy woman|holy person|holy man|mendicant|religious person|leading religious authority|hierarch|high priest|archimandrite|torah scholar|cantor|hindu pilgrim|muslim pilgrim|islamist missionary|methodist church|hindu clergyman|buddhist clergyman|christian clergyman
buddhist student|college|collegian|conservatory|dean|doctoral candidate|doctoral student|economic expert|economist|educatee|educational institution|first grader|second grader|third grader|fourth grader|fifth grader|sixth grader|seventh grader|eighth grader|ninth grader|tenth grader|eleventh grader|twelfth grader|high school|high schooler|historian|kindergarden|kindergarten|kindergartner|middle school|middle schooler|preschool|professor emeritus|research institution|school|schoolhouse|science congress|sociologist|students and professor|students and teacher|state university|headmaster
buddhist warrior|militant monk|militant priest|armed citizen|armed force|armed professional|foreign terrorist organization|gunslinger|gun for hire|hired gun|hitman|hit man|hit squad|infiltration unit|marauder|murderous extremist|self-dfense force|self-defense milita|soldier of fortune|triggerman|violent group|enemy combatant
aerospace|airline business|airway|agrobusiness|auto maker|auto manufacturer|bargainer|boss|cabinetmaker|cargo ship|cargo vessel|car maker|car manufacturer|chamber of commerce and industry|commercial bank|commercial enterprise|company owner|computer maker|containership|container ship|container vessel|corporate executive|credit union|electronics maker|energy corp|enterpreneur|freighter|furniture maker|gas corp|general contractor|jumbojet|jumbo jet|landlord|leading bank|manafacture|merchandiser|merchant ship|merchant vessel|monger|oiler|oil corp|oil group|oil tanker|owners of private companies|private bank|producer|savings and loan|securities exchange|shop owner|steelworker|steel tycoon|supertanker|tanker|top executive|tourism industry|tourism office|transport compan|waiter|waitress|businessperson
anti-drug agent|central jail authority|central jail of|correctional institution|counter drugs expert|counter drug expert|deputy|detective|homicide detective|drug enforcement|investigative agency|police district|police post|prison|prison house|prisons department|security check|state prison|sheriff|sheriff deputy|state trooper|lawman|gendarmery|criminal investigator|bureau of special investigation|inspector general|policewoman
1st lt.|a-37b dragonfly|adm.|ah-64d apache|ah-64 apache|aide de camp|aircraft carrier|air unit|antiaircraft missile|antiship missile|apache attack helicopter|apache gunship|army lt.|artillery|artillery system|attack craft|attack helicopter|b-52|barracks|battleship|battlewagon|battle group|battle tank|bomber|brig. gen.|brig. general|brigaider|capital ship|capt.|carrier|ch-47f chinook|chief's office|cmdr.|coast guard patrol|col.|combat aircraft|combat helicopter|combat jet|combat plane|combat ship|combat trainer|corvette|cruiser|cruise missile|c in cof|c in c of|destroyer|drone aircraft|echelon|ens.|eurofighter typhoon|f-16|f-16 jet|f-22a raptor|f-22 raptor|f-7mg|f/a-18|f/a-18e/f super hornet|f/a-18 fighter|f/a-18 fighter jet|f/a-22 fighter|f/a-22 raptor|fighter aircraft|fighter bomber|fighter jet|fighter plane|fighting falcon|fighting position|f 16|f 16 jet|frigate|fuerzas especiales|gen.|gendermarie|guard ship|harrier jet|heavy machine gun|helicopter gunship|hmmwv|humvee|jetfighter|jet fighter|joint strike fighter|kfir|landing ship|lieutenant jg|lieutenant junior grade|lieutentant (jg)|light colonel|lt.|lt. jg|maj.|mi-24vm/hind|mig|mig-21pfm|military aircraft|military base|military clique|military led|military machine|military operations control command|military presence|military transport plane|mirage-2000|mortar position|mq-9 reaper|naval|naval base|naval destroyer|naval ship|naval unit|nighthawk stealth fighter|office of the air force commander in chief|p-3a orion|p-8a poseidon|phalanx|pilotless plane|predator drone|predator uav|prisoner of war|privateer|reaper drone|remotely piloted aircraft|remotely piloted drone|rf 4c|scud missile|special operations|stealth bomber|stealth fighter|strategic service|su-24|su-30mk|sukhoi pak fa|submersible warship|super hornet|tactical unit|tactical vehicle|tomahawk cruise missile|tomahawk missile|tomcat fighter|torpedo boat|unmanned aerial drone|unmanned aerial system|unmanned aerial vehicle|unmanned aircraft|unmanned drone|unmanned predator|v-22 osprey|warplane|warship|war machine|war vessel|weapons storage facility|weekend warrior|control force|home reserve|military rule|spy plane|spy ship|army medical squad|military justice|soldiers, along with their families|soldiers and their families|soldiers with their families
coup d'etat leader|military coup d'etat leader|coup maker|government regiment|government troops and police|guard command|junta troop|marine corp|marine corps gunnery sergeant|military support personnel|national army detachment|national army task force|paratroop|soldiery|special battalion|generalissimo|sublieutenant|first lt.|officer in command|servicewoman|military spokeswoman|military spokesperson|army staff|army unit|army patrol|military patrol|security patrol|shore patrol|military group|military force|military reserve|army reserve|ruling general
adoption group|airliner|athlete|backpacker|chief engineer|child|commercial jet|customer|elector|electorate|engineer|ethnic group|ethnic minority races|excursionist|girl|hiker|hunter|infant|jetliner|landholder|mob|mother|mourner|native|native people|naturalized|neighborhood|neighbourhood|non-native|non-resident|onlooker|passenger|passenger airliner|passenger jet|rabble|repatriate|resident of the capital|settlement|shopkeeper|sightseer|slum dweller|small town|taxpayer|tenant|the poor|tourer|townsperson|townspeople|traveler|traveller|victim|village|woman|property owner|colonist|constituent|community
nongovernmenal organization|nongovernmenal organisation|center for human rights|centre for human rights|human rights society
displaced family|displaced resident|expatriate|indigenous refugee|refugee returnee
company union|staff member|transportation worker|workers' action council|workers' federation|workers action council|workers organization|worker organization
democratic party|top left leader|top right leader
administrative unit|advisory board|ambassador at|ambassador for|ambassador to|assembly of the union|atomic energy committee|a cabinet meeting|bank control department|border trade department|broadcast minister|broadcast ministry|bureaucracy|central committee for drug abuse control|city manager|civil aviation department|civil aviation director general|civil aviation officer|civil aviation staff|civil defense secretary|civil officer|coalition of ruling parties|committee for drug abuse control|committee of state|communications bureau|constitutional monarcy|consul general office|cooperation minister|cooperation ministry|court of auditors|defense service|department for protocol|department of bank control|department of border trade|department of civil aviation|department of environmental quality|department of protocol|department of revenue|department of tourism|dept of transportation|dept of agriculture|dept of tourism|development council|diplomatic building|diplomatic building in|foreign diplomatic building|director general of civil aviation|director of defence services intelligence|electricity authority|embassy in|ent affairs minister|ent affairs ministry|executive department|firefighter|fireman|firewoman|fire brigade|fire brigade official|fire chief|fire company|fire department|fire fighter|fire marshal|fire service|fire warden|general for law and order|geologic survey and its mineral exploration department|governance|government employer|government organization|government run firm|health personnel|highly ranking official|high ranking offical|information committee|investigative commission|kingdom|law justice and parlaimentary affairs minister|law justice and parlaimentary affairs ministry|livestock authorit|local drug controlling authorities|meteorological department|mines official|ministers and mps|mission to the united nations|mps of the ruling party|national airline|national board of revenue|national nutritional council|national health committee|national education committee|national investment committee|neutral caretaker government|ngos minister|ngos ministry|ngo minister|ngo ministry|nuclear energy committee|office of the consul general|office of the high commission|office of the unrepresentative|official source|palace offcial|patent office|people's bank|peoples bank|polity|port authorit|postal department|power secretary|praesidium|prime minster|privitization commission|privatization commission|progress of border areas and national races and development affairs minister|progress of border areas and national races and development affairs ministry|protocol department|provincal office|public relations officer|public sector|public service commission|regulatory body|royal advisory|secretariate|secretary of civil|secretary of security council|security council|semi-official|sole political party|space agency|special affairs of tribes people minister|special affairs of tribes people ministry|special commission|state commission|state council for law and order|state council secretary general for law and order|state development council|state general hospital|state hospital|state-owned|state owned industrial unit|state owned insurance enterprise|subdistrict leader|sub-district leader|the pm|throne council|tourism department|tourist board|transport authority|telecommunication board|regional representative|representative in parliament|representative to the un|religious affairs bureau|government commission|medical official|health official|education official|finance official|trade official|trade delegation|public health chief|national economic council|planning commission|people's committee|foreign investment commission|investment commission|anti graft commission|election complaints commission|civil service|administrative body|royal administration|royal coalition government|ruling military government|military backed government|presidential palace|royal palace|chief of state|minister plenipotentiary|legate|potentate|sovereign|autocrat|despot|tyrant|ruling faction|paramount ruler|emperor|empress|chancellery|federal chancellery|chief executive|district commissioner|law officer|secretary of the economy|economy secretary|power secretary|energy secretary
adjudication court|chancery|consistory|conveyancer|counsel|counsellor|counselor|counsellor-at-law|court of chancery|court supreme|the court|judicatory|judicature|judicial branch|judicial system|justice system|pleader|stipendiary|stipendiary magistrate|supreme people court|advocate|court justice|chief court judge|criminal barrister|trial attorney|prosecuting officer|associate justice|council of judges|federal judiciary|civil court|national court|royal court|municipal court|court judge|anti terror court
intelligence activity|intelligence information|intelligence operation|muhabarat|mukabarat|operative|inter service intelligence|military intelligence secret police|bureau of special operations|defense services intelligence|military intelligence apparatus|intelligence apparatus
assemblage|assembly federale|chamber|council of the union|elected bodies|federal executive council|federal legislative council|federal national council|lawgiver|left wing coalition|right wing coalition|conservative coalition|parliament house|promulgator|representative's council|representative|speaker of legislature|senate of the republic|representative assembly|legislative chamber|delegation of the senate|national council|leader of parliament|president of the senate|senate delegation|member of the legislature|assembly
blog|broadcasting corp|communications org|filmaker|gazette|internet site|leading news|local press|magazine|magazine editor|managing editor|news magazine|news station|publication|public radio|public television|publishing company|publishing firm|publishing house|pulp magazine|radio station|tabloid|telecom|telecom consultant|telecom firm|television|tv|web site|website|wire service|writer|columnist|editorialist|newswriter|newspaperman|newspaperwoman|newspaper chief editor|editor of newspaper|commentator|broadcasting company|press association|national press|state run tv
extemist soldier|reactionary|radical leftist group|islamic extremist group|extremist wahhabi
army for the liberation|front for the liberation|liberation army|liberation force|liberation front|popular movement for the liberation|revolutionary front|revolutionary movement|national revolutionary organization|insurgence|insurgency|low level insurgency|ethnic insurgency|armed insurgency|rebellion|revolt|uprising|rebel base|rebel source|looter|pillager|plunderer|raider|party's military wing|terrorist insurgent|terrorist insurgent group|terrorist insurgent organization|anti junta terrorist group|anti-junta terrorist group|alleged militant|enemy insurgent|student army|rebel student|islamic front|moslem extremist|shi'a militia|shi'ite militia|guerilla army|guerilla faction|guerilla force|guerilla leader|insurgency leader|insurgency movement|insurgent leadership|guerrilla leadership|underground army|underground force|underground rebel|underground resistance|armed tribal rebel|buddhist rebel|buddhist rebel group|buddhist rebel leader|christian rebel|christian rebel group|christian rebel leader|hindu rebel|hindu rebel group|hindu rebel leader|islamic rebel leader|muslim rebel leader|muslim separatist rebel|rebel insurgent|rebel separatist|separatist guerrilla|armed dissident|dissident soldier|rebel commando|anti government force|anti-government force
coalition of minority parties|coalition of opposition parties|crusader|cyberdissident|detainee|exile|illegal movement|national traitor|objector|recreant|turncoat|unspecified opposition|navy deserter|army deserter|military deserter|ethnic minority party|ethnic minority parties|opposition daily|opposition publisher|opposition editor|opposition newspaper|opposition parliament|ousted foreign minister|spokesman for the opposition|striking nurse|strike activist|anti government underground group|anti government organization|anti government political activist|pro-democracy political activist|pro democracy political activist|agitated student|anti government youth|anti military activist|mass opposition|underground opposition|political wing|social reformer|leader in exile|exiled regime|exiled government|democratic opposition leader|exiled opposition politician|opposition party demonstrator|opposition student leader|pro democratic leader|pro-democratic leader|mp of the opposition|opposition political party|prime minister in exile|political party in exile|government defector|illegal party|electoral alliance|political alliance|outlawed party|dissenter|campaigner|reformer|reformist|picketer|liberation movement|main opposition|protest leader
"""
DROP = {" ".join(p.split()) for p in DROP_TEXT.replace("\n", "|").split("|") if p.strip()}
# Patterns of Phoenix phrases left out: portfolios cut short or too odd to occur
# ("minister for foreign", "minister for progress"), and non-ASCII mojibake.
DROP_RE = re.compile(r"^(minister|ministry) (of|for) (civil|materials|progress|foreign|home|"
                     r"government|ngos|state|the attorney general|special affairs.*|"
                     r"general secretariat.*|the general secretariat.*|the presidency)$"
                     r"|^(minister|ministry) general secretariat|[^\x00-\x7f]|^.*,.*,.*$")

# Role corrections (noun singular -> role).
ROLE = {
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV",
    "security force": "COP", "national security force": "MIL",
    "state media": "MED", "state-owned media": "MED", "state run media": "MED",
    "state news agency": "MED", "state-owned news agency": "MED", "official news agency": "MED",
    "national news agency": "MED", "state-owned television": "MED", "state run television": "MED",
    "state run tv": "MED",
    "military junta": "MIL", "military regime": "MIL", "military government": "MIL",
    "ruling junta": "MIL", "junta": "MIL", "junta chief": "MIL", "military dictator": "MIL",
    "islamist": "RAD", "islamic fundamentalist": "RAD", "islamist group": "RAD",
    "suicide bomber": "UAF", "coup leader": "MIL", "coup plotter": "MIL",
    "military coup leader": "MIL", "coup maker": "MIL", "military coup d'etat leader": "MIL",
    "coup d'etat leader": "MIL",
    "political prisoner": "OPP", "political detainee": "OPP",
    "civil society": "NGO", "settler": "CVL", "migrant": "REF", "migrant worker": "LAB",
    "immigrant": "REF", "green party": "PTY", "ruling party": "PTY", "governing party": "PTY",
    "ruling coalition": "PTY", "ruling alliance": "PTY", "majority party": "PTY",
    "ruling party mp": "LEG", "ruling party senator": "LEG", "government lawmaker": "LEG",
    "pilgrim": "CVL",
    "central bank": "GOV", "central bank governor": "GOV", "reserve bank": "GOV",
    "reserve bank governor": "GOV", "national bank": "GOV",
}

# Nouns added from general knowledge of news usage: (singular, role).
ADD = [
    # government and diplomacy
    ("official", "GOV"), ("government official", "GOV"), ("senior official", "GOV"),
    ("leader", "GOV"), ("leadership", "GOV"), ("authorities", "GOV"),
    ("vice president", "GOV"), ("vice-president", "GOV"), ("presidency", "GOV"),
    ("prime minister", "GOV"), ("deputy prime minister", "GOV"), ("foreign minister", "GOV"),
    ("deputy foreign minister", "GOV"), ("defence minister", "GOV"), ("defense minister", "GOV"),
    ("interior minister", "GOV"), ("finance minister", "GOV"), ("foreign ministry", "GOV"),
    ("defence ministry", "GOV"), ("defense ministry", "GOV"), ("interior ministry", "GOV"),
    ("state department", "GOV"), ("foreign office", "GOV"), ("negotiator", "GOV"),
    ("delegation", "GOV"), ("delegate", "GOV"), ("diplomat", "GOV"), ("envoy", "GOV"),
    ("special envoy", "GOV"), ("ambassador", "GOV"), ("consul", "GOV"), ("embassy", "GOV"),
    ("queen", "GOV"), ("emir", "GOV"), ("sultan", "GOV"),
    ("crown prince", "GOV"), ("president", "GOV"), ("head of state", "GOV"),
    ("government", "GOV"), ("regime", "GOV"), ("administration", "GOV"), ("cabinet", "GOV"),
    ("ministry", "GOV"), ("minister", "GOV"), ("national security adviser", "GOV"),
    ("spokesperson", "GOV"), ("government spokesman", "GOV"), ("presidential spokesman", "GOV"),
    ("foreign ministry spokesman", "GOV"), ("foreign ministry spokeswoman", "GOV"),
    ("customs", "GOV"), ("coast guard", "MIL"), ("election commission", "GOV"),
    # armed forces
    ("military", "MIL"), ("army", "MIL"), ("navy", "MIL"), ("air force", "MIL"),
    ("armed forces", "MIL"), ("forces", "MIL"), ("troops", "MIL"), ("soldier", "MIL"),
    ("marine", "MIL"), ("sailor", "MIL"), ("pilot", "MIL"), ("general", "MIL"),
    ("commander", "MIL"), ("military commander", "MIL"), ("military officer", "MIL"),
    ("defence forces", "MIL"), ("defense forces", "MIL"), ("ground forces", "MIL"),
    ("special forces", "MIL"), ("naval forces", "MIL"), ("army chief", "MIL"),
    ("general staff", "MIL"), ("border guard", "MIL"),
    ("national guard", "MIL"), ("paratrooper", "MIL"), ("reservist", "MIL"),
    ("conscript", "MIL"), ("peacekeeper", "MIL"), ("military police", "MIL"),
    ("paramilitary", "MIL"), ("revolutionary guards", "MIL"),
    # police and security
    ("police", "COP"), ("policeman", "COP"), ("police officer", "COP"), ("riot police", "COP"),
    ("security forces", "COP"), ("security services", "COP"), ("border police", "COP"),
    ("gendarmerie", "COP"), ("prison guard", "COP"), ("border patrol", "COP"),
    ("security official", "COP"),
    # intelligence
    ("intelligence", "SPY"), ("intelligence service", "SPY"), ("intelligence agency", "SPY"),
    ("spy agency", "SPY"), ("spy", "SPY"), ("intelligence officer", "SPY"),
    ("secret police", "SPY"), ("secret service", "SPY"),
    # armed opposition
    ("rebel", "REB"), ("insurgent", "REB"), ("guerrilla", "REB"), ("separatist", "REB"),
    ("rebel group", "REB"), ("rebel forces", "REB"), ("armed group", "UAF"),
    ("militant", "UAF"), ("militia", "UAF"), ("militiaman", "UAF"), ("gunman", "UAF"),
    ("fighter", "UAF"), ("jihadist", "UAF"), ("terrorist", "UAF"), ("mercenary", "UAF"),
    ("armed men", "UAF"), ("extremist", "RAD"), ("hardliner", "RAD"),
    # politics, opposition, legislature, courts
    ("opposition", "OPP"), ("opposition leader", "OPP"), ("opposition party", "OPP"),
    ("opposition group", "OPP"), ("dissident", "OPP"), ("activist", "OPP"),
    ("protester", "OPP"), ("protestor", "OPP"), ("demonstrator", "OPP"), ("rioter", "OPP"),
    ("party", "PTY"), ("political party", "PTY"), ("politician", "PTY"),
    ("parliament", "LEG"), ("congress", "LEG"), ("senate", "LEG"), ("lawmaker", "LEG"),
    ("legislator", "LEG"), ("legislature", "LEG"), ("mp", "LEG"), ("senator", "LEG"),
    ("member of parliament", "LEG"), ("parliamentarian", "LEG"), ("congressman", "LEG"),
    ("court", "JUD"), ("supreme court", "JUD"), ("judge", "JUD"), ("prosecutor", "JUD"),
    ("judiciary", "JUD"), ("tribunal", "JUD"), ("lawyer", "JUD"),
    # society
    ("civilian", "CVL"), ("citizen", "CVL"), ("resident", "CVL"), ("villager", "CVL"),
    ("population", "CVL"), ("people", "CVL"), ("public", "CVL"), ("settler", "CVL"),
    ("student", "EDU"), ("teacher", "EDU"), ("academic", "EDU"), ("university", "EDU"),
    ("worker", "LAB"), ("trade union", "LAB"), ("labor union", "LAB"), ("labour union", "LAB"),
    ("union leader", "LAB"), ("employee", "LAB"), ("miner", "LAB"),
    ("farmer", "AGR"), ("peasant", "AGR"), ("herder", "AGR"), ("fisherman", "AGR"),
    ("refugee", "REF"), ("asylum seeker", "REF"), ("displaced person", "REF"),
    ("internally displaced person", "REF"), ("migrant", "REF"), ("returnee", "REF"),
    ("company", "BUS"), ("firm", "BUS"), ("businessman", "BUS"), ("business leader", "BUS"),
    ("investor", "BUS"), ("exporter", "BUS"), ("manufacturer", "BUS"), ("defence firm", "BUS"),
    ("defense firm", "BUS"), ("defence contractor", "BUS"), ("defense contractor", "BUS"),
    ("arms maker", "BUS"), ("shipbuilder", "BUS"), ("state media", "MED"), ("media", "MED"),
    ("press", "MED"), ("journalist", "MED"), ("reporter", "MED"), ("news agency", "MED"),
    ("broadcaster", "MED"), ("newspaper", "MED"), ("blogger", "MED"),
    ("ngo", "NGO"), ("rights group", "NGO"), ("human rights group", "NGO"),
    ("aid group", "NGO"), ("aid worker", "NGO"), ("charity", "NGO"),
    ("cleric", "REL"), ("clergy", "REL"), ("imam", "REL"), ("priest", "REL"), ("monk", "REL"),
    ("bishop", "REL"), ("rabbi", "REL"), ("religious leader", "REL"), ("church", "REL"),
    # ethnic and religious communities (groups whose name is also the demonym of a
    # UN member state, such as Serbs, Tajiks or Somalis, are left to lexicon/states.tsv)
    ("christian", "ETH"), ("muslim", "ETH"), ("jew", "ETH"), ("hindu", "ETH"),
    ("buddhist", "ETH"), ("sikh", "ETH"), ("sunni", "ETH"), ("shiite", "ETH"), ("shia", "ETH"),
    ("alawite", "ETH"), ("druze", "ETH"), ("yazidi", "ETH"), ("copt", "ETH"),
    ("maronite", "ETH"), ("catholic", "ETH"), ("protestant", "ETH"), ("kurd", "ETH"),
    ("arab", "ETH"), ("pashtun", "ETH"), ("baloch", "ETH"), ("baluch", "ETH"),
    ("hazara", "ETH"),
    ("tamil", "ETH"), ("uyghur", "ETH"), ("uighur", "ETH"), ("tibetan", "ETH"),
    ("rohingya", "ETH"), ("karen", "ETH"), ("kachin", "ETH"), ("tutsi", "ETH"),
    ("hutu", "ETH"), ("berber", "ETH"), ("amazigh", "ETH"), ("tuareg", "ETH"),
    ("fulani", "ETH"), ("igbo", "ETH"), ("yoruba", "ETH"), ("hausa", "ETH"),
    ("oromo", "ETH"), ("amhara", "ETH"), ("tigrayan", "ETH"),
    ("chechen", "ETH"), ("tatar", "ETH"), ("ossetian", "ETH"), ("abkhaz", "ETH"),
    ("kashmiri", "ETH"), ("papuan", "ETH"), ("bosniak", "ETH"),
    ("roma", "ETH"), ("russian speaker", "ETH"), ("ethnic minority", "ETH"),
    ("minority", "ETH"), ("tribe", "ETH"), ("tribesman", "ETH"), ("tribal leader", "ETH"),
    ("clan", "ETH"), ("clan elder", "ETH"), ("indigenous people", "ETH"),
    # criminal groups (Phoenix CRM is left out except these)
    ("pirate", "CRM"), ("smuggler", "CRM"), ("trafficker", "CRM"), ("drug trafficker", "CRM"),
    ("human trafficker", "CRM"), ("people smuggler", "CRM"), ("cartel", "CRM"), ("gang", "CRM"),
    ("gang member", "CRM"), ("kidnapper", "CRM"), ("bandit", "CRM"), ("armed bandit", "CRM"),
    ("drug lord", "CRM"), ("criminal", "CRM"), ("hacker", "CRM"),
]
# Nouns with one form (mass nouns, collectives, names that do not inflect).
INVARIANT = {
    "police", "riot police", "military police", "secret police", "border police",
    "clergy", "media", "state media", "press", "intelligence", "military intelligence",
    "army intelligence", "infantry", "personnel", "military personnel", "police personnel",
    "security personnel", "medical personnel", "law enforcement", "local law enforcement",
    "organized labor", "customs", "people", "public", "population", "opposition",
    "leadership", "judiciary", "civil society", "electorate", "community", "gendarmerie",
    "national gendarmerie", "gendarmerie nationale", "soldiery", "armed forces", "forces",
    "troops", "authorities", "defence forces", "defense forces", "ground forces",
    "special forces", "naval forces", "security forces", "security services",
    "rebel forces", "armed men", "revolutionary guards", "displaced people", "boat people",
    "baloch", "baluch", "rohingya", "karen", "kachin", "druze", "fulani", "igbo", "yoruba",
    "hausa", "oromo", "amhara", "hazara", "turkmen", "abkhaz", "roma", "amazigh", "tuareg",
    "hasidim", "shia", "indigenous people", "native people", "law enforcement agents",
    "government troops", "government forces", "armed troops", "combat troops", "junta troops",
    "armed patrols", "joint chiefs", "joint chiefs of staff", "arms industry",
    "defence industry", "defense industry", "congress", "military", "intelligence community",
    "state-owned media", "state run media", "local media", "senate", "parliament",
    "organized crime", "mafia", "maffia", "tv", "corps", "marine corps", "charge d'affaires",
}
IRREGULAR = {"man": "men", "woman": "women", "person": "people", "child": "children",
             "thief": "thieves", "chief": "chiefs", "staff": "staff", "midwife": "midwives",
             "mafioso": "mafiosi", "hasid": "hasidim", "militia": "militias",
             "bus": "buses", "press": "presses", "congress": "congresses",
             "corps": "corps", "series": "series", "alumnus": "alumni",
             "monarch": "monarchs", "patriarch": "patriarchs", "affaires": "affaires",
             "janjaweed": "janjaweed"}
# Last words that have no plural ("riot police", "military personnel").
MASS = {"police", "personnel", "clergy", "media", "intelligence", "infantry",
        "enforcement", "customs", "people", "public", "opposition", "leadership",
        "society", "television", "staff", "security", "gendarmerie", "press"}
NOT_MAN = {"human", "german", "roman", "ottoman", "shaman", "caiman", "talisman"}
POST_TITLE = {"attorney", "director", "consul", "governor", "secretary", "auditor",
              "solicitor", "inspector", "prosecutor", "advocate", "postmaster", "procurator"}


def plural_word(w):
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("woman"):
        return w[:-5] + "women"
    if w.endswith("man") and w not in NOT_MAN:
        return w[:-3] + "men"
    if w.endswith("person"):
        return w[:-6] + "people"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    return w + "s"


def plural(noun):
    if noun in INVARIANT:
        return noun
    words = noun.split(" ")
    if words[-1] in MASS and not re.search(r" (of|for|in|to|at) ", noun):
        return noun
    for i, w in enumerate(words):
        if w in ("of", "in", "for", "to", "at") and i > 0:
            words[i - 1] = plural_word(words[i - 1])
            return " ".join(words)
    if len(words) > 1 and words[-1] == "general" and words[-2] in POST_TITLE:
        words[-2] = plural_word(words[-2])
        return " ".join(words)
    words[-1] = plural_word(words[-1])
    return " ".join(words)


PLURAL_HEAD = re.compile(r"(forces|troops|marines|generals|gunmen|militiamen|jihadists|"
                         r"parties|mps|armies|separatists|militants|islamists|muslims|"
                         r"citizens|officials|agents|patrols|chiefs|helicopters|bombers|"
                         r"services|courts|assemblies|representatives|victims|taxpayers|"
                         r"persons|planes|drones|reactionaries|cyberdissidents|"
                         r"students|men|women|children|authorities|rangers|officials|ministers|"
                         r"ministries|members|representatives)$")


def singular(noun):
    """Phoenix writes some entries in the plural ("armed forces", "gunmen"); an "X of Y"
    phrase is left alone ("house of representatives")."""
    if (noun in INVARIANT or not PLURAL_HEAD.search(noun)
            or re.search(r" (of|for|in|to|at|and|with|along) ", noun)):
        return noun
    w = noun.split(" ")
    last = w[-1]
    for pl, sg in (("women", "woman"), ("men", "man"), ("children", "child"),
                   ("ies", "y"), ("s", "")):
        if last.endswith(pl):
            w[-1] = last[: len(last) - len(pl)] + sg
            break
    return " ".join(w)


PERSON_HEADS = {"SPOKES", "BUSINESS", "CONGRESS", "CHAIR"}


def expand(phrase):
    """Phoenix phrase -> lowercase singular nouns ("POLICE!PERSON!" -> policeman,
    policewoman; "FOREIGN_!MINIST!" -> foreign minister, foreign ministry)."""
    # The file's own substitution also hit "AD!MINIST!RATIVE" (administrative).
    forms = [phrase.strip().replace("AD!MINIST!RAT", "ADMINISTRAT")]
    if "!PERSON!" in forms[0]:
        head, _, tail = forms[0].partition("!PERSON!")
        last = head.rstrip("_").split("_")[-1]
        heads = ["MAN", "WOMAN"] + (["PERSON"] if last in PERSON_HEADS else [])
        forms = [head + h + tail for h in heads]
    res = []
    for q in forms:
        if "!MINIST!" in q:
            res += [q.replace("!MINIST!", f) for f in ("MINISTER", "MINISTRY")]
        elif re.search(r"MINIST_?$", q):
            q = q.rstrip("_")
            res += [q + "ER", q + "RY"]
        else:
            res.append(q)
    return [re.sub(r"\s+", " ", q.replace("_", " ")).strip().lower() for q in res if q.strip()]


def parse_agents(path):
    entries = []  # (noun, code)
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        s = line.split("#")[0].strip()
        if not s or (s.startswith("!") and "=" in s):
            continue  # substitution sets ("!PERSON! = MAN, MEN, ...")
        m = re.search(r"\[~([A-Z]+)\}?\]?", s)
        if not m:
            continue
        phrase = re.sub(r"\{[^}]*\}", "", s[: m.start()]).strip()
        if not phrase:
            continue
        for n in expand(phrase):
            entries.append((n, m.group(1)))
    return entries


def role_of(noun, code):
    if code in COMPOSITE:
        return COMPOSITE[code]
    head = code[:3]
    if head in RELIGION_CODES or code in ("CHRCTH", "CHRPRO", "CHRMAR"):
        return "REL" if CLERGY.search(noun) else "ETH"
    if head in LEFT_OUT_CODES:
        return None
    return ROLE_OF_CODE.get(head)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--review", action="store_true")
    args = ap.parse_args()
    entries = parse_agents(args.shared / "petrarch2/dictionaries/Phoenix.agents.txt")
    nouns = {}   # singular -> (role, origin)
    review = []
    for noun, code in entries:
        sg = singular(noun)
        if noun in DROP or sg in DROP or DROP_RE.search(sg):
            review.append(f"DROP\t{noun}\t{code}")
            continue
        role = ROLE.get(sg) or role_of(sg, code)
        if role is None:
            review.append(f"NOROLE\t{noun}\t{code}")
            continue
        if sg in nouns and nouns[sg][0] != role:
            review.append(f"CONFLICT\t{sg}\t{nouns[sg][0]} kept over {role} ({code})")
            continue
        nouns.setdefault(sg, (role, "phoenix"))
    for sg, role in ADD:
        role = ROLE.get(sg, role)
        if sg in nouns:
            if nouns[sg][0] != role:
                review.append(f"ADD-ROLE\t{sg}\tphoenix {nouns[sg][0]} -> {role}")
                nouns[sg] = (role, "phoenix+hand")
            continue
        nouns[sg] = (role, "hand")
    rows = {}
    for sg, (role, origin) in nouns.items():
        for form in (sg, plural(sg)):
            if form in rows and rows[form] != role:
                review.append(f"FORM-CLASH\t{form}\t{rows[form]} vs {role}")
                continue
            rows.setdefault(form, role)
    if args.review:
        print("\n".join(review))
        print(f"{len(nouns)} nouns, {len(rows)} rows")
        return
    out = sys.stdout
    out.write(HEADER)
    for code, desc in ROLES.items():
        out.write(f"#   {code}  {desc}\n")
    out.write("noun\trole\n")
    for form in sorted(rows, key=lambda f: (list(ROLES).index(rows[f]), f)):
        out.write(f"{form}\t{rows[form]}\n")


HEADER = """\
# Agent nouns for dyad's claim coder: a noun that names a group or office acting for
# or within a state, so that "Turkish authorities", "Israeli troops" or "Iraqi Kurds"
# can be coded as actors of that state with a role. One form per line (singular and
# plural on separate lines); multi-word nouns are written with spaces.
# Generated by data/language/derive_agents.py from the PETRARCH2 agents dictionary
# Phoenix.agents.txt (openeventdata/petrarch2, MIT, (c) 2014 Open Event Data Alliance),
# pruned by hand and extended from general knowledge of news usage (see the script).
# Roles (CAMEO-style sector codes):
"""

if __name__ == "__main__":
    main()
