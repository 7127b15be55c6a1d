"""Word lists for reading names in news text: titles, roles, organisation words, places, nouns that
can be sources, and the words that end or never join a name. Lowercase; matched case-insensitively.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Common nouns that can be a source without a name. Documents speak (`the report found`), groups
# act as one (`the team wrote`), and plural or unnamed crowds are vague (`officials said`).
DOCUMENT_NOUNS = _set(
    """study report statement ruling decree law act constitution survey analysis paper letter
    manifesto footage poll document statistics data figures numbers map filing complaint indictment judgment judgement verdict order
    bill tweet release summary research findings review investigation inquiry memo email
    proposal resolution directive guidance guidelines declaration communique communiqué website
    article editorial transcript post announcement petition lawsuit suit motion opinion"""
)
GROUP_NOUNS = _set(
    """team government court police embassy ministry administration committee commission
    council network company firm agency union party group military army navy cabinet senate
    congress parliament organisers organizers campaign coalition alliance opposition regime
    board family authorities media press"""
)
VAGUE_NOUNS = _set(
    """officials critics protesters protestors demonstrators organizers organisers authorities
    experts analysts scientists researchers residents witnesses activists lawmakers legislators
    senators media reports sources observers campaigners opponents supporters leaders members
    workers doctors officers prosecutors investigators people locals users citizens voters
    politicians diplomats commentators academics economists rescuers firefighters medics
    agencies outlets newspapers"""
)
# Honorifics and role words that show a person's gender (pronouns resolve with it).
FEMALE_WORDS = _set(
    "mrs ms miss madam mme mlle dame lady queen princess duchess spokeswoman chairwoman"
)
MALE_WORDS = _set("mr sir lord king prince duke spokesman chairman")


# Words that introduce or stand for a person's position. Matched case-insensitively, they end a
# name when scanning leftwards (`Foreign Minister [Sergey] Lavrov` → `Sergey Lavrov`).
TITLES = _set(
    """president presidents prime minister ministers secretary chancellor senator sen rep mme mlle
    representative governor gov mayor judge justice queen king prince princess crown pope sheikh
    dr mr mrs ms miss sir dame lord lady professor prof speaker chairman chairwoman chairperson
    director commissioner ambassador chief captain colonel general lieutenant sergeant detective
    inspector superintendent commander admiral bishop archbishop rabbi imam mp mep deputy vice
    spokesman spokeswoman spokesperson broadcaster leader head premier emir sultan coach manager
    dictator councillor councilman attorney prosecutor lawyer officer member assemblyman
    assemblywoman congressman congresswoman councilwoman commandant secretary-general ceo
    cardinal chairman"""
)

# Title words that are also common surnames: after a first name they end a name (`Ada King`).
SURNAME_TITLES = _set("king bishop judge marshal major dean cardinal sheriff")

# Lowercase nouns naming what someone is; before a name they mark a person, alone they are a role
# reference (`the diplomat added`) to resolve to an earlier named speaker.
ROLE_NOUNS = _set(
    """spokesman spokeswoman spokesperson rep representative diplomat publicist agent minister official officer
    president leader dictator chairperson chairman chairwoman chair commissioner judge justice
    professor researcher scientist co-author author lecturer analyst expert economist lawyer
    attorney prosecutor journalist reporter correspondent columnist editor broadcaster presenter
    host director manager chief executive ceo founder chef doctor nurse surgeon witness senator
    governor mayor ambassador envoy secretary adviser advisor aide negotiator activist campaigner
    rapporteur national mp lawmaker legislator politician candidate councillor general commander
    colonel captain detective inspector coach player striker teacher student singer actor"""
)

# Roles that only family or bystanders have: never resolved by recency alone (`the father said`).
GENERIC_PEOPLE = _set(
    """father mother son daughter brother sister wife husband parent parents child children
    family man woman boy girl person people resident residents neighbour neighbor friend victim
    survivor bystander witness one"""
)

# Role references and the descriptor words that make a named person compatible with them.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "diplomat": _set("diplomat minister ambassador envoy secretary consul"),
    "rep": _set("spokesman spokeswoman spokesperson representative rep secretary"),
    "spokesman": _set("spokesman spokeswoman spokesperson representative rep"),
    "spokeswoman": _set("spokesman spokeswoman spokesperson representative rep"),
    "spokesperson": _set("spokesman spokeswoman spokesperson representative rep"),
    "professor": _set("professor co-author author researcher scientist lecturer"),
    "researcher": _set("professor co-author author researcher scientist"),
    "scientist": _set("professor co-author author researcher scientist"),
    "minister": _set("minister secretary"),
    "official": _set("official officer spokesman minister secretary commissioner"),
    "leader": _set("leader president premier chancellor minister"),
    "president": _set("president leader chairperson"),
    "judge": _set("judge justice"),
    "lawyer": _set("lawyer attorney"),
}

ORG_WORDS = _set(
    """kremlin house union fund bank party police post times university college institute
    council commission ministry department agency court parliament congress senate assembly
    library exchange government administration news network organisation organization association
    committee service services reuters tass interfax pbs nbc cnn bbc npr ap afp foundation
    company corporation corp inc ltd group club league board bureau authority commons mail press
    today herald guardian telegraph journal tribune daily gazette observer chronicle express
    atlantic command guard forces army navy military archive street tower rally law act
    facebook twitter google microsoft apple amazon media radio television tv channel"""
)
# Heads that may take an `of` phrase inside an organisation name (House of Commons).
_ORG_OF_HEADS = _set(
    "house university office bank department ministry institute college court chamber bureau "
    "board council league commission conference center centre school society committee "
    "organization organisation union foundation federation association agency academy forum "
    "party movement coalition alliance network service"
)

COUNTRIES = _set(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium benin bolivia bosnia botswana brazil britain bulgaria burkina
    cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark
    djibouti ecuador egypt eritrea estonia ethiopia finland france gabon gambia georgia germany
    ghana greece guatemala guinea haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy jamaica japan jordan kazakhstan kenya kosovo kuwait laos latvia lebanon liberia
    libya lithuania luxembourg madagascar malawi malaysia mali malta mauritania mexico moldova
    mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger
    nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar
    romania russia rwanda senegal serbia singapore slovakia slovenia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand togo tunisia turkey uganda ukraine
    uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe england scotland wales europe
    africa asia america moscow washington beijing london paris kyiv kiev"""
)
MULTI_COUNTRIES = frozenset(
    [
        "saudi arabia",
        "united states",
        "united kingdom",
        "north korea",
        "south korea",
        "south africa",
        "new zealand",
        "sri lanka",
        "el salvador",
        "costa rica",
        "ivory coast",
        "united arab emirates",
        "czech republic",
        "dominican republic",
        "sierra leone",
        "south sudan",
        "burkina faso",
        "northern ireland",
    ]
)

# Capitalised words that start sentences or clauses but are never part of a name.
STOP_CAPS = _set(
    """the a an this that these those in on at for but and so as if when while after before
    amongst among amid amidst where whereas namely
    according speaking yesterday today currently officially specifically however another one
    per with by from during because rather like his her their its our my your we i you he she
    they it there here what who whom which why how yes yeah look now then also still even
    although though since until unless once both all some many much most more other such each
    every no not only just never let meanwhile earlier later instead despite without within
    beyond under over into through among between about against except to of up"""
)
_TIME_WORDS = _set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december"""
)
_PARTICLES = _set("bin ibn al el de van von der da di du la le del dos das")
