#!/usr/bin/env python3
"""Derive data/claims/frames-cameo.tsv from the PETRARCH2 CAMEO verb dictionary
and the CAMEO->PLOVER table.

    python3 data/claims/derive_frames.py > data/claims/frames-cameo.tsv
    python3 data/claims/derive_frames.py --review     # what was kept, dropped, inferred

Inputs (read-only, outside the repository; override the folder with --shared DIR):
  petrarch2/dictionaries/CAMEO.2.0.txt   PETRARCH2 verb dictionary, MIT (c) Open Event Data Alliance
  PLOVER/CAMEO2PLOVER-2021.txt           CAMEO->PLOVER table, CC BY-SA 4.0 (c) Open Event Data Alliance
  PLOVER/plover_ontology.json            PLOVER categories and their modes, CC BY-SA 4.0 (OEDA)

How a row is made
  1. Verbs: every member verb of a dictionary verb block gets its main code: the code
     written on its own line, else the block's header code (pattern lines are not used
     for the type). '+A_B' members become the phrasal trigger "a b".
  2. The code goes through the PLOVER table: exact code, else its 3-digit parent.
     CAMEO 01x (statements) has no PLOVER type and is dropped. CAMEO 02x (appeal)
     is absent from the table; it has the same sub-structure as 10x (demand), so
     02N is read as 10N (REQUEST). A mode is kept only if the ontology lists it
     for that type (MODE_ALIAS renames two table modes to their ontology names).
  3. Hand review: only verbs named in KEEP are written (the dictionary's WordNet
     synsets put "master", "ring", "match" under 190 ASSAULT, "exchange" under
     060 COOPERATE, and so on). KEEP gives the target column, chosen from the
     verb's own pattern lines where they show it ("* (AGAINST ...)") and otherwise
     by hand. OVERRIDES corrects a code, type or mode, each with its reason.
  4. PHRASES: verb + noun triggers taken from the dictionary's pattern lines
     ("- * &CEASEFIRE [0871] # DECLARE"); the script checks that the pattern is
     there. A few (evidence None) are added by hand and say so.
  5. NOUNS: event nouns added by hand, each with the CAMEO code whose definition
     names it; type and mode come from the table like the verbs.
  6. Triggers already in frames.tsv are left out.
"""
import argparse
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data" / "event-coding"

PLOVER_ORDER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                "MOBILIZE", "COERCE", "ASSAULT"]

# Table modes that the ontology spells differently.
MODE_ALIAS = {("ASSAULT", "assassinate"): "targeted", ("ASSAULT", "massacre"): "targeted",
              ("ASSAULT", "seize"): "destroy"}

