"""Claims of Spanish, French, Italian, German and Portuguese articles: seasons, dates, renewals, delays.
Japanese articles are read by ``claims.japanese`` (phrases, not words: the text has no spaces).

A smaller rule set than the English one, with each language's own words (months, "next year",
season nouns, hedges, sources). Studio claims need the language's word for animation and a studio
name; streaming claims a listed service in a sentence that guesses or announces. Other languages
(Chinese, Korean, ...) are skipped with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seasoncheck.claims import japanese
from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import Source
from seasoncheck.claims.finders import name_regex

SUPPORTED = ("es", "fr", "it", "de", "pt", "ja")


@dataclass(frozen=True)
class Lexicon:
    """One language's cue words, as regex alternations."""

    months: tuple[str, ...]  # January..December
    season_noun: str  # "temporada"
    ordinals: dict[str, int]
    next_year: str
    this_year: str
    renewal: str
    release: str
    delay: str
    hedge: str
    official: str
    media: str
    leak: str
    absence: str
    trailer: str
    unnumbered: str  # "temporada final", "Parte 3", "película"
    seasons: dict[str, str]  # "verano" -> "SUMMER"
    history: str  # past-tense premiere verbs: "se estrenó"


_ES_PT_ORD = {"segunda": 2, "tercera": 3, "terceira": 3, "cuarta": 4, "quarta": 4, "quinta": 5}
LEXICONS: dict[str, Lexicon] = {
    "es": Lexicon(
        (
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
        r"temporada",
        _ES_PT_ORD,
        r"el año que viene|el próximo año|el año próximo",
        r"este año|a finales de año",
        r"anunci\w*|confirm\w*|nueva temporada|llegada|regres\w*|volver\w*|renov\w*|producción",
        r"estren\w*|emisión|emitir\w*|lleg\w*|lanzamiento|fecha de estreno|(?:confirmad|previst|programad)\w* para",
        r"retras\w*|demora\w*|aplaz\w*|pospuest\w*",
        # the conditional of hearsay: "contaría ya con una cuarta temporada", "llegarían en 2027"
        r"podría\w*|posibl\w*|se espera|parece|quizás|tal vez|rumor\w*|probabl\w*|especula\w*|debería\w*|"
        r"(?:contar|tendr|llegar|estrenar|estar|ser|habr|saldr|volver|regresar|emitir|lanzar)ían?",
        r"oficial\w*|cuenta oficial|estudio|productora|según el anuncio|el anuncio (?:\w+ )?acompañad\w*|"
        r"(?:según|de acuerdo con) el comunicado|el comunicado",
        # an outlet named again: "la misma publicación asegura", "el medio añade"
        r"según|de acuerdo con|informa\w*|(?:la|esa|dicha) (?:misma )?(?:publicación|revista)|"
        r"(?:el|ese|dicho) (?:mismo )?(?:medio|reportaje|diario|periódico)",
        r"filtra\w*|rumor\w*|insider",
        r"se desconoce|no se ha|no ha habido|aún no|todavía no|sin fecha|ningún|ninguna",
        r"tráiler|avance|teaser|póster|visual|imagen promocional|ilustración promocional",
        r"temporada final|parte \d|película",
        {"invierno": "WINTER", "primavera": "SPRING", "verano": "SUMMER", "otoño": "FALL"},
        r"se estrenó|se emitió|fue estrenad\w*|se lanzó|llegó",
    ),
    "pt": Lexicon(
        (
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ),
        r"temporada",
        _ES_PT_ORD,
        r"o ano que vem|o próximo ano|ano que vem",
        r"este ano|ainda este ano",
        r"anunci\w*|confirm\w*|nova temporada|renova\w*|produção|volta\w*|retorn\w*",
        r"estre\w*|lançamento|exibi\w*|chega\w*|data de estreia|(?:confirmad|previst|marcad)\w* para",
        r"adia\w*|atras\w*",
        r"poderia|pode ser|possível|possivelmente|espera-se|parece|rumor\w*|provavelmente|provável|aposta|especula\w*|deve|deverá|deveria",
        r"oficial\w*|conta oficial|estúdio|o site|(?:segundo|de acordo com) o comunicado|o comunicado",
        r"segundo|de acordo com",
        r"vaza\w*|rumor\w*|insider",
        r"ainda não|sem data|não foi",
        r"trailer|teaser|pôster|visual|imagem promocional|ilustração promocional",
        r"temporada final|parte \d|filme",
        {"inverno": "WINTER", "primavera": "SPRING", "verão": "SUMMER", "outono": "FALL"},
        r"estreou|foi exibid\w*|foi lançad\w*|chegou",
    ),
    "fr": Lexicon(
        (
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
        r"saison",
        {"deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5},
        r"l[’']année prochaine|l[’']an prochain",
        r"cette année|d'ici la fin de l'année",
        r"annon\w*|confirm\w*|nouvelle saison|suite|retour|renouvel\w*|production",
        r"sorti\w*|diffus\w*|prévue? pour|arriv\w*|date de sortie|débarque\w*",
        r"report\w*|retard\w*|repouss\w*|décal\w*",
        r"pourrait|possibl\w*|semble|sembl\w*|probabl\w*|peut-être|rumeur\w*|spécul\w*|devrai\w*|"
        r"s[’']attendre|au plus tôt",
        r"officiel\w*|compte officiel|studio|communiqué|selon l[’']annonce|d[’']après l[’']annonce",
        r"selon|d[’']après|médias",
        r"fuite\w*|rumeur\w*|insider",
        r"n[’']a pas|pas encore|aucune date|pas de date|inconnu\w*",
        r"bande-annonce|teaser|trailer|visuel|affiche|illustration promotionnelle",
        r"saison finale|partie \d|film",
        {"hiver": "WINTER", "printemps": "SPRING", "été": "SUMMER", "automne": "FALL"},
        r"est sortie?|a été diffusée?|a débuté|avait débuté",
    ),
    "it": Lexicon(
        (
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ),
        r"stagione",
        {"seconda": 2, "terza": 3, "quarta": 4, "quinta": 5},
        r"l[’']anno prossimo|il prossimo anno",
        r"quest[’']anno|entro l[’']anno",
        r"annunci\w*|conferm\w*|nuova stagione|ritorn\w*|rinnov\w*|produzione|seguito",
        r"uscit\w*|usci\w*|debutt\w*|trasmess\w*|arriv\w*|data di uscita|previst\w* per",
        r"rinvi\w*|ritard\w*|posticip\w*",
        r"potrebbe|possibil\w*|sembra|probabil\w*|forse|speculazione|indiscrezion\w*|rumor\w*|dovrebbe\w*",
        r"ufficial\w*|account ufficiale|studio|(?:il|del|dal|sul) sito(?![ \t]+\w)|(?:il|nel|dal) comunicato",
        r"secondo|stando a",
        r"leak\w*|indiscrezion\w*|insider",
        r"non (?:si )?(?:hanno|ha|è)|ancora(?! una volta)|tutto tace|nessuna data",
        r"trailer|teaser|visual|poster|illustrazione promozionale|immagine promozionale",
        r"stagione finale|parte \d|film",
        {"inverno": "WINTER", "primavera": "SPRING", "estate": "SUMMER", "autunno": "FALL"},
        r"è uscit\w*|è andat\w* in onda|ha debuttato|è stat\w* trasmess\w*",
    ),
    "de": Lexicon(
        (
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ),
        r"staffel",
        {"zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5},
        r"nächstes jahr|im nächsten jahr|kommendes jahr",
        r"dieses jahr|noch in diesem jahr",
        r"angekündigt|bestätigt|neue staffel|fortsetzung|kehrt\w* zurück|produktion",
        r"start\w*|erschein\w*|ausgestrahlt|läuft|termin|kommen|kommt|geplant für",
        r"verschoben|verschiebung|verspät\w*",
        r"könnte|möglich\w*|vielleicht|wahrscheinlich|scheint|gerücht\w*|spekul\w*|soll|sollen|dürfte\w*",
        r"offiziell\w*|studio|(?:die|der|ihre|seine) website|(?:die|der|ihre|seine) webseite",
        r"laut|berichte\w*|zufolge",
        r"leak\w*|gerücht\w*|insider",
        r"noch nicht|kein termin|unbekannt",
        r"trailer|teaser|visual|poster",
        r"finale staffel|teil \d|film",
        {
            "winter": "WINTER",
            "frühjahr": "SPRING",
            "frühling": "SPRING",
            "sommer": "SUMMER",
            "herbst": "FALL",
        },
        r"lief|startete|erschien|wurde ausgestrahlt",
    ),
}


# Japanese: its own rules (``claims.japanese``); the lexicon only marks the language.
JA = Lexicon(
    (), "期", {}, "来年", "今年", "", "", "", "", "", "", "", "", "", "", {}, ""
)  # fmt: skip
LEXICONS["ja"] = JA


@dataclass(frozen=True)
class ForeignFinding:
    """One claim of a foreign-language sentence."""

    key: int | None
    type: str
    value: str | None
    source: Source


def season_keys(text: str, lex: Lexicon, target: int | None) -> tuple[int | None, ...]:
    """Season numbers a sentence names ("saison 2", "segunda temporada"); the target when none."""
    low = text.lower()
    keys: list[int | None] = []
    found = [
        (m.start(), int(m.group(1)))
        for m in re.finditer(rf"\b{lex.season_noun}\s+(\d{{1,2}})\b", low)
    ]
    found += [
        (m.start(), lex.ordinals.get(m.group(1), 0))
        for m in re.finditer(rf"\b(\w+)\s+{lex.season_noun}\b", low)
    ]
    for start, n in sorted(found):
        if n > 1 and n not in keys and not _ANCHOR_BEFORE.search(low, 0, start):
            keys.append(n)
    if re.search(lex.unnumbered, low) and None not in keys:
        keys.append(None)
    return tuple(keys) or (target,)


# A season named as a point in time: "the last episode of the second season" (es/fr/it/pt/de).
_ANCHOR_BEFORE = re.compile(
    r"\b(?:episodio|capítulo|final|fin|finale|épisode|episode|episodio|folge|ende|fim|término|tras)\s+"
    r"(?:\S+\s+){0,2}?(?:de la|del|de|di|della|der|da|do)\s+$"
)


def target_of(texts: list[str], lex: Lexicon) -> int | None:
    """The highest season number the article names (None: a final part or film)."""
    if lex is JA:
        return japanese.target_of(texts, None)
    best = None
    for t in texts:
        for k in season_keys(t, lex, None):
            if k is not None:
                best = max(best or 0, k)
    return best


_STORE_PREFIX = re.compile(r"^\s*date\s+\d{4}(?:-\d\d){0,2}\s")


def dates(text: str, lex: Lexicon, pub: tuple[int, int] | None) -> list[str | None]:
    """Normalised dates in a sentence: 'julio de 2024', '2024', 'el año que viene'."""
    low = _STORE_PREFIX.sub(" ", text.lower())
    out: list[str | None] = []
    months = "|".join(lex.months)
    taken: list[tuple[int, int]] = []
    for m in re.finditer(
        rf"\b(\d{{1,2}})?\.?\s*(?:de\s+)?({months})\s+(?:de\s+|del\s+)?((?:19|20)\d\d)\b", low
    ):
        mon = lex.months.index(m.group(2)) + 1
        day = f"-{int(m.group(1)):02d}" if m.group(1) else ""
        out.append(f"{m.group(3)}-{mon:02d}{day}")
        taken.append(m.span())
    names = "|".join(lex.seasons)
    for m in re.finditer(
        rf"\b({names})\s+(?:de\s+|del\s+|di\s+|del\s+|d[’']\s*)?((?:19|20)\d\d)\b", low
    ):
        out.append(f"{m.group(2)}-{lex.seasons[m.group(1)]}")
        taken.append(m.span())
    for m in re.finditer(r"\b((?:19|20)\d\d)\b", low):
        if not any(s <= m.start() < e for s, e in taken):
            out.append(m.group(1))
    if re.search(lex.next_year, low):
        out.append(f"{pub[0] + 1}" if pub else None)
    elif re.search(lex.this_year, low):
        out.append(f"{pub[0]}" if pub else None)
    return out


# A listed licensor, publisher or studio as the subject of an announcing verb (it, fr, es, pt, de).
_NAME_ANNOUNCES = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(n.lower()) for n in sorted(P.OFFICIAL_NAMES + P.STUDIOS, key=len, reverse=True)
    )
    + r")\s+(?:(?:ha|hanno|a|ont|han|ha|há|hat|haben)\s+)?(?:\w+\s+)?(?:conferm|annunci|rivel|annonc|confirm|"
    r"révél|anunci|revel|bestätig|angekündig)\w*"
)  # (a simple past needs no auxiliary: "Crunchyroll confirmó", "Crunchyroll anunciou")


# An outlet (portal, magazine, news site) named as the source of a report, in any language.
_OUTLET_CITED = re.compile(
    r"\b(?:riportat[oa]|riporta|rapporté|relayé|informad[oa]|informa|reportad[oa]|berichtet|noticiad[oa])\s+"
    r"(?:da|dal|dalla|dallo|par|por|pelo|pela|von|vom|de|del)\s+(?:l[ae']\s*|il\s+|el\s+|o\s+|a\s+|der\s+|dem\s+)?"
    r"(?:portale|portal|sito|site|rivista|revista|magazine|giornale|journal|jornal|periódico|medio|zeitschrift|magazin)\b"
)


# An announcing verb right after a named studio: then the studio is the source it names.
_ANNOUNCES_AFTER = re.compile(
    r"^.{0,40}?(?:annon|annunc|anunci|confirm|conferm|bestätig|angekünd|rivel|révél|revel)", re.I
)


def _named_not_cited(m: re.Match[str]) -> str:
    """ "studio X" blanked, unless the studio announces something itself ("le studio X a annoncé")."""
    rest = m.string[m.end() : m.end() + 60]
    return m.group() if _ANNOUNCES_AFTER.match(rest) else " " * len(m.group())


def source_of(text: str, lex: Lexicon) -> Source:
    """Status and attribution from the language's hedges and cited sources."""
    low = text.lower()
    hedged = bool(re.search(rf"\b(?:{lex.hedge})\b", low))
    # "n'a pas de date officielle": an official word inside an absence names no source; "le
    # studio Ajia-do rempile": the studio that animates is named, not cited
    unnamed = _NAMED_STUDIO.sub(_named_not_cited, text).lower()
    sourced = re.sub(rf"\b(?:{lex.absence})(?:\s+\S+){{0,3}}", " ", unnamed)
    media = bool(
        re.search(
            rf"\b(?:{lex.media})\s+(?!(?:el|la|le|l[’']|il|o|a|der|die|das)\s*(?:anuncio|annonce|annuncio|anúncio|ankündigung|comunicado|communiqué|comunicato|mitteilung|pressemitteilung))",
            low,
        )
    )
    if re.search(rf"\b(?:{lex.leak})", low):
        return Source("reported", "leak")
    if _OUTLET_CITED.search(low):  # "secondo quanto riportato dal portale X": another outlet
        return Source("reported" if hedged else "confirmed", "media")
    if re.search(rf"\b(?:{lex.official})", sourced) or _NAME_ANNOUNCES.search(sourced):
        return Source("speculated", "none") if hedged else Source("confirmed", "official")
    if media:
        return Source("reported" if hedged else "confirmed", "media")
    if hedged:
        return Source("speculated", "none")
    return Source()


# The first season named in any supported language: "primera temporada", "saison 1", "erste Staffel".
_FIRST_SEASON = re.compile(
    r"\b(?:primera|primeira|premi[eè]re|prima|erste[nr]?)\s+(?:temporada|saison|stagione|staffel)\b|"
    r"\b(?:temporada|saison|stagione|staffel)\s+1\b"
)


def _earlier_season(k: int | None, target: int | None) -> bool:
    """True for a numbered season below the article's subject season: it has aired."""
    return k is not None and target is not None and k < target


def _before_month(v: str | None, pub: tuple[int, int] | None) -> bool:
    """True when a 'YYYY-MM' value lies before the publication month."""
    if v is None or pub is None or not v[:4].isdigit():
        return False
    month = int(v[5:7]) if v[5:7].isdigit() else 12
    return (int(v[:4]), month) < pub


# The word for animation in each language: a studio named beside it animates the season.
_ANIMATION = re.compile(r"\b(?:animaci[óo]n|animation|animazion[ei]|animaç[ãa]o)\b", re.IGNORECASE)
# "el estudio Bones", "lo studio 8bit", "o estúdio Bones": a capitalised name after the studio word.
_NAMED_STUDIO = re.compile(
    r"\b(?i:estudio|studio|estúdio)\s+(?P<name>[A-Z0-9][\w.&'’+-]*(?:\s+[A-Z0-9][\w.&'’+-]*){0,2})"
)
_LISTED_STUDIO = name_regex(P.STUDIOS)
# A closing comparison with earlier seasons: "comme pour les trois premières saisons", "così come
# aveva fatto per la terza stagione". The seasons it names are not the claim's.
_COMPARISON = re.compile(
    r",?\s*\b(?:comme pour|comme lors|comme pour|così come|come per|come nelle|como en|como nas?|"
    r"como para|como fez|wie bei|wie schon)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


_SERVICE = name_regex(P.SERVICES)
# A relative clause about the past between commas: "Crunchyroll, qui proposait déjà la première
# saison, récupère aussi la suite". What it names is not what the sentence claims.
_RELATIVE = re.compile(r",\s*(?:qui|que|che|der|die|das)\b[^,]*,", re.IGNORECASE)


# A concession after the claim: what follows it does not undo it.
_CONCESSION = re.compile(
    r"\b(?:aunque|bien que|même si|anche se|sebbene|obwohl|auch wenn|embora|ainda que)\b"
)
_AGENT_BEFORE = re.compile(r"\b(?:par|por|da|von|durch|pela|pelo)\s+(?:\w+\s+)?$")
# "Aucune plateforme n'a été annoncée, mais Crunchyroll ...": the claim follows the contrast.
_CONTRAST = re.compile(r"\b(?:mais|mas|pero|ma|aber|sin embargo|però)\b")


def service_names(text: str, lex: Lexicon) -> list[str]:
    """Services a sentence names for the new installment: a listed service in a sentence that
    guesses or announces (the language's hedge or renewal words), not in a past-tense one."""
    if _SERVICE is None:
        return []
    main = _RELATIVE.sub(", ", text)
    low = main.lower()
    if re.search(rf"\b(?:{lex.history})\b", low) or _FIRST_SEASON.search(low):
        return []
    if not re.search(rf"\b(?:{lex.hedge}|{lex.renewal})", low):
        return []
    absent = re.search(rf"\b(?:{lex.absence})", low)
    names = []
    for m in _SERVICE.finditer(main):
        before = low[: m.start()]
        if (
            absent is not None
            and absent.start() > m.end()
            and _CONCESSION.search(low, m.end(), absent.start())
        ):
            absent_here = False  # "probably on X, although the platform has said nothing yet"
        else:
            absent_here = absent is not None and not _CONTRAST.search(before, absent.end())
        if _AGENT_BEFORE.search(before) or absent_here:
            continue  # "confirmée par Crunchyroll" is a source; "no platform yet" is no claim
        names.append(m.group())
    return list(dict.fromkeys(names))


# A studio signing on again: "le studio X rempile", "el estudio X volverá", "lo studio X torna".
_STUDIO_AGAIN = re.compile(
    r"\b(?:rempile|revient|reprend|volverá|regresa|repite|torna|tornerà|ritorna|kehrt|retorna|voltará)\b",
    re.IGNORECASE,
)


def studio_names(text: str) -> list[str]:
    """Studios a sentence ties to the animation: a listed name or "studio X" beside the language's
    word for animation, or beside a verb of signing on again."""
    if not (_ANIMATION.search(text) or _STUDIO_AGAIN.search(text)):
        return []
    names = [m.group() for m in _LISTED_STUDIO.finditer(text)] if _LISTED_STUDIO else []
    names += [m.group("name") for m in _NAMED_STUDIO.finditer(text)]
    out: list[str] = []
    for n in names:
        n = re.sub(r"^(?i:(?:the\s+)?(?:animation\s+)?studios?\s+)", "", n).strip()
        if n and not any(n == o or n in o or o in n for o in out):
            out.append(n)
    return out


def sentence_findings(
    text: str, lex: Lexicon, target: int | None, pub: tuple[int, int] | None
) -> list[ForeignFinding]:
    """The claims of one sentence."""
    if lex is JA:
        return [ForeignFinding(*f) for f in japanese.line_findings(text, target, pub)]
    low = text.lower()
    if text.rstrip().endswith("?"):
        return []
    keys = season_keys(_COMPARISON.sub("", text), lex, target)
    src = source_of(text, lex)
    out: list[ForeignFinding] = []
    absent = bool(re.search(rf"\b(?:{lex.absence})", low))
    has_dates = dates(text, lex, pub)
    if re.search(rf"\b(?:{lex.renewal})", low) and not (absent and not has_dates):
        out.extend(ForeignFinding(k, "renewal", None, src) for k in keys)
    new_keys = [k for k in keys if not _earlier_season(k, target)]
    if _FIRST_SEASON.search(low) and keys == (target,):
        new_keys = []  # only the first season is named: its dates are history
    if re.search(rf"\b(?:{lex.delay})", low):
        for k in new_keys:
            out.extend(
                ForeignFinding(k, t, v, src)
                for v in has_dates[-1:]
                if not _before_month(v, pub)
                for t in ("delay", "release")
            )
    elif re.search(rf"\b(?:{lex.release})", low) and not re.search(rf"\b(?:{lex.history})\b", low):
        out.extend(
            ForeignFinding(k, "release", v, src)
            for k in new_keys
            for v in has_dates
            if v is None or v >= f"{pub[0] if pub else 0}"
        )
    if re.search(rf"\b(?:{lex.trailer})\b", low) and not absent:
        out.extend(ForeignFinding(k, "trailer", None, src) for k in keys)
    if not absent and not re.search(rf"\b(?:{lex.history})\b", low):
        for name in studio_names(text):
            out.extend(ForeignFinding(k, "studio", name, src) for k in new_keys)
    for name in service_names(text, lex):
        out.extend(ForeignFinding(k, "streaming", name, src) for k in new_keys or (target,))
    return out
