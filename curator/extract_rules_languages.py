"""The words of a credit in the languages besides English, one table per kind, by language (data).

A byline in French, German, Spanish, Italian, Dutch or Portuguese says what an English one says
with its own words: "Par Élodie Marchand avec l'AFP" is "By Élodie Marchand with AFP", "Von Anna
Schmidt (Text) und Tom Weber (Fotos)" names a writer and a photographer, "Par Jean Dupont, envoyé
spécial à Berlin" a reporter and his role (walk180 #2: each was credited as people, "avec AFP",
"Jürgen Groß mit dpa", "envoyé spécial à Berlin", "Tom Weber"). `extract_rules_bylines` builds
its patterns from these tables, so the English rules (`credits._with_co_author`, a role after a
comma, a picture's credit) hold in each language. Add a language by adding its words here.
"""

from __future__ import annotations

#: "with" between a byline's names ("By Ahmed Ali with Sara Lind", "Par Élodie Marchand avec
#: Jean Dupont"): a co-author, or, when what follows is an agency or an organisation ("avec
#: l'AFP", "mit dpa", "con EFE"), the help it gave, no co-author.
WITH_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("with", "alongside"),
    "fr": ("avec",),
    "de": ("mit",),
    "es": ("con",),
    "it": ("con",),
    "nl": ("met",),
    "pt": ("com",),
}

#: The articles written before an agency's or a team's name ("avec l'AFP", "mit der dpa", "con la
#: agencia EFE", "met het ANP"): no part of the name. French l' is written onto it.
ARTICLES: dict[str, tuple[str, ...]] = {
    "en": ("the",),
    "fr": ("l'", "l’", "la", "le", "les"),
    "de": ("der", "die", "das", "dem", "den"),
    "es": ("el", "la", "los", "las"),
    "it": ("l'", "l’", "il", "lo", "la", "gli", "le"),
    "nl": ("het", "de"),
    "pt": ("o", "a", "os", "as"),
}

#: A reporter's role after a comma ("Jean Dupont, envoyé spécial à Berlin", "Anna Schmidt,
#: Korrespondentin in Paris"), as "Jean Dupont, special correspondent in Berlin" is one in
#: English (`extract_rules_bylines.ROLE_NOUNS`): the role names no one. Lower-cased.
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "fr": (
        "envoyé",
        "envoyée",
        "envoyés",
        "correspondant",
        "correspondante",
        "journaliste",
        "rédacteur",
        "rédactrice",
        "chroniqueur",
        "chroniqueuse",
        "éditorialiste",
        "pigiste",
        "reporter",
    ),
    "de": (
        "korrespondent",
        "korrespondentin",
        "redakteur",
        "redakteurin",
        "reporterin",
        "journalistin",
        "chefredakteur",
        "chefredakteurin",
        "kolumnist",
        "kolumnistin",
        "autorin",
    ),
    "es": (
        "corresponsal",
        "enviado",
        "enviada",
        "periodista",
        "redactor",
        "redactora",
        "columnista",
        "cronista",
    ),
    "it": (
        "inviato",
        "inviata",
        "corrispondente",
        "giornalista",
        "redattore",
        "redattrice",
        "editorialista",
    ),
    "nl": ("verslaggever", "verslaggeefster", "redacteur", "redactrice", "correspondente"),
    "pt": ("correspondente", "jornalista", "repórter", "redator", "redatora", "colunista"),
    # ... and after the Arabic comma (fixlh: "بقلم خالد المنصور، مدير تجربة العملاء" was credited
    # whole): director, head, editor, correspondent, journalist, adviser, researcher, professor,
    # founder, expert, analyst, with the article ("المدير") where a title takes it
    "ar": (
        "مدير",
        "مديرة",
        "المدير",
        "المديرة",
        "رئيس",
        "رئيسة",
        "محرر",
        "محررة",
        "المحرر",
        "المحررة",
        "مراسل",
        "مراسلة",
        "المراسل",
        "المراسلة",
        "صحفي",
        "صحفية",
        "صحافي",
        "صحافية",
        "مستشار",
        "مستشارة",
        "باحث",
        "باحثة",
        "أستاذ",
        "أستاذة",
        "مؤسس",
        "المؤسس",
        "خبير",
        "خبيرة",
        "محلل",
        "محللة",
        # a writer's word before the name too ("بقلم الكاتبة سارة حسن", fixlq #2: credited whole)
        "الكاتب",
        "الكاتبة",
        "الصحفي",
        "الصحفية",
        "الصحافي",
        "الصحافية",
    ),
    # a job title after a comma (walk198 #1: "Ольга Кузнецова, директор по клиентскому опыту
    # «ТехноМаркета»" made the title a second author)
    "ru": (
        "директор",
        "руководитель",
        "руководительница",
        "менеджер",
        "основатель",
        "основательница",
        "сооснователь",
        "президент",
        "редактор",
        "корреспондент",
        "журналист",
        "журналистка",
        "обозреватель",
        "колумнист",
        "эксперт",
        "аналитик",
        "консультант",
        "специалист",
        "партнёр",
        "партнер",
        "профессор",
        "глава",
        "начальник",
    ),
}