# ---------------------------------------------------------------------------
# Hand review: verbs kept, with their target column.
# obj = first actor after the verb; "to|with" = actor after one of these words;
# "-" = no target. Everything in the dictionary that is not named here is dropped
# (too generic, ambiguous in news text, a noun in most uses, or coded oddly).
KEEP = {
    # ACCUSE (090 investigate, 110-115)
    "inspect": "obj", "interrogate": "obj",
    "disagree": "with", "disapprove": "of", "decry": "obj",
    "admonish": "obj", "belittle": "obj", "berate": "obj", "castigate": "obj",
    "censure": "obj", "chastise": "obj", "chide": "obj", "deride": "obj",
    "disparage": "obj", "lambaste": "obj", "pillory": "obj",
    "rebuke": "obj", "reprimand": "obj", "reproach": "obj", "ridicule": "obj",
    "scold": "obj", "slander": "obj", "snub": "obj", "lash out": "at|against",
    "implicate": "obj", "sue": "obj",
    # AGREE (030)
    "assure": "obj", "guarantee": "obj",
    # AID (07x)
    "rescue": "obj",
    # SANCTION (16x)
    "call off": "obj", "blacklist": "obj", "rescind": "obj", "secede": "from",
    # SUPPORT (05x)
    "greet": "obj", "acclaim": "obj",
    "applaud": "obj", "compliment": "obj", "congratulate": "obj", "extol": "obj",
    "laud": "obj", "reassure": "obj", "recognise": "obj", "salute": "obj",
    "apologise": "to", "forgive": "obj",
    # PROTEST (14x)
    "loot": "-",
    # REJECT (12x)
    "defy": "obj", "obstruct": "obj", "overrule": "obj", "shelve": "obj",
    "rebuff": "obj", "spurn": "obj",
    # REQUEST (02x, 10x)
    "implore": "obj", "petition": "obj", "exhort": "obj",
    # COERCE (17x, 191, 192)
    "cordon off": "obj", "blackmail": "obj", "incarcerate": "obj", "penalize": "obj",
    "punish": "obj", "quell": "obj", "reimpose": "on|obj", "repress": "obj",
    "restrict": "obj", "suppress": "obj",
    "annex": "obj", "capture": "obj", "commandeer": "obj", "nationalize": "obj",
    "nationalise": "obj",
    "criminalize": "obj", "criminalise": "obj", "outlaw": "obj", "prohibit": "obj",
    "proscribe": "obj", "forbid": "obj", "censor": "obj", "interdict": "obj",
    "apprehend": "obj", "convict": "obj", "indict": "obj", "prosecute": "obj",
    "rearrest": "obj",
    "kick out": "obj", "banish": "obj", "evict": "obj",
    "besiege": "obj", "occupy": "obj", "overrun": "obj", "recapture": "obj",
    "hack": "obj",
    # CONCEDE / RETREAT (08x)
    "back down": "-", "accede": "to", "capitulate": "-",
    "cede": "obj|to", "comply": "with", "loosen": "obj", "relax": "obj",
    "relinquish": "obj", "waive": "obj", "acquit": "obj", "exonerate": "obj",
    "mediate": "between|obj", "surrender": "to", "resign": "-",
    # CONSULT (04x)
    "contact": "obj|with", "broker": "between|obj", "tour": "obj",
    "telephone": "obj|with", "attend": "obj",
    # COOPERATE (06x)
    "extradite": "to", "invest": "in", "bankroll": "obj", "import": "from",
    # MOBILIZE (15x)
    "call up": "obj", "overfly": "obj",
    # ASSAULT (18x-20x, 1712)
    "demolish": "obj", "vandalize": "obj", "vandalise": "obj",
    "mistreat": "obj", "rampage": "-", "scuffle": "with", "strangle": "obj",
    "terrorize": "obj", "wound": "obj", "injure": "obj", "overthrow": "obj",
    "stab": "obj", "rape": "obj", "explode": "-",
    "blow up": "obj", "shoot down": "obj", "wage war": "on|against", "wipe out": "obj",
    "behead": "obj", "flog": "obj",
    "bombard": "obj", "destroy": "obj", "detonate": "obj", "murder": "obj",
    "ransack": "obj", "raze": "obj", "repel": "obj", "repulse": "obj",
    "retaliate": "against", "skirmish": "with", "torch": "obj", "encircle": "obj",
    "gun down": "obj", "slaughter": "obj",
}

# Corrections to what the dictionary code and the table give. Keys: code, type, mode, why.
OVERRIDES = {
    "rebuff": dict(code="120", why="rejecting an offer; the dictionary's 110 (disapprove) is its synset's code"),
    "spurn": dict(code="120", why="as rebuff"),
    "sue": dict(code="115", why="CAMEO 115 is 'bring lawsuit against'; the dictionary files SUE under 173"),
    "comply": dict(code="080", why="its block (SUBMIT) is 080 yield; the member's own 030 reads as 'intend'"),
    "mediate": dict(code="045", why="CAMEO 045 'engage in mediation'; the dictionary files it under 080 COMPROMISE"),
    "surrender": dict(code="0874", why="CAMEO 0874 'retreat or surrender militarily' (RETREAT); the block code is 080"),
    "resign": dict(type="RETREAT", mode="resign",
                   why="the ontology puts resignations under RETREAT (mode resign); the 2021 table still has 083 under CONCEDE"),
    "hack": dict(code="176", type="COERCE", mode="cyber",
                 why="block has no code; its patterns give 176 (PETRARCH's cyber attack code, absent from the table); the ontology mode is COERCE cyber"),
    "explode": dict(mode="explosives", why="183 is non-military bombing; the table's suicide-attack mode is for 1831 only"),
}

