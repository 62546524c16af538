"""Red flags written in Spanish: the same trusted guidance as ``concepts.py``, in the words Spanish
speakers in the US use for it, so that "mi mamá está vomitando sangre" gets 911 and not only the
plain "we answer in English" reply.

Sources: NCI, *La quimioterapia y usted* and *La radioterapia y usted* (when to call the doctor);
the oncologic emergencies as NCI's Spanish pages describe them; the 988 Lifeline's warning signs
(Línea 988, which answers in Spanish); Poison Control.

``matches(text)`` returns the concepts that fire, over the message folded to lowercase without
accents (people often type Spanish without them). A sentence that asks about a topic ("¿qué es
una embolia?", "¿cuáles son los signos...?") or tells of a time long past ("hace dos años") does
not fire a physical tier; a crisis cue fires unless the sentence is a topic question. Most cues
need a sign told as happening ("no respira", "le duele el pecho"), so a negated one ("no tiene
fiebre") does not fire.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from service.safety.concepts import Concept
from service.safety.tiers import CRISIS, EMERGENCY, PERSONAL, URGENT

_SOURCE = "NCI en español (La quimioterapia y usted; emergencias oncológicas); Línea 988"
_NOW = (
    r"(?:de repente|de pronto|ahora|ahorita|hoy|esta (?:manana|tarde|noche)|anoche|"
    r"desde (?:hace (?:un rato|unas horas|una hora)|esta|anoche|hoy))"
)
_TREATMENT = (
    r"\b(?:quimio\w*|tratamiento|defensas|leucemia|linfoma|mieloma|cancer|tumor|radio\w*|inmunoterapia|"
    r"neutropeni\w*|trasplante|chemo|oncolog\w*|port|cateter|globulos blancos)\b"
)
_PILLS = r"(?:pastillas|pildoras|tabletas|capsulas|medicinas|medicamentos|morfina|calmantes|remedios)"

CONCEPTS: tuple[Concept, ...] = (
    Concept("es_breathing", EMERGENCY, _SOURCE, (
        r"\bno (?:puede|puedo|podia|pudo|logra|consigue|alcanza a) respirar\b",
        r"(?<!si )\bno respira\b",
        r"\b(?:le|me|nos) cuesta (?:mucho |muchisimo )?respirar\b",
        r"\b(?:le|me) falta (?:mucho )?(?:el )?(?:aire|aliento)\b",
        r"\b(?:se esta ahogando|se ahoga|me ahogo|me estoy ahogando|ahogandose)\b",
        r"\blabios (?:morados|azules)\b",
        r"\b(?:dificultad|problemas?) (?:para|al) respirar\b",
        r"\brespira (?:muy )?(?:mal|rapido|raro|con dificultad)\b",
    )),
    Concept("es_chest_pain", EMERGENCY, _SOURCE, (
        r"\bdolor (?:muy )?(?:fuerte |intenso )?(?:en el|de|del) pecho\b",
        r"\b(?:le|me) duele (?:mucho |muchisimo )?el pecho\b",
        r"\bel pecho (?:le|me) duele\b",
        r"\b(?:opresion|presion|apreton) en el pecho\b",
    )),
    Concept("es_bleeding", EMERGENCY, _SOURCE, (
        r"\b(?:vomit\w*|tos\w*|escup\w*|arroj\w*) (?:mucha |puro |pura )?sangre\b",
        r"\bsangr\w* (?:mucho|muchisimo|sin parar|y no para|que no para)\b",
        r"\bno (?:para|deja) de sangrar\b",
        r"\bhemorragia\b",
        r"\bmucha sangre\b",
    )),
    Concept("es_unresponsive", EMERGENCY, _SOURCE, (
        r"\bno (?:se )?(?:despierta|reacciona)\b",
        r"\bno (?:la|lo|le) (?:puedo|podemos|pude|pudimos) despertar\b",
        r"\binconsciente\b",
        r"\bse (?:desmayo|desmaya|ha desmayado|esta desmayando)\b",
        r"\b(?:perdio|ha perdido|pierde) el conocimiento\b",
        r"\bdesorientad\w*\b",
        r"\bno (?:me|nos|la|lo) reconoce\b",
        r"\bno sabe (?:donde esta|quien es|quien soy)\b",
    )),
    Concept("es_seizure", EMERGENCY, _SOURCE, (
        r"\b(?:una|la|otra|las|sus|con) convulsion(?:es)?\b|\bconvulsiones\b|\bconvulsion(?:ando|o)\b",
        r"\bataque (?:epileptico|de epilepsia)\b",
    )),
    Concept("es_weakness", EMERGENCY, _SOURCE, (
        r"\bno (?:puede|puedo) (?:mover|sentir) (?:las piernas|la pierna|el brazo|un lado|la mitad)\b",
        r"\bno (?:siente|siento) las piernas\b",
        r"\bse (?:le|me) (?:cayo|cae|torcio|durmio) (?:la cara|la boca|medio cuerpo|un lado)\b",
        r"\b(?:perdio|perdi|pierde) (?:la )?fuerza en (?:las piernas|la pierna|un lado)\b",
        (
            rf"\b{_NOW}\b[^.?!]{{0,40}}\bno (?:puede|puedo) (?:caminar|pararse|pararme|ponerse de pie|"
            rf"hablar bien)\b"
        ),
        (
            r"\bno (?:puede|puedo) (?:caminar|pararse|pararme|ponerse de pie|"
            r"hablar bien)\b[^.?!]{0,40}" + rf"\b{_NOW}\b"
        ),
    )),
    Concept("es_swelling", EMERGENCY, _SOURCE, (
        (
            r"\bse (?:le|me) (?:esta )?(?:hinch\w*|inflam\w*) (?:toda )?(?:la cara|la garganta|"
            r"los labios|la lengua|el cuello)\b"
        ),
        r"\b(?:hinchazon|inflamacion) (?:de|en) (?:la )?(?:cara|garganta|lengua|cuello)\b",
        r"\breaccion alergica\b",
    )),
    Concept("es_overdose", EMERGENCY, _SOURCE, (
        r"\bsobredosis\b",
        (
            r"\b(?:se tomo|me tome|se trago|me trague|se comio|ha tomado|he tomado|tomo|tome|le di|"
            r"le dimos)\b[^.?!]{0,30}\b(?:todas|todo el frasco|un punado|un monton|muchas|el frasco|"
            r"la caja|demasiad\w*|de mas|doble|dos dosis)\b"
        ),
        rf"\b(?:se trago|se comio|se tomo|se metio a la boca) (?:unas |las |varias |mis |sus )?{_PILLS}\b",
    )),
    Concept("es_suicide", CRISIS, _SOURCE, (
        r"\b(?:ya )?no quiero (?:seguir )?(?:vivir|viviendo)\b",
        r"\b(?:me )?quiero morir(?:me)?\b",
        r"\b(?:quiere|quiere morirse|queria) morir(?:se)?\b",
        r"\bya no quiero seguir\b",
        r"\b(?:matarme|suicidarme|quitarme la vida|matarse|suicidarse|quitarse la vida)\b",
        r"\bme (?:quiero|voy a) matar\b",
        r"\bacabar con (?:todo|mi vida|esto de una vez)\b",
        r"\b(?:soy|es|ser|me siento|se siente) una carga\b",
        r"\bestar(?:ian|iamos|ia|an) mejor sin (?:mi|ella|el)\b",
        rf"\b{_PILLS} (?:guardadas|escondidas|juntadas)\b",
        rf"\b(?:guardando|juntando|acumulando|escondiendo) (?:las |mis |sus )?{_PILLS}\b",
        r"\bno (?:tiene|le veo|le encuentro) sentido (?:seguir|vivir|a la vida)\b",
        r"\bno vale la pena (?:vivir|seguir)\b",
        r"\b(?:cortarme|hacerme dano|lastimarme)\b",
        r"\b(?:no quiero|ojala no) (?:volver a )?despertar\w*\b",
        r"\bdespedirme de (?:todos|mi familia|ustedes)\b",
        (
            r"\bsuicid\w*\b(?=[^.?!]*\b(?:pienso|pensando|pense|quiero|quiere|ideas?|pensamientos?|"
            r"intent\w*|voy a|va a)\b)"
        ),
        r"\b(?:pienso|pensando|pense|ideas?|pensamientos?|intento) (?:en |de )?(?:el )?suicid\w*\b",
    )),
    Concept("es_fever_on_treatment", URGENT, _SOURCE, (
        (
            r"(?<!no )\b(?:tiene|tengo|tenia|con|le dio|me dio|le subio|me subio|hay|"
            r"tiene algo de) (?:\w+ )?(?:fiebre|calentura|temperatura)\b"
        ),
        r"\b(?:fiebre|calentura|temperatura) (?:de |en )?(?:3[89]|4[01]|10[0-4])\b",
        r"\b(?:3[89]|4[01])(?:[.,]\d)? ?(?:°|grados|c\b)",
        r"\bescalofrios\b",
        r"\btembl\w* de frio\b",
    ), context=_TREATMENT),
    Concept("es_fluids", URGENT, _SOURCE, (
        (
            r"\bno (?:retiene|puede retener|aguanta|tolera|le queda|se le queda) (?:nada|ni el agua|"
            r"liquidos|el agua|la comida)\b"
        ),
        r"\bvomita (?:todo|todo lo que)\b",
        (
            r"\b(?:vomit\w*|diarrea|evacu\w*|obr\w*)\b[^.?!]{0,25}\b(?:[4-9]|1\d|cuatro|cinco|seis|"
            r"siete|ocho|nueve|diez|muchas) veces\b"
        ),
        r"\bcasi no (?:orina|hace pipi|hace del bano)\b",
    )),
    Concept("es_line_or_pain", URGENT, _SOURCE, (
        (
            r"\b(?:cateter|port|puerto|via|picc|reservorio)\b[^.?!]{0,40}\b(?:roj\w*|hinchad\w*|pus|"
            r"supura\w*|caliente|se salio|se cayo|se zafo)\b"
        ),
        r"\bdolor (?:muy )?(?:fuerte|insoportable|intenso|terrible|horrible)\b",
        r"\bllagas en la boca\b[^.?!]{0,40}\bno (?:puede|puedo) (?:comer|tragar|beber|tomar)\b",
    )),
    Concept("es_personal", PERSONAL, _SOURCE, (
        (
            r"\b(?:puedo|puede|podria|podemos) (?:\w+ ){0,2}(?:tomar|dar(?:le)?|usar|"
            r"comer)\b[^.?!]{0,60}\b(?:con|durante) (?:mi|la|el|su) (?:quimio\w*|tratamiento|medicina|"
            r"inmunoterapia|radio\w*|chemo)\b"
        ),
        r"\bque dosis\b",
        (
            rf"\bcuant\w* (?:{_PILLS}|mg|miligramos|ml|mililitros|gotas|"
            rf"cucharadas?)\b[^.?!]{{0,30}}\b(?:le doy|le damos|le das|tomo|debo|debe|puedo)\b"
        ),
        (
            r"\b(?:debo|deberia|debe|deberiamos|puedo|puede|podemos|es mejor) (?:\w+ )?(?:dejar|"
            r"suspender|parar|saltar(?:me|se)?|interrumpir|aplazar|retrasar|reanudar|"
            r"volver a empezar) (?:la |el |mi |su |con la |con el )?(?:quimio\w*|tratamiento|radio\w*|"
            r"sesion\w*|ciclo|medicina|pastillas|chemo)\b"
        ),
        r"\bcuanto (?:tiempo )?(?:de vida )?(?:le|me) queda\b",
        r"\bcuanto (?:tiempo )?(?:va a|voy a) vivir\b",
        (
            r"\bque (?:tratamiento|opcion) (?:es (?:el |la )?mejor|elegir|escoger|nos conviene|"
            r"le conviene|me conviene)\b"
        ),
        (
            r"\bque (?:significa|quiere decir)n? (?:mis|sus|este|estos|mi|su) (?:resultado|analisis|"
            r"examen|estudio|reporte|biopsia)\w*\b"
        ),
    )),
)
"""Concepts whose cues are Spanish; added to the rules' table by ``situation.py``."""