#: A picture's credit in brackets after a name ("Tom Weber (Fotos)", "Tom Weber (photos)"): the
#: photographer, no author. Lower-cased.
PICTURE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("photo", "photos", "photography", "pictures", "images", "illustration", "illustrations"),
    "fr": ("photo", "photos", "photographie", "photographies", "illustration", "illustrations"),
    "de": ("foto", "fotos", "fotografie", "bild", "bilder", "illustration", "illustrationen"),
    "es": ("foto", "fotos", "fotografía", "fotografías", "ilustración", "ilustraciones"),
    "it": ("foto", "fotografia", "fotografie", "illustrazione", "illustrazioni"),
    "nl": ("foto", "foto's", "fotografie", "beeld", "illustratie", "illustraties"),
    "pt": ("foto", "fotos", "fotografia", "fotografias", "ilustração", "ilustrações"),
}

#: The writing's credit in brackets after a name ("Anna Schmidt (Text)"): its author, and the
#: bracket no part of the name. Lower-cased.
WRITING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("text", "words", "story", "reporting"),
    "fr": ("texte", "textes", "texte et photos"),
    "de": ("text", "texte"),
    "es": ("texto", "textos"),
    "it": ("testo", "testi"),
    "nl": ("tekst", "teksten"),
    "pt": ("texto", "textos"),
}

#: "and" between two people ("Anna Schmidt (Text) und Tom Weber (Fotos)"), where a bracket before
#: it ends its person's credit.
AND_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("and",),
    "fr": ("et",),
    "de": ("und",),
    "es": ("y", "e"),
    "it": ("e", "ed"),
    "nl": ("en",),
    "pt": ("e",),
}


#: A translator's credit after a byline's names ("Von Jürgen Groß, übersetzt von Paul Quinn",
#: "Par Élodie Marchand, traduit par Paul Quinn"), as "Translated by" is in English: the
#: translator is no author (walk193 #5). The words before the name, and the words for a
#: translation or a translator before a colon ("Übersetzung: Paul Quinn"). Lower-cased.
TRANSLATED_BY: dict[str, tuple[str, ...]] = {
    "en": ("translated by", "translation by"),
    "fr": ("traduit par", "traduite par", "traduction de", "traduction par"),
    "de": ("übersetzt von", "übersetzung von", "übersetzt aus dem englischen von"),
    "es": ("traducido por", "traducida por", "traducción de", "traducción por"),
    "it": ("tradotto da", "tradotta da", "traduzione di", "traduzione a cura di"),
    "nl": ("vertaald door", "vertaling door", "vertaling van"),
    "pt": ("traduzido por", "traduzida por", "tradução de", "tradução por"),
    "sv": ("översatt av", "översättning av"),
}
TRANSLATION_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("translation", "translator", "translators"),
    "fr": ("traduction", "traducteur", "traductrice"),
    "de": ("übersetzung", "übersetzer", "übersetzerin"),
    "es": ("traducción", "traductor", "traductora"),
    "it": ("traduzione", "traduttore", "traduttrice"),
    "nl": ("vertaling", "vertaler", "vertaalster"),
    "pt": ("tradução", "tradutor", "tradutora"),
    "sv": ("översättning", "översättare"),
}