# [---] blocks (no main code) where the verb's own patterns agree on one code.
PATTERN_CODED = {
    "repatriate": ("0841", "obj", "REPATRIATE patterns: all 0841 (prisoners, refugees)"),
    "violate": ("128", "obj", "VIOLATE patterns: 128 defy norms (4 of 6; the others are airspace, 150)"),
}

# Verb + noun triggers from the dictionary's patterns: trigger, evidence (VERB, NOUN)
# in the dictionary, code, target, flip, note. Evidence None = added by hand.
# The coder accepts the later words anywhere in the next six tokens, so phrases whose
# second word is a common particle after a common first word ("give in", "side with",
# "round up", "take control") are left out, and later words are singular ("face
# charge" also matches "charges"; a plural would not match a singular-keyed base).
PHRASES = [
    ("open fire", ("OPEN", "FIRE"), "193", "on|at", "no", ""),
    ("exchange fire", None, "190", "with", "no", "hand: the dictionary's EXCHANGE is 060 trade"),
    ("launch investigation", ("LAUNCH", "&INVESTIGATION"), "090", "into", "no", "keeps 'launch' from reading as an attack"),
    ("launch probe", ("LAUNCH", "&INVESTIGATION"), "090", "into", "no", "&INVESTIGATION includes PROBE"),
    ("launch inquiry", ("LAUNCH", "&INVESTIGATION"), "090", "into", "no", "&INVESTIGATION includes INQUIRY"),
    ("launch talks", ("LAUNCH", "TALKS"), "046", "with", "no", "keeps 'launch' from reading as an attack"),
    ("launch negotiations", ("LAUNCH", "&NEGOTIATION"), "046", "with", "no", ""),
    ("lodge protest", ("LODGE", "PROTEST"), "114", "with", "no", "CAMEO 114 complain officially"),
    ("lodge complaint", ("LODGE", "COMPLAINT"), "114", "with|against", "no", ""),
    ("file complaint", ("FILE", "COMPLAINT"), "114", "with|against", "no", ""),
    ("declare ceasefire", ("DECLARE", "&CEASEFIRE"), "0871", "-", "no", ""),
    ("declare truce", ("DECLARE", "&CEASEFIRE"), "0871", "-", "no", "&CEASEFIRE includes TRUCE"),
    ("violate ceasefire", None, "196", "-", "no", "hand: CAMEO 196 violate ceasefire"),
    ("violate truce", None, "196", "-", "no", "hand: CAMEO 196"),
    ("breach ceasefire", None, "196", "-", "no", "hand: CAMEO 196"),
    ("cut aid", ("CUT", "AID"), "162", "to|for", "no", ""),
    ("cut assistance", ("CUT", "ASSISTANCE"), "162", "to|for", "no", ""),
    ("cut relations", ("CUT", "RELATIONS"), "161", "with", "no", ""),
    ("break relations", ("BREAK", "RELATIONS"), "161", "with", "no", ""),
    ("break ties", None, "161", "with", "no", "hand: as 'break relations'"),
    ("lift sanctions", None, "085", "on|against", "no", "hand: CAMEO 085 ease economic sanctions (RETREAT); 'lift' alone is CONCEDE 081 in frames.tsv"),
    ("ease sanctions", ("EASE", "SANCTIONS"), "085", "on|against", "no", ""),
    ("lift embargo", None, "085", "on|against", "no", "hand: CAMEO 085"),
    ("lift curfew", None, "0813", "-", "no", "hand: CAMEO 0813 ease curfew"),
    ("ease curfew", ("EASE", "CURFEW"), "0813", "-", "no", ""),
    ("lift blockade", None, "0872", "on|of", "no", "hand: CAMEO 0872 ease military blockade"),
    ("face charge", ("FACE", "CHARGE"), "112", "-", "yes", "the subject is the accused"),
    ("face criticism", ("FACE", "CRITICISM"), "111", "from", "yes", ""),
    ("face trial", ("FACE", "TRIAL"), "173", "-", "yes", ""),
    ("receive threat", ("RECEIVE", "THREATS"), "130", "from", "yes", ""),
    ("win support", ("WIN", "SUPPORT"), "051", "from", "yes", ""),
    ("gain support", None, "051", "from", "yes", "hand: as 'win support' (GAIN BACKING is in the dictionary)"),
    ("take hostage", ("TAKE", "&HOSTAGE"), "181", "obj", "no", ""),
    ("hold hostage", ("HOLD", "&HOSTAGE"), "181", "obj", "no", ""),
    ("set fire", ("SET", "FIRE"), "180", "to", "no", ""),
    ("set ablaze", ("SET", "ABLAZE"), "180", "obj", "no", ""),
    ("clamp down", ("CLAMP", "DOWN"), "170", "on", "no", "the dictionary codes CLAMP DOWN 173; 170 as 'crack down' in frames.tsv"),
    ("express support", ("EXPRESS", "BACKING"), "051", "for", "no", ""),
    ("express solidarity", ("EXPRESS", "SOLIDARITY"), "051", "with", "no", ""),
    ("express gratitude", ("EXPRESS", "GRATITUDE"), "051", "to", "no", ""),
    ("express anger", ("EXPRESS", "ANGER"), "111", "at|over|with", "no", ""),
    ("express outrage", ("EXPRESS", "OUTRAGE"), "111", "at|over|with", "no", ""),
    ("express disappointment", ("EXPRESS", "DISAPPOINTMENT"), "110", "at|over|with", "no", ""),
    ("express displeasure", ("EXPRESS", "DISPLEASURE"), "110", "at|over|with", "no", ""),
    ("express dissatisfaction", ("EXPRESS", "DISSATISFACTION"), "111", "at|over|with", "no", ""),
    ("voice support", ("VOICE", "SUPPORT"), "051", "for", "no", ""),
    ("voice criticism", ("VOICE", "CRITICISM"), "111", "of", "no", ""),
    ("voice outrage", ("VOICE", "OUTRAGE"), "111", "at|over", "no", ""),
    ("grant asylum", ("GIVE", "&ASYLUM"), "075", "to|obj", "no", "GIVE &ASYLUM; 'grant' alone is AID in frames.tsv"),
    ("exchange prisoner", None, "0841", "with", "no", "hand: CAMEO 0841 release persons (both ways)"),
    ("swap prisoner", None, "0841", "with", "no", "hand: as above"),
    ("prisoner swap", None, "0841", "with|between", "no", "hand: as above"),
    ("prisoner exchange", None, "0841", "with|between", "no", "hand: as above"),
    ("martial law", ("IMPOSE", "LAW"), "1724", "in|on", "no", "IMPOSE {MARTIAL LAW} [1724]"),
    ("phone call", None, "041", "with|between", "no", "hand: CAMEO 041 discuss by telephone"),
    ("hunger strike", None, "142", "-", "no", "hand: CAMEO 142 conduct hunger strike"),
    ("call for", ("CALL", "FOR"), "020", "for|on", "no", "CALL * (FOR ...) patterns are mostly 02x appeals"),
    ("step down", ("STEP", "DOWN"), "0831", "-", "no", "RETREAT resign as 'resign'"),
    ("disperse protest", ("DISPERSE", "PROTEST"), "175", "-", "no", "DISPERSE * PROTEST [175:145]; DISPERSE alone is 010"),
    ("disperse protester", None, "175", "-", "no", "hand: as 'disperse protest'"),
    ("disperse demonstrator", None, "175", "-", "no", "hand: as 'disperse protest'"),
]
PHRASE_OVERRIDES = {
    "step down": dict(type="RETREAT", mode="resign"),
    # 175 violent repression: the table's mode (pro_autocracy) is a context; the
    # ontology's ASSAULT mode for tear gas and water cannon is crowd-control.
    "disperse protest": dict(mode="crowd-control"),
    "disperse protester": dict(mode="crowd-control"),
    "disperse demonstrator": dict(mode="crowd-control"),
}