_COMPILED = tuple((c, tuple(re.compile(p) for p in c.cues)) for c in CONCEPTS)
_CONTEXT = {c.id: re.compile(c.context) for c in CONCEPTS if c.context}
_SENTENCE = re.compile(r"[^.?!¿¡\n;]+")
_TOPIC = re.compile(
    r"^\s*(?:que (?:es|son|pasa si|significa)|cuales son|cual es|por que|como se|"
    r"como (?:puedo )?(?:prevenir|evitar|reconocer|saber)|"
    r"puede (?:la|el|una?) \w+ causar|(?:los )?(?:signos|sintomas|senales) de)\b"
)
_PAST = re.compile(
    r"\bhace (?:\d+|un|una|dos|tres|cuatro|cinco|seis|varios|varias|muchos|muchas|unos|unas) (?:anos|meses)\b"
    r"|\bel ano pasado\b|\ben (?:19|20)\d\d\b"
)
_SPANISH_WORDS = re.compile(
    r"\b(?:qu[eé]|de|la|el|y|mi|mis|su|est[aá]|tiene|tengo|con|por|para|muy|le|se|es|pero|ya|mucho|"
    r"ayuda|los|las|una)\b"
)


_ENGLISH_WORDS = re.compile(
    r"\b(?:the|and|is|are|was|my|he|she|his|her|to|of|in|it|i|you|what|can|with|for|has|have|not|this)\b"
)