def words_of(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every word of a table, once each, longest first (so a pattern made of them tries "fotos"
    before "foto")."""
    return tuple(sorted({w for words in table.values() for w in words}, key=lambda w: (-len(w), w)))


#: Ranks before a reporter's role, as "Senior" is before "Editor" ("Leitende Redakteurin Anna
#: Schmidt", "Grand reporter Jean Dupont"): with `ROLE_NOUNS`, a title before the name, no part of
#: it (walk184 #1). Lower-cased.
ROLE_RANKS: dict[str, tuple[str, ...]] = {
    "fr": ("grand", "grande"),
    "de": (
        "leitender",
        "leitende",
        "stellvertretender",
        "stellvertretende",
        "freier",
        "freie",
        "stellv.",
    ),
    "es": (),
    "it": (),
    "nl": ("hoofd",),
    "pt": (),
    # "Иван Петров, главный редактор" (fixlq #1: a name and a role with no label credited no one)
    "ru": (
        "главный",
        "главная",
        "старший",
        "старшая",
        "ведущий",
        "ведущая",
        "специальный",
        "специальная",
        "собственный",
        "собственная",
        "выпускающий",
        "выпускающая",
        "шеф-редактор",
    ),
}

#: Words after a reporter's role that belong to it, as "in chief" does in English ("Rédacteur en
#: chef Paul Martin", "Envoyée spéciale Marie Curie", "Redactor jefe Ana Ruiz"): the title ends
#: after them (walk184 #1). Lower-cased, several words each where the title has several.
ROLE_AFTER: dict[str, tuple[str, ...]] = {
    "fr": ("en chef", "adjoint", "adjointe", "spécial", "spéciale", "permanent", "permanente"),
    "de": (),
    "es": ("jefe", "en jefe", "especial", "adjunto", "adjunta"),
    "it": ("capo", "speciale", "aggiunto", "aggiunta"),
    "nl": (),
    "pt": ("chefe", "especial", "adjunto", "adjunta"),
    # "رئيس التحرير أحمد علي" (editor-in-chief; fixmf #1: a role before the name credited no one)
    "ar": ("التحرير",),
}

#: A team's, a desk's or a newsroom's word: "Jane Doe and the Customer Care Team", "Élodie
#: Marchand et l’équipe Relation Client", "Jürgen Groß und das Kundenservice-Team": after "and",
#: with an article before it, a team that names no one, and the person is credited alone
#: (walk184 #2). German writes it onto the word before ("Kundenserviceteam"). Lower-cased.
TEAM_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("team", "desk", "staff", "newsroom", "crew"),
    "fr": ("équipe", "rédaction", "service"),
    "de": ("team", "redaktion", "mannschaft"),
    "es": ("equipo", "redacción"),
    "it": ("squadra", "redazione", "team", "staff"),
    "nl": ("team", "redactie"),
    "pt": ("equipe", "equipa", "redação", "redacção"),
}

#: "our" before a team ("Jane Doe and our support team"), as an article is.
OUR_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("our",),
    "fr": ("notre",),
    "de": ("unser", "unsere", "unserem", "unserer"),
    "es": ("nuestro", "nuestra"),
    "it": ("il nostro", "la nostra"),
    "nl": ("ons", "onze"),
    "pt": ("nosso", "nossa"),
}