# Event nouns, by hand: noun, CAMEO code, target, note. Type/mode via the table.
NOUNS = [
    ("demonstration", "141", "against", ""),
    ("walkout", "143", "-", "mode strike (ontology); the table gives boycott for all of 143"),
    ("airstrike", "195", "on|against", "mode aerial (ontology); the table gives heavy-weapons for all of 195"),
    ("incursion", "190", "into", ""),
    ("invasion", "192", "of", "ASSAULT like 'invade' in frames.tsv; the table would give COERCE seize"),
    ("occupation", "192", "of", ""),
    ("annexation", "171", "of", ""),
    ("siege", "191", "of|on", ""),
    ("detention", "173", "of", ""),
    ("deportation", "174", "of", ""),
    ("expulsion", "166", "of", "mostly of diplomats in international news"),
    ("abduction", "181", "of", ""),
    ("assassination", "186", "of", ""),
    ("investigation", "090", "into|of", ""),
    ("inquiry", "090", "into", ""),
    ("lawsuit", "115", "against", ""),
    ("mobilization", "154", "-", ""),
    ("mobilisation", "154", "-", ""),
    ("deployment", "154", "to|in", ""),
    ("resignation", "083", "-", "RETREAT resign as 'resign'"),
    ("summit", "040", "with|between", ""),
    ("cyberattack", "176", "on|against", "COERCE cyber as 'hack'"),
    ("bombardment", "190", "of|on", ""),
    ("extradition", "063", "to", ""),
    ("clampdown", "170", "on|against", ""),
    ("confiscation", "1711", "of", ""),
    ("repatriation", "0841", "of", ""),
    ("acquittal", "081", "of", ""),
    ("indictment", "173", "of|against", ""),
    ("endorsement", "051", "of", ""),
    ("rejection", "120", "of", ""),
    ("refusal", "120", "-", ""),
    ("buildup", "154", "near|along|on|in", "ACCELERATE * BUILDUP [154]"),
    ("consultations", "040", "with|between", "plural only: 'in consultation with' is not an event"),
    ("shootout", "193", "with|between", ""),
    ("gunfight", "193", "with|between", ""),
    ("firefight", "193", "with|between", ""),
]
NOUN_OVERRIDES = {
    "airstrike": dict(mode="aerial"),
    "walkout": dict(mode="strike"),
    "invasion": dict(type="ASSAULT", mode=""),
    "resignation": dict(type="RETREAT", mode="resign"),
    "cyberattack": dict(type="COERCE", mode="cyber"),
}