def dominant(text: str) -> bool:
    """Mostly Spanish: then the English rules, which cannot read its framing ("hace dos años", "¿qué
    es...?"), stand aside for these (a mixed message keeps both)."""
    lower = text.lower()  # the function words are counted with or without their accents
    ours = len(_SPANISH_WORDS.findall(lower))
    return ours >= 3 and ours > 2 * len(_ENGLISH_WORDS.findall(lower))


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Lowercase without accents: "Está vomitando" and "esta vomitando" read alike."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ñ", "n")


@lru_cache(maxsize=256)
def matches(text: str) -> tuple[Concept, ...]:
    """The Spanish concepts that fire anywhere in ``text`` (none for a message with no Spanish)."""
    if len(_SPANISH_WORDS.findall(text.lower())) < 2:
        return ()
    folded = fold(text)
    found: list[Concept] = []
    for concept, cues in _COMPILED:
        context = _CONTEXT.get(concept.id)
        if context is not None and not context.search(folded):
            continue
        for sentence in _SENTENCE.findall(folded):
            if not any(cue.search(sentence) for cue in cues):
                continue
            if concept.tier != PERSONAL and _TOPIC.search(sentence):
                continue  # "¿qué es una convulsión?", "¿cuáles son los signos de...?"
            if concept.tier in (EMERGENCY, URGENT) and _PAST.search(sentence):
                continue  # "hace dos años tuvo una convulsión"
            found.append(concept)
            break
    return tuple(found)