def parse_cameo(path):
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    start = next(i for i, l in enumerate(lines) if "VERB PATTERNS" in l)
    end = next(i for i, l in enumerate(lines) if "TRANSFORMATIONS" in l)
    blocks, cur = [], None
    for l in lines[start + 1:end]:
        s = l.strip()
        if not s or s.startswith("#"):
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", s)
        if m:
            cur = {"name": m.group(1), "code": m.group(2).strip(), "members": [], "patterns": []}
            blocks.append(cur)
            continue
        if s.startswith("-"):
            body, _, com = s[1:].partition("#")
            codes = re.findall(r"\[([^\]]*)\]", body)
            pat = re.sub(r"\[[^\]]*\]", "", body).strip()
            verbs = [v for v in re.split(r"[\s,]+", com.strip()) if v.isupper()]
            cur["patterns"].append({"pat": pat, "code": codes[-1].strip() if codes else "",
                                    "verbs": verbs})
            continue
        body = s.partition("#")[0]
        m = re.search(r"\[([^\]]*)\]", body)
        cur["members"].append({"word": body.split()[0], "code": m.group(1).strip() if m else None})
    return blocks


def parse_plover(table_path, onto_path):
    table = {}
    for l in table_path.read_text(encoding="utf-8").split("\n"):
        l = l.split("#")[0].strip()
        m = re.match(r"^(\d+):\s*(.*)$", l)
        if not m or "," not in m.group(2):
            continue  # the 2-digit block headers ("03: AGREE")
        parts = [p.strip() for p in m.group(2).split(",")]
        table.setdefault(m.group(1), (parts[0], parts[1]))
    onto = json.loads(onto_path.read_text(encoding="utf-8"))
    modes = {k: {m["mode"] for m in v["modes"]} for k, v in onto["event_categories"].items()}
    return table, modes


class Plover:
    def __init__(self, table, modes):
        self.table, self.modes = table, modes

    def __call__(self, code):
        """CAMEO code -> (type, mode, code used) or None. 'a:b' codes: a is the
        subject->object event; ':b' (subject receives) is returned as None here."""
        code = (code or "").split(":")[0].strip()
        if not code.isdigit() or code.startswith("01"):
            return None
        c = "10" + code[2:] if code.startswith("02") else code
        for k in (c, c[:3]):
            if k in self.table:
                typ, mode = self.table[k]
                break
        else:
            return None
        mode = MODE_ALIAS.get((typ, mode), mode)
        if mode not in self.modes.get(typ, ()):
            mode = ""
        return typ, mode


def lemma_of(word):
    return word.lstrip("+").replace("_", " ").lower()


def after_star(pat):
    """What follows the verb in a pattern: a preposition, OBJ, or INTRANS."""
    if "*" not in pat:
        return None
    rest = pat.split("*", 1)[1].strip()
    if not rest:
        return "INTRANS"
    m = re.match(r"^\(\s*([A-Z]+)", rest)
    return m.group(1).lower() if m else "OBJ"


def existing_triggers(path):
    out = set()
    for l in path.read_text(encoding="utf-8").split("\n"):
        if l.startswith("#") or not l.strip():
            continue
        t = l.split("\t")[0].strip()
        if t != "trigger":
            out.add(" ".join(t.split()))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--review", action="store_true", help="report to stdout instead of the TSV")
    args = ap.parse_args()
    blocks = parse_cameo(args.shared / "petrarch2/dictionaries/CAMEO.2.0.txt")
    plover = Plover(*parse_plover(args.shared / "PLOVER/CAMEO2PLOVER-2021.txt",
                                  args.shared / "PLOVER/plover_ontology.json"))
    have = existing_triggers(HERE / "frames.tsv")
    review = []

    # 1-2. Every member verb with its main code; a verb in several blocks keeps the
    # code written on its own line, else the block named after it, else the first
    # (a block without a code, "[---]", comes last).
    cand = {}
    for b in blocks:
        for m in b["members"]:
            lem = lemma_of(m["word"])
            code = m["code"] or b["code"]
            rank = (3 if code in ("", "---") else 0 if m["code"]
                    else 1 if lemma_of(b["name"]) == lem else 2)
            pats = [p for p in b["patterns"] if m["word"].lstrip("+") in p["verbs"]]
            if lem not in cand or rank < cand[lem]["rank"]:
                cand[lem] = {"code": code, "rank": rank, "block": b["name"], "pats": pats}

    rows = []

    def add(trigger, code, target, flip, origin, over=None):
        over = over or {}
        p = plover(over.get("code", code))
        if p is None and "type" not in over:
            review.append(f"NO-PLOVER\t{trigger}\t{code}")
            return
        typ, mode = p if p else (None, "")
        typ = over.get("type", typ)
        mode = over.get("mode", mode)
        code = over.get("code", code).split(":")[0]
        if trigger in have:
            review.append(f"IN-FRAMES\t{trigger}")
            return
        rows.append((trigger, typ, mode or "-", code, target, flip, origin))

    # 3. Reviewed verbs.
    for lem, target in KEEP.items():
        if lem not in cand:
            sys.exit(f"KEEP names {lem!r}, which is not a member verb of CAMEO.2.0.txt")
        c = cand[lem]
        preps = collections.Counter(after_star(p["pat"]) for p in c["pats"]
                                     if plover(p["code"]) and plover(c["code"])
                                     and plover(p["code"])[0] == plover(c["code"])[0])
        review.append(f"KEEP\t{lem}\t{c['code']}\t{c['block']}\ttarget={target}\tpatterns={dict(preps)}")
        add(lem, c["code"], target, "no", "verb", OVERRIDES.get(lem))
    for lem, (code, target, why) in PATTERN_CODED.items():
        assert lem in cand and plover(cand[lem]["code"]) is None, lem
        add(lem, code, target, "no", "verb-patterns")
    dropped = sorted(l for l, c in cand.items() if l not in KEEP and l not in PATTERN_CODED
                     and plover(c["code"]))
    review.append(f"DROPPED ({len(dropped)} verbs with a PLOVER type, not kept on review): "
                  + ", ".join(dropped))

    # 4. Verb + noun phrases, checked against the dictionary's patterns.
    for trigger, ev, code, target, flip, note in PHRASES:
        if ev:
            v, n = ev
            ok = any(v in p["verbs"] and "*" in p["pat"]
                     and n in re.findall(r"[&A-Z][A-Z_&-]*", p["pat"].split("*", 1)[1])
                     for b in blocks for p in b["patterns"])
            if not ok:
                sys.exit(f"no pattern {v} * {n} in CAMEO.2.0.txt for {trigger!r}")
        add(trigger, code, target, flip, "phrase" if ev else "phrase-hand",
            PHRASE_OVERRIDES.get(trigger))

    # 5. Nouns.
    for noun, code, target, note in NOUNS:
        add(noun, code, target, "no", "noun", NOUN_OVERRIDES.get(noun))

    seen = set()
    for r in rows:
        if r[0] in seen:
            sys.exit(f"duplicate trigger {r[0]!r}")
        seen.add(r[0])
    rows.sort(key=lambda r: (PLOVER_ORDER.index(r[1]), r[6] != "verb", r[0]))

    if args.review:
        print("\n".join(review))
        print(collections.Counter(r[1] for r in rows))
        return
    out = sys.stdout
    out.write(HEADER)
    out.write("trigger\ttype\tmode\tcameo\ttarget\tflip\n")
    for r in rows:
        out.write("\t".join(r[:6]) + "\n")


HEADER = """\
# Event triggers derived from the PETRARCH2 CAMEO verb dictionary and the CAMEO->PLOVER
# table, for dyad's claim coder. Same columns as frames.tsv (see its header); triggers
# already in frames.tsv are not repeated.
# Generated by data/claims/derive_frames.py (read its docstring for the rules) and
# reviewed by hand: verbs come from CAMEO.2.0.txt (openeventdata/petrarch2, MIT,
# (c) 2015 Open Event Data Alliance) with the code of their verb block; types and modes
# come from CAMEO2PLOVER-2021.txt and the PLOVER ontology (openeventdata/PLOVER,
# CC BY-SA 4.0, (c) Open Event Data Alliance). Because it is derived from the PLOVER
# table, this file is CC BY-SA 4.0 (credit the OEDA); keep it separate from frames.tsv.
# Verb + noun triggers come from the dictionary's patterns, event nouns were added by
# hand with the CAMEO code that names them. Departures from the table are listed in the
# script (OVERRIDES, NOUN_OVERRIDES, PHRASES notes).
"""

if __name__ == "__main__":
    main()
