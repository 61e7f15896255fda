"""The data behind `curator.extract_bylines` and `curator.credits`: how a byline reads.

The lead-ins and labels of a credit ("By", "Words:", "Photography by", "本报记者"), the words
between and after its people (roles, places, helpers), and the guest and interviewer credits.
Where on a page a byline stands (its classes, tags and the headings after which a "By ..." is no
longer the article's) is `curator.extract_rules_bylineplace`. Each table says where it came
from (Readability.js's byline regex, WordPress and Drupal markup, the mozilla/readability test
pages and the corpus). Split from `curator.extract_rules`; change a table here, not a rule in the
code.
"""

from __future__ import annotations

import re

from curator import extract_rules_languages as languages
from curator.extract_rules_agencies import NEWS_AGENCIES

#: Bylines longer than this are prose, not a byline (Readability.js uses 100).
MAX_BYLINE_CHARS = 100

#: The label table of a byline's parts (walk167 #1, #2; walk170 N2). The words that label the
#: pictures or the visuals ("Photography", "Portraits", "Images"; `PICTURE_CREDIT` below), and
#: the words that label the writing ("Written", "Words", "Text", "Interview", "Reporting"): one
#: who did the writing, alone or with the pictures ("Words and photography by Tomas Berg", "Text
#: and photos: Tomas Berg"), or to whom the piece was told ("As told to Nora Kim"), is its author.
_PICTURE_WORDS = (
    r"(?:photography|photographs?|photos?|images?|pictures?|portraits?|portraiture|"
    r"illustrations?|video(?:s|graphy)?|"
    r"graphics?|infographics?|design|art(?:work)?|animations?|maps?|charts?|visuals?|"
    r"cartography|data\s+visuali[sz]ations?|"
    # and in French, German, Spanish, Italian, Dutch, Portuguese ("Texto: Ana Ruiz; Fotos: Leo
    # Grant", "Von Anna Schmidt. Fotos: Leo Grant", walk180 #2: the photographer was credited)
    + "|".join(map(re.escape, languages.words_of(languages.PICTURE_WORDS)))
    + ")"
)
#: Words that label the writing before "by" ("Interview by", "Words by") or, the first five, a
#: colon ("Text:", "Words:").
WRITING_LABEL_WORDS = (
    "words",
    "text",
    "story",
    "written",
    "writer",
    "reporting",
    "reported",
    "article",
    "interview",
    "interviewed",
    "interviews",
)
_WRITING_WORDS = "(?:" + "|".join(WRITING_LABEL_WORDS) + ")"
WRITING_WORDS = _WRITING_WORDS
PICTURE_WORDS = _PICTURE_WORDS
#: A writing label that names the writer of the words and the pictures both ("Words and
#: photography by", "Text and photos:", "Story & pictures by"), or the one the piece was told to
#: ("As told to"): each labels an author.
WRITING_AND_PICTURES_LABEL = (
    rf"(?:{_WRITING_WORDS}\s+(?:and|&)\s+{_PICTURE_WORDS}(?:\s+by\b|(?=\s*:))|as\s+told\s+to\b)"
)

#: A guest's credit written as a sentence (walk193 #4: the blog owner the feed and the meta tag
#: name was credited): "Today's post comes from our guest, Carlos Mendes.", "This post was written
#: by Carlos Mendes.", and a guest's bio "About the guest author: Carlos Mendes runs ..." (its name
#: cut from the sentence by `extract_bylines`). Part of `BYLINE_PREFIX` and of `GUEST_CREDIT`.
GUEST_LEADS = (
    r"(?:(?:today['’]?s|this)\s+(?:post|article|piece|column|essay)\s+(?:comes|is)\s+from\s+"
    r"(?:our\s+)?guests?(?:\s+(?:author|writer|blogger|contributor|columnist))?\s*,?"
    r"|this\s+(?:post|article|piece|column|essay)\s+(?:was|is)\s+(?:written|contributed)\s+by"
    r"|about\s+(?:the|our|this)\s+guest\s+(?:author|writer|blogger|contributor|columnist)\s*:"
    # ... and in French (walk196 #2: "Ce billet est signé par notre invité, Carlos Mendes.",
    # "Article invité de Carlos Mendes" lost to the owner's byline)
    r"|(?:ce|cet)\s+(?:billet|article|texte|post)\s+(?:est\s+)?(?:signé|écrit|rédigé)\s+par\s+"
    r"(?:notre|un|une)\s+invitée?\s*,?"
    r"|(?:billet|article|texte|tribune|post)\s+invitée?\s+(?:de|par)\b)"
)
#: An editor's note's label before a guest's credit ("Editor's note: This is a guest post by Duff
#: Anderson", "Ed. note:", "Note:"; walk203 #4: it credited no one, and the line without it the
#: guest): read through, as the label names no one.
NOTE_LABEL = r"(?:(?:(?:editor['’]?s|editorial|ed\.?)\s+)?note\s*(?:\([^()]{0,40}\)\s*)?[:\-–—]\s*)"
#: That label alone, in its own inline element (`<strong>Editor's note:</strong> This is ...`).
NOTE_LABEL_ONLY = re.compile(rf"\s*{NOTE_LABEL}", re.I)
#: The lead of a guest's bio (`GUEST_LEADS`' last part): the name is the capitalised words after
#: it, before the sentence goes on ("Carlos Mendes runs support ...").
GUEST_BIO_LEAD = re.compile(
    r"^\s*about\s+(?:the|our|this)\s+guest\s+(?:author|writer|blogger|contributor|columnist)"
    r"\s*:\s*",
    re.I,
)

#: The lead-in of a byline ("By Jane Doe", "Written by ...", "Posted by ...", "Analysis by" at CNN),
#: in the languages of the corpus pages: French "Par", Spanish and Portuguese "Por", German "Von",
#: Dutch "Door", Italian "Di", Swedish and Norwegian "Av", Danish "Af", Polish "Przez", Greek
#: "Του"/"Της" (not Indonesian "Oleh": a Ukrainian given name, walk104 #3), and the "Text:"/"Author:" labels (Russian "Текст:"/"Автор:"
#: on wday.ru in the scrapinghub set, Spanish and Portuguese "Texto:", French "Texte :"/"Auteur :",
#: German "Autor:", Finnish "Teksti:"/"Kirjoittaja:", Hindi "लेखक:", Greek "Συντάκτης:": walk102
#: #3). Stripped from every
#: byline; a visible line that opens with one is tested as a byline.
#: Russian labels before a byline's names besides "Автор:" and "Текст:": the plural ("Авторы:"),
#: a guest's ("Гостевой автор:", `GUEST_CREDIT`), the article's or the column's author ("Автор
#: материала:", "Автор колонки:"), "Текст и фото:" (walk198 #1).
RUSSIAN_AUTHOR_LABEL = (
    r"(?:(?:гостев(?:ой|ая)\s+)?(?:автор(?:ы|ка)?|колумнист(?:ка)?)"
    r"(?:\s+(?:материала|статьи|текста|колонки|публикации))?|текст\s+и\s+фото"
    # "Материал подготовили: Иван Петров, ..." (prepared by; walk200 #1: kept as a name)
    r"|(?:материал\s+)?подготовил[аи]?)"
)
#: A guest's label in Russian, Arabic and Japanese ("Гостевой автор:", "كاتب ضيف:" guest writer,
#: "寄稿：" contribution): the page names its author as a guest (walk198 #1).
OTHER_GUEST_LABEL = (
    r"(?:гостев(?:ой|ая)\s+(?:автор(?:ка)?|колумнист(?:ка)?)(?:\s*:|(?=\s+(?-i:[А-ЯЁ])))"
    r"|(?:ال)?كاتب(?:ة)?\s+(?:ال)?ضيف(?:ة)?\s*[:：]?|寄稿(?:者)?\s*[:：])"
)
#: "By" in languages other than English, as `BYLINE_PREFIX` and `OTHER_BY_LEAD` read it.
_OTHER_BY = r"(?:von|par|por|door|di|av|af|przez|του|της)"
#: The date a byline gives between its "Posted on" and its "by" (`BYLINE_PREFIX`): a few words,
#: one of them a number or a weekday ("21/11/2026", "Tuesday, 21 November 2026", "21 de noviembre de 2026").
_DATED = r"(?=[^|•·\n]{0,40}?(?:\d|day\b))[\w./,:\- ]{1,40}?"
#: A news agency's name after another language's "by" ("Par AFP", "Von Reuters", "Door ANP"),
#: with the article French, Italian, Spanish or German may put before it ("Par l'AFP", "Von der
#: dpa"): the agency is credited as "By AFP" is (walk196 #1: "Par AFP" was published as a name).
_AGENCY_AFTER_BY = (
    r"(?:l['’]|(?:la|le|el|die|der)\s+)?(?:"
    + "|".join(re.escape(a) for a in sorted(NEWS_AGENCIES, key=len, reverse=True))
    + r")(?![\w'’])"
)
#: The interviewer's credit in French and Spanish (`BYLINE_PREFIX`, `INTERVIEWER_LEAD`).
_INTERVIEWER_OTHER = (
    r"(?:entretien|interview)\s+(?:réalisée?|menée?|conduite?)\s+par|propos\s+recueillis\s+par|"
    r"entrevista\s+(?:realizada|hecha|feita|conducida)\s+por|"
    # ... and in Russian ("Беседовала Анна Иванова", talked with; walk200 #1: credited whole)
    r"беседовал[аи]?(?=\s+(?-i:[А-ЯЁ]))"
)
#: The categories a WordPress meta line files the post in, between its "Posted in" and its "by"
#: (`BYLINE_PREFIX`): a few words, commas and ampersands, no sentence ("Cat1, Cat2 & Cat3").
_FILED_IN = r"[\w&'’\- ]{1,40}(?:,\s*[\w&'’\- ]{1,40}){0,5}?"
_FILED_IN_BY = rf"(?:(?:posted|published|filed)\s+(?:in|under)|filed\s+to)\s+{_FILED_IN}\s+by"
#: That lead alone, left out before a helper's credit is looked for (walk200 #2: the category
#: "Support" in "Posted in CX, Support by Sam Lee" read as "support by", a helper's credit).
FILED_IN_LEAD = re.compile(rf"^\s*{_FILED_IN_BY}\s+", re.I)
BYLINE_PREFIX = re.compile(
    rf"^\s*(?:{WRITING_AND_PICTURES_LABEL}|"
    r"(?:written|posted|published|reported|reporting|story|text|words|article|analysis|"
    r"commentary|opinion|review|interview)\s+(?:by|from)|by|from|"
    # the interviewer's credit ("Interview conducted by Nora Kim", "Interviewed by ...", walk193 #2)
    r"interview\s+conducted\s+by|interviewed\s+by|"
    # ... in French and Spanish ("Entretien réalisé par Claire Martin", "Propos recueillis par",
    # "Entrevista realizada por"; walk196: credited no one): `INTERVIEWER_LEAD`
    rf"{_INTERVIEWER_OTHER}|"
    # "Written/published by" in other languages (walk195 #3: "Écrit par Anaïs Le Bihan",
    # "Geschrieben von Jürgen Groß", "Escrito por María José Fernández" credited no one)
    r"(?:écrite?|rédigée?|publiée?|postée?)\s+par|(?:geschrieben|verfasst|veröffentlicht)\s+von|"
    r"(?:escrit[oa]|redactad[oa]|redigid[oa]|publicad[oa])\s+por|"
    r"(?:scritt[oa]|pubblicat[oa])\s+da|"
    # ... and with the date between ("Posted on 21/11/2026 by Anne Archer", "Publié le 21/11/2026
    # par ...", "Veröffentlicht am 21. November 2026 von ...", "Publicado el ... por ...")
    rf"(?:(?:posted|published|written|updated)\s+on|(?:publiée?|postée?|écrite?)\s+le|"
    rf"(?:veröffentlicht|geschrieben)\s+am|(?:publicad[oa]|escrit[oa])\s+(?:el|em)|"
    rf"(?:pubblicat[oa]|scritt[oa])\s+il)\s+{_DATED}\s+(?:by|par|von|por|da)|"
    # ... and with the categories between, a WordPress meta line ("Posted in Customer Experience
    # by Jane Roe", "Filed under Cat1, Cat2 by ..."; walk196: credited no one): no name
    rf"{_FILED_IN_BY}|"
    # A guest's lead-in ("Guest post by Carlos Mendes", "Guest author: Ian Ford"): `GUEST_CREDIT`.
    rf"{NOTE_LABEL}?(?:this\s+is\s+an?\s+)?guest\s+"
    r"(?:post|article|column|essay|piece|author|writer|contributor|blogger|columnist)"
    r"\s*(?:by\b|:)|"
    # German "(Ein) Gastbeitrag von" (a guest post by; walk163 N1)
    r"(?:ein\s+)?gastbeitrag\s*(?:von\b|:)|"
    # A guest's credit as a sentence ("Today's post comes from our guest, Carlos Mendes.", "This
    # post was written by Carlos Mendes.", "About the guest author: Carlos Mendes runs ...";
    # walk193 #4): `GUEST_LEADS`.
    rf"{NOTE_LABEL}?{GUEST_LEADS}|"
    # A WordPress theme's author link ("View all posts by Omar Haddad", "More by ...", "Posts by
    # ...", "Articles by ..."; walk112 #8): the person the link is for.
    r"(?:view\s+(?:all\s+)?(?:posts|articles|stories)|(?:all\s+|more\s+)?(?:posts|articles|stories)"
    r"|more)\s+by|"
    r"(?:authors?|text|texto|texte|текст|автор|auteur|autor|autore|teksti|kirjoittaja|"
    r"लेखक|συντάκτης|words|story|writer|written)\s*:|"
    # Russian plural, guest and article labels (walk198 #1: "Авторы: Иван Петров и Мария
    # Смирнова", "Гостевой автор: Ольга Кузнецова" were credited with the label)
    rf"{RUSSIAN_AUTHOR_LABEL}\s*:|{RUSSIAN_AUTHOR_LABEL}(?=\s+[—–]\s)|"
    # ... and a guest's without its colon ("Гостевой автор Ольга Кузнецова", walk200 #1)
    r"гостев(?:ой|ая)\s+(?:автор(?:ка)?|колумнист(?:ка)?)(?=\s+(?-i:[А-ЯЁ]))|"
    # Czech, Slovak, Polish and Slovene "wrote" before the name ("Napsal Jan Novák", "Napisal
    # Jan Novák", "Napisała Anna Nowak"; walk163 N1)
    r"(?:napsal|napsala|napísal|napísala|napisal|napisala|napisał|napisała)(?=\s+\w)|"
    # "By" in other languages. Several are also the first word of surnames (Di Sora, Von Miller,
    # Af Klint): read as "by" only before a name of two words or more with no comma between them
    # ("Par Sébastien Farcis" -> "Sébastien Farcis"; "Di Sora, J." stays whole).
    rf"{_OTHER_BY}(?=\s*[:\-–—]?\s+[^\s,]+\s+[^\s,]|\s*[:\-–—]?\s+{_AGENCY_AFTER_BY}))"
    r"\s*[:\-–—]?\s+"
    # ... and the article before an agency ("Par l'AFP" -> "AFP")
    rf"(?:(?:l['’]|(?:la|le|el|die|der)\s+)(?={_AGENCY_AFTER_BY}))?",
    re.I,
)

#: An `author:` line of a draft opening with another language's "by" before a name of two words
#: or more ("Von Jürgen Groß", "Par Anaïs Le Bihan": walk191 #7, published as typed where "By
#: Jane Doe" lost its "By"): the lead-in, then the name.
OTHER_BY_LEAD = re.compile(rf"^\s*({_OTHER_BY})\s*[:\-–—]?\s+(?=[^\s,]+\s+[^\s,])", re.I)

#: Separators between several people in one byline ("Jane Doe and John Roe", "A, B & C").
AUTHOR_SPLIT = re.compile(
    r"\s*(?:;|\||\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s*\n\s*|[、，；]"
    # the middle dot between two names in kanji ("山田太郎・佐藤花子", walk200 #1), not the one
    # between a katakana name's parts ("ジョン・スミス")
    r"|(?<=[\u3400-\u9fff])[・･](?=[\u3400-\u9fff]))\s*",
    re.I,
)

#: A Chinese or Japanese credit's label before the name: "本报记者 王小明", "记者 王小明", "编辑：韩梅梅",
#: "文/李雷", "文・山田太郎", "（記者 佐藤花子）", and Japanese "寄稿：" (contribution), "筆者：",
#: "著者：" (walk198 #1), "文＝山田太郎" (the equals sign Japanese magazines write, fixlh). "文" and
#: "图" (text, picture) only before a slash, a colon, a middle dot or an equals sign, for they are
#: also surnames (文在寅). "取材・文：佐藤花子" (reporting and text, walk200 #1) is one label.
CJK_CREDIT_LABEL = re.compile(
    r"^\s*[（(]?\s*(?:(?:本报|本報|本社|本刊|本台|特约|特約|新华社|新華社)?"
    r"(?:记者|記者|特派员|特派員|通讯员|通訊員|通信員|责任编辑|責任編輯|责编|编辑|編輯|編集|作者|撰文|执笔|執筆)"
    r"\s*[:：/／＝]?\s*|(?:(?:取材|構成)[・･·]?(?:文|執筆)|文|图|圖|文字|撰稿|文章|寄稿者|寄稿|筆者|著者|執筆者|作家)"
    r"\s*[:：/／・･·＝=]\s*)"
)
#: A Chinese or Japanese line that opens with a credit's label and its colon, slash or middle dot
#: ("文：山田太郎", "寄稿：鈴木一郎", "记者：王小明"): tested as a byline, as a line opening with "By"
#: is (walk198 #2). Without its mark a label may open a sentence ("記者会見で ...").
CJK_CREDIT_LINE = re.compile(
    r"^\s*[（(]?\s*(?:本报|本報|本社|本刊)?(?:(?:取材|構成)[・･·]?(?:文|執筆)|记者|記者|编辑|編輯|"
    r"編集|作者|撰文|执笔|執筆者|執筆|文字|文章|撰稿|寄稿者|寄稿|筆者|著者|文|图|圖)\s*[:：/／・･·＝=]"
)
#: The label before the name in a Korean, Arabic or Hebrew credit (walk88 #4): Korean "글" (text)
#: before a space, a middle dot, a colon or a slash ("글 이영희", "글·이영희"; "글로리아" is a name),
#: Arabic "بقلم" (by the pen of) and Hebrew "מאת" (by), with or without a colon; and (walk97 #5)
#: Turkish "Yazan:" (also a given name: only with its colon), Vietnamese "Bài:" (article: only with
#: its colon) and "Tác giả" (author), Thai "โดย" (by) and "เรื่อง:" (story: only with its colon).
WORD_CREDIT_LABEL = re.compile(
    r"^\s*(?:글(?=\s*[:：/·・]|\s+[\uac00-\ud7a3])|(?:مقال\s+رأي\s+)?بقلم(?=[\s:：])|מאת(?=[\s:：])|كتبت?(?=\s*[:：])"
    # "wrote it" ("كتبته: سارة حسن", "كتبه أحمد علي"), "opinion article by" (walk200 #1)
    r"|(?:كتبته|كتبه|كتبها)(?=[\s:：])"
    # Arabic "guest writer", "the writer", "writers", "author", "prepared by" (walk198 #1)
    r"|(?:ال)?كاتب(?:ة)?\s+(?:ال)?ضيف(?:ة)?(?=[\s:：])"
    r"|(?:(?:ال)?(?:كاتب|كاتبة|كتاب|كتّاب|مؤلف|مؤلفة)|تأليف|إعداد)(?=\s*[:：])"
    r"|(?:Yazan|YAZAN|Bài|BÀI|เรื่อง)(?=\s*[:：])|(?:Tác giả|TÁC GIẢ|โดย)(?=[\s:：]))"
    r"\s*[:：/·・]?\s*"
)
#: A Korean credit's role after the name: "김민수 기자" (reporter), "김민수기자", "박지원 특파원"
#: (correspondent), "이영희 선임기자" (senior reporter).
#: Korea's cities a dateline names after a reporter's name ("김민수, 서울"): each is written as
#: a name of two syllables is, so without this list "서울" (Seoul) was a co-author (walk147 #3).
#: Only the big cities a Korean paper's dateline gives; another place of two syllables is still
#: read as a name.
KOREAN_DATELINE_PLACES: frozenset[str] = frozenset(
    {"서울", "부산", "인천", "대구", "대전", "광주", "울산", "세종", "제주", "수원", "평양"}
)

KOREAN_CREDIT_ROLE_TAIL = re.compile(
    r"(?<=[\uac00-\ud7a3])\s*(?:(?:선임|수석|객원)?기자|특파원)\s*$"
)
#: A Chinese or Japanese credit's role or honorific after the name: "佐藤花子記者", "山田太郎氏",
#: "鈴木 一郎 編集委員", "王小明 报道".
CJK_CREDIT_ROLE_TAIL = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u9fff])\s*(?:(?:本报|本報)?(?:记者|記者|特派员|特派員|"
    r"编辑委员|編集委員|論説委員|论说委员|通讯员|通信員|編集長|主编|主編|撰稿人|氏|さん|様|先生|女士|教授)"
    r"|\s(?:报道|報道|撰|文|摄|撮影))\s*[)）]?\s*$"
)
#: "And" between two people in scripts whose word for it `AUTHOR_SPLIT` does not know: Arabic
#: و, written onto the next word ("محمد الأحمد وعلي حسن"); Hebrew ו, always written onto it
#: ("דוד כהן ושרה לוי"); Russian, Bulgarian, Serbian and Ukrainian "и"/"і"/"та" ("Иван Петров и
#: Мария Соколова"), Greek "και"/"κι", Hindi "और" (walk139 #2: each was published as one person).
#: Read as a split only between names of two words or more (`credits._people_of`): a given
#: name may itself start with the letter (وليد, Walid; ורד, Vered), and "Иван и Мария Петровы"
#: (Ivan and Maria Petrov) is no "Иван" alone. Also, lower-case only, Spanish "y", Catalan and
#: Polish "i", Portuguese and Italian "e", Dutch "en", Turkish "ve", Thai "และ", and Chinese 和/与
#: between two names of two or three characters (walk144 #1, #4): "José Ortega y Gasset", "Josep
#: Puig i Cadafalch", "Maria da Silva e Sousa" are one person each (the word inside a surname),
#: "Anna Kowalska i Jan Nowak", "Ahmet Yılmaz ve Ayşe Kaya", "王伟和李娜" two; Danish and Norwegian
#: "og", Swedish "och" ("Af Lars Berg og Anne Holm", walk163 N8: no one was credited).
NAMES_AND = re.compile(
    r"\s+و\s*(?=[\u0600-\u06ff])|(?<=[\u05d0-\u05ea])\s+ו(?=[\u05d0-\u05ea])"
    r"|\s+(?:и|і|та|και|κι|और|และ)\s+|\s+(?-i:y|i|e|en|ve|og|och)\s+"
    r"|(?<=[\u4e00-\u9fff])[和与與](?=[\u4e00-\u9fff])",
    re.I,
)

#: Names that start with the letter Arabic and Hebrew write "and" as, onto the next word (و, ו):
#: "محمد أحمد وليد الخطيب" is one person of four names (Walid), not "محمد أحمد" and "ليد الخطيب"
#: (walk151 #4: a letter stripped from a name made up a second person); "רות כהן ורד לוי" is
#: Vered's. A reader cannot tell such a name from "and" and a name, so curator reads the name:
#: the credit stays whole, and the draft and a build say it may be two people
#: (`credits.may_be_two`). Given names first (Walid, Wael, Wisam, Wasim, Wafa, Widad, Wajdi,
#: Wajih, Wahid, Wadih, Wasfi, Wafiq, Wahib, Waddah, Walaa, Waad, Wiam, Wijdan, Wisal, Warda,
#: Ward, Wahba, Wafi, Wasef, Wadud ...; Vered, Varda, Vardit, Victor, Vladimir, Valery, Vitaly,
#: Vadim, Valentina ...), then the surnames written so (Wahbi, Wazzan; Weiss, Wolf, Weizmann,
#: Vaknin, Wasserman). Another name that starts with the letter is still read as "and" and a name:
#: correct its `author:` lines.
NAMES_STARTING_WITH_AND: frozenset[str] = frozenset(
    {
        # Arabic
        "وليد", "وليدة", "وائل", "وسام", "وسيم", "وفاء", "وداد", "وجدي", "وجيه", "وحيد",
        "وحيدة", "وديع", "وديعة", "وصفي", "وصفية", "وفيق", "وفيقة", "وهيب", "وضاح", "ولاء",
        "وعد", "وئام", "وجدان", "وصال", "وردة", "ورد", "وهبة", "وهبي", "وافي", "واصف", "ودود",
        "وزان", "واثق", "وجدى", "وفا", "ولید",
        # Hebrew
        "ורד", "ורדה", "ורדית", "ויקטור", "ויקטוריה", "ולדימיר", "ולרי", "ולריה", "ויטלי",
        "ואדים", "ולנטינה", "ולנטין", "ויויאן", "וילי", "וייס", "וולף", "ויצמן", "וקנין",
        "וסרמן", "וינר",
    }
)  # fmt: skip

#: A Chinese, Japanese or Korean reporter's role between two names, which parts two people and
#: is no part of either (walk151 #5: "本报记者 司马相如 通讯员 李娜", "our reporter Sima Xiangru,
#: correspondent Li Na", was credited as one person "司马相如 通讯员 李娜"): 记者 (reporter),
#: 通讯员 (correspondent), 特派员, 实习记者 and 实习生 (intern), 特约记者 (contributing reporter);
#: Japanese 記者, 通信員; Korean 기자, 특파원 ("김민수 기자 이영희 기자"). Read so only after a name and
#: before one, with a space or a colon by it ("王小明记者李娜" is not cut within a word).
_CJK_REPORTER = (
    r"(?:(?:本报|本報|特约|特約|实习|實習|见习|見習)?(?:记者|記者|通讯员|通訊員|通信員|特派员|特派員)"
    r"|实习生|實習生)"
)
CREDIT_ROLE_BETWEEN = re.compile(
    rf"(?<=[\u3040-\u30ff\u3400-\u9fff])(?:\s+{_CJK_REPORTER}\s*[:：]?\s*|{_CJK_REPORTER}"
    r"(?:\s+|\s*[:：]\s*))(?=[\u3400-\u9fff])"
    r"|(?<=[\uac00-\ud7a3])\s*(?:(?:선임|수석|객원)?기자|특파원)\s+(?=[\uac00-\ud7a3])"
)
#: The people a Chinese or Japanese credit names after its authors for editing, pictures,
#: proofreading or translation (walk151 #5: "... 责任编辑：韩梅梅" closes a Chinese byline): no
#: authors, as "Photo: Leo Grant" and "Editing by Sam Tate" are none. The credit ends before
#: them. Only after a name: "编辑：韩梅梅" alone credits its editor (`CJK_CREDIT_LABEL`).
_CJK_HELPER = (
    r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯|编审|編審|摄影|攝影|撮影|图片|圖片|校对|校對|"
    r"审核|審核|审校|審校|翻译|翻譯|美编|美編|视频|視頻|制图|製圖|写真|イラスト)"
)
CJK_CREDIT_HELPERS = re.compile(
    rf"(?<=[\u3040-\u30ff\u3400-\u9fff])(?:\s+{_CJK_HELPER}\s*[:：/／＝]?|\s*{_CJK_HELPER}\s*[:：/／＝]"
    # "图：", "译/": a picture's, a translation's, one character, only before its colon or slash
    # (and Japanese "写真＝佐藤花子", the photographer's after "文＝山田太郎": fixlh)
    r"|\s*[图圖译譯摄攝]\s*[:：/／＝])\s*[\u3040-\u30ff\u3400-\u9fff].*$",
    re.S,
)

#: "Jane Doe (with John Roe)", "Martin Untersinger (avec Damien Leloup et Morgane Tual)" (Le Monde):
#: the people in the brackets are co-authors.
BYLINE_WITH = re.compile(r"\s*\(\s*(?:with|avec|con|mit|com)\s+([^)]*)\)?", re.I)

#: "By Ahmed Ali with Sara Lind", "Ahmed Ali alongside Sara Lind" (walk112 #6): a co-author after
#: "with" or "alongside" and no comma (", with Y" and "with additional reporting by Y" are helpers,
#: `CREDIT_HELPERS_TAIL`), when a capital follows: "By Monday with the market" is no credit.
#: "Ahmed Ali, with Sara Lind" is a co-author too (walk118 #3: the comma lost her), as "Ahmed Ali
#: with Sara Lind" is; "Ahmed Ali with the Reuters team" is Ahmed Ali, whom a desk helped.
#: The same in French, German, Spanish, Italian, Dutch and Portuguese ("Par Élodie Marchand avec
#: l'AFP", "Élodie Marchand, avec AFP", "Von Jürgen Groß mit dpa", walk180 #2: the agency was
#: credited as a person): `languages.WITH_WORDS`, an article before the name (`ARTICLE_BEFORE`),
#: and an agency written in lower case ("dpa", "epd") as the capital.
_WITH = "(?:" + "|".join(languages.words_of(languages.WITH_WORDS)) + ")"
#: An article before an agency's or a team's name: "the", "l'", "der", "la" (`languages.ARTICLES`).
_ARTICLE = (
    "(?:"
    + "|".join(
        re.escape(a) if a.endswith(("'", "’")) else re.escape(a) + r"\s+"
        for a in languages.words_of(languages.ARTICLES)
    )
    + ")"
)
ARTICLE_BEFORE = re.compile(rf"^\s*{_ARTICLE}", re.I)
#: Agencies whose bylines write them in lower case ("mit dpa", "mit epd").
_LOWER_AGENCIES = r"(?:dpa|epd|kna|apa|afp|sda|ats)\b"
_AFTER_WITH = rf"(?=(?i:{_ARTICLE})?(?:[A-Z\u00c0-\u024f]|{_LOWER_AGENCIES}))"
CREDIT_WITH_AFTER_COMMA = re.compile(rf"\s*,\s*(?={_WITH}\s+{_AFTER_WITH})")
CREDIT_WITH = re.compile(rf"(?<=[^\W\d_])\s+{_WITH}\s+{_AFTER_WITH}")

#: The person an interview is with, after its interviewer (walk148 N1: "By Sam Park, in
#: conversation with Maya Angelou" credited Maya Angelou as an author): "..., in conversation
#: with Y", "... in an interview with Y", "... talks to Y", "... speaks with Y", "... interviews
#: Y", "... sits down with Y". The credit ends before them: the interviewer wrote the piece, the
#: person interviewed did not. Plain "Ahmed Ali with Sara Lind" still names a co-author
#: (`CREDIT_WITH`, walk112 #6).
CREDIT_INTERVIEWEE = re.compile(
    r"(?<=[^\W\d_])\s*,?\s+(?:in\s+(?:conversation|discussion|dialogue)\s+with|"
    r"in\s+an?\s+interview\s+with|(?:talks|talked|speaks|spoke|chats|chatted)\s+(?:to|with)|"
    r"sits\s+down\s+with|sat\s+down\s+with|interviews|interviewed)\s+\S.*$",
    re.I,
)
#: The lead-in of an interview's credit ("Interview by Sam Park with Maya Angelou", "Interviewed
#: by ...", "Q&A by ..."): the person after its "with" is the one interviewed, no co-author
#: (walk148 N1).
INTERVIEW_LEAD = re.compile(
    r"^\s*(?:(?:an?\s+)?interview(?:ed)?|q\s*&\s*a|conversation)\s+(?:by|from)\s+\S", re.I
)

#: A company's legal suffix ending a name ("Gartner, Inc.", "Acme Research Inc.", "Zendo Ltd",
#: "Nordwind GmbH", "Iberia S.A."; walk118 #2): a company's name, no one's.
COMPANY_SUFFIX = re.compile(
    r"(?:^|[\s,])(?:inc|incorporated|ltd|limited|llc|llp|gmbh|s\.\s?a|s\.\s?l|s\.r\.l|plc|corp|"
    r"corporation|b\.\s?v|n\.\s?v|pty(?:\s+ltd)?)\.?$",
    re.I,
)

#: The nouns that end a credit's role ("Rowena Mason Deputy political editor", "Jason Burke Africa
#: correspondent", "Jane Doe Staff Writer"): the role noun is cut, then the words that qualify it
#: (ROLE_QUALIFIERS, or any lower-case word), and, when none did, one capitalised word before it (a
#: desk or a region: "Africa"), never below two words of name.
ROLE_NOUNS: frozenset[str] = frozenset(
    [
        "editor",
        "editors",
        "reporter",
        "reporters",
        "correspondent",
        "writer",
        "columnist",
        "contributor",
        "critic",
        "producer",
        "presenter",
        "commentator",
        "journalist",
        "blogger",
        "analyst",
        "photographer",
        "intern",
    ]
)
#: The words a job title after a name opens with, its ranks aside ("Tomas Berg, Senior Editor",
#: "Ann Lee, Head of Research", "Ann Lee, VP Marketing", "Bo Chen, Co-founder & CEO"): a line
#: that is a name and such a title, with no "By", is a byline (fixhk; `credits.role_byline`).
#: A picture's credit ("photographer", "producer") is left out: such a line captions a photo.
ROLE_LINE_TITLES: frozenset[str] = frozenset(
    [
        "editor",
        "editors",
        "reporter",
        "correspondent",
        "writer",
        "columnist",
        "contributor",
        "critic",
        "journalist",
        "blogger",
        "analyst",
        "director",
        "president",
        "founder",
        "cofounder",
        "ceo",
        "cto",
        "cmo",
        "coo",
        "cfo",
        "vp",
        "head",
        "manager",
        "lead",
        "officer",
        "editor-in-chief",
    ]
)
#: Words a job title is made of besides ROLE_WORDS ("Chief Executive Officer", "Co-founder and
#: CEO", "Head of ..."): a credit of these words only ("Senior Editor", "CEO") names no one.
ROLE_TITLE_GLUE: frozenset[str] = frozenset(["co", "cofounder", "and", "of", "the", "in"])
#: Ranks before a role ("Senior", "Deputy"), shared by ROLE_QUALIFIERS and ROLE_WORDS.
ROLE_RANKS: frozenset[str] = frozenset(
    [
        "senior",
        "staff",
        "chief",
        "managing",
        "associate",
        "assistant",
        "deputy",
        "executive",
        "contributing",
        "special",
        "guest",
        "freelance",
    ]
)
ROLE_QUALIFIERS: frozenset[str] = ROLE_RANKS | frozenset(
    [
        "political",
        "politics",
        "technology",
        "tech",
        "environment",
        "diplomatic",
        "economics",
        "economy",
        "science",
        "sport",
        "sports",
        "business",
        "arts",
        "culture",
        "foreign",
        "home",
        "media",
        "health",
        "education",
        "legal",
        "security",
        "crime",
        "transport",
        "world",
        "news",
        "city",
        "consumer",
        "money",
        "music",
        "film",
        "books",
        "food",
        "travel",
        "fashion",
        "digital",
        "data",
        "investigations",
    ]
)

#: A place after a credited person ("David Smith in Washington", "Ashifa Kassam in Stanstead,
#: Quebec", "Reuters in New York" in the Guardian's feeds): the credit is the person.
CREDIT_PLACE = re.compile(r"\s+in\s+[A-Z\u00c0-\u024f].*$")

#: The publication a credited person wrote for ("Jane Roe for Zeta Post", "John Poe for the BBC"):
#: the credit is the person, when what is before it is a person's name (`credits.clean_authors`);
#: "Physicians for Human Rights" is an organisation's.
CREDIT_FOR = re.compile(r"\s+for\s+(?:the\s+)?[A-Z\u00c0-\u024f].*$")

#: The end of a credit that names some people and counts the rest ("Jane Doe and 3 others", "A, B
#: & others", "Doe et al."): the people named, then "others" (`credits.OTHERS`). Also "and
#: colleagues", German "u. a." (und andere), Russian "и др." (и другие), Ukrainian "та ін."
#: (walk147 #4: "Иван Петров и др." was one author "Иван Петров и др"): no one's name.
CREDIT_OTHERS = re.compile(
    r"\s*(?:,\s*|\s(?:and|&|\+)\s+)(?:\d+|a few|several|many|two|three|four|five|six)?\s*"
    r"(?:others?|colleagues|co-?authors)\.?\s*$|\s+et\s+al\.?\s*$"
    r"|,?\s+u\.\s*a\.?\s*$|,?\s+(?:и|та)\s+(?:др|другие|ін|інші)\.?\s*$",
    re.I,
)

#: A co-author's dateline after their name ("By Ana Ruiz, reporting from Kyiv, and Carl Ng,
#: reporting from Moscow"): where they wrote from, not a helper's credit (walk76 #3: Carl Ng was
#: lost with `CREDIT_HELPERS_TAIL`), so the dateline goes and the people stay. Only a bare
#: "reporting from" after a name: "with reporting from", "additional reporting from" name helpers.
CREDIT_REPORTING_FROM = re.compile(
    r"(?<=[^\W\d_])(?<!\bwith)(?<!\band)(?<!\bplus)(?<!\badditional)(?<!\bfurther)(?<!\bextra)"
    r"(?<!\bmore)(?<!\bcontributing)(?<!\balso)\s*,?\s+(?i:reporting)\s+from\s+"
    r"[A-Z\u00c0-\u024f][^,;]*?(?=\s*(?:[,;]|\s(?:and|&)\s|$))"
)

#: A byline's helpers after its authors ("By Max Uhl with additional reporting by Ned Vo", "By
#: Max Uhl; reporting by Ned Vo", "By Max Uhl. Ned Vo contributed reporting.", "By Max Uhl, with
#: contributions from Ned Vo", "By Tom Uhl with help from Uma Vik", "... with the help of ...",
#: "... with input from ...", "... with thanks to ..."): the credit ends at them, as at a photo's
#: or an editor's clause (`CREDIT_CLAUSE_SPLIT`), so the people before are the authors and the
#: helpers are not (walk74 #2: "with help from" lost the author). Never at the credit's start:
#: "Reporting by Rosa Diaz" names its reporter (`BYLINE_PREFIX`).
CREDIT_HELPERS_TAIL = re.compile(
    r"(?<=\S)(?:\s*[,;.:]\s*|\s+)(?:(?:and|with|plus)\s+)?(?:(?:additional|further|extra|more|"
    r"contributing|also|editorial|technical)\s+)?(?:(?:reporting|research|contributions?|"
    r"assistance|help|input|support|advice|guidance)\s+(?:by|from)|thanks\s+to)\b.*$"
    r"|(?<=\S)(?:\s*[,;.:]\s*|\s+)(?:and\s+)?with\s+(?:the\s+)?(?:help|assistance|support)\s+"
    r"of\b.*$"
    r"|(?<=\S)\s*[,;.]\s+[^,;.]*?\b(?:also\s+)?contributed\b.*$"
    r"|(?<=\S)\s*[,;.]?\s+(?:additional|further|contributing)\s+reporting\s*:.*$",
    re.I,
)

#: An e-mail address in angle brackets after a name ("Tom Baker <tom@delta.example>", RFC 5322's
#: name-addr, in a page's meta author): the credit is the name.
CREDIT_ADDRESS = re.compile(r"\s*<\s*(?:mailto:)?[^\s<>@]+@[^\s<>]+\s*>")

#: A remark in brackets at the end of a credited name ("Nick Ames (now)", "Ben Fisher (earlier)",
#: "Simon St.Laurent (mailto:simonstl@simonstl.com)"); brackets inside a name stay ("Richard (R.J.)
#: Eskow"); full-width brackets too ("鈴木一郎（テクノマート顧客体験部長）", walk198 #3).
#: A picture's credit in brackets is no remark: "Anna Schmidt (Text) und Tom Weber (Fotos)" names
#: a writer and her photographer (`PICTURE_REMARK`), and the remark may end before "and" in any
#: of the byline's languages (walk180 #2: "Anna Schmidt (Text" and "Tom Weber" were credited).
_PICTURE_REMARK_WORDS = (
    "(?:" + "|".join(map(re.escape, languages.words_of(languages.PICTURE_WORDS))) + ")"
)
_AND = "(?:" + "|".join(languages.words_of(languages.AND_WORDS)) + ")"
CREDIT_REMARK = re.compile(
    r"\s*\((?!\s*(?:with|avec|con|mit|com)\s)"
    rf"(?!\s*{_PICTURE_REMARK_WORDS}\s*\))[^()]*(?:\)|$)(?=\s*(?:[,;]|\b{_AND}\b|$))"
    # ... and a Chinese or Japanese one's, in full-width brackets: the role or the reading after
    # the name ("鈴木一郎（テクノマート顧客体験部長）", "山田太郎（やまだ・たろう）", walk198 #1)
    r"|(?<=[\u3040-\u30ff\u3400-\u9fff])\s*[（(][^()（）]*(?:[)）]|$)(?=\s*(?:[,;、，；]|$))",
    re.I,
)
#: A person a byline credits for the pictures, in brackets after the name ("Tom Weber (Fotos)",
#: "Tom Weber (photos)", `languages.PICTURE_WORDS`): no author beside one credited for the words.
PICTURE_REMARK = re.compile(rf"\s*\(\s*{_PICTURE_REMARK_WORDS}\s*\)\s*$", re.I)

#: A credit's clauses (separated by ";" or a full stop), by their lead-in. A podcast names its
#: presenters and its producers; a newsletter credits the people the listener hears, so when a
#: credit has a "Presented by"/"Hosted by" clause only those clauses count; clauses for producers,
#: editors, sound and music never count (the Guardian's Today in Focus: "Presented by Nosheen Iqbal
#: with Sirin Kale; produced by Hannah Moore and ...; executive producers ..."). Nor do a
#: picture's or a translation's after a byline ("By Kim Vance. Photo: Leo Grant", "By Olga
#: Petrova. Translated by Paul Quinn"), nor a wire story's editor ("Reporting by Rosa Diaz;
#: Editing by Sam Tate").
#:
#: A credit for the pictures or the visuals (walk167 #1, #2: "Written by Nora Kim. Photography by
#: Leo Grant" credited no one, "Words: Tomas Berg. Photography: Leo Grant" credited "Tomas Berg.
#: Photography: Leo Grant", "By Tomas Berg and Photo Editor Sam Tate" two people): Photography,
#: Photos, Images, Pictures, Illustration(s), Video, Graphics, Design, Art and the like, before
#: "by" or a colon ("Art", "Design" and "Video" open names and sentences too: only so), also as
#: "Additional photography by"; or a picture desk's role ("Photo Editor Sam Tate",
#: "Photographer: Leo Grant").
_PICTURE_ROLE = (
    r"(?:(?:photo|picture|photography|art|design|video|graphics|visuals?)\s+"
    r"(?:editors?|editing|directors?|direction|producers?|research(?:ers?)?)|photographers?|"
    r"illustrators?|videographers?|designers?|cartographers?|animators?)\b"
)
PICTURE_CREDIT = (
    rf"(?:(?:(?:additional|more|extra|lead|cover|header|hero|feature)\s+)?{_PICTURE_WORDS}"
    rf"(?:\s+(?:and|&)\s+{_PICTURE_WORDS})?\s*(?::|(?:\s+|\s*-\s*)by\b)|{_PICTURE_ROLE})"
)
#: A credit for reviewing or editing the piece (walk167 #1: "Medically reviewed by Sam Tate, MD —
#: Written by Tomas Berg" credited no one): "Reviewed by", "Medically reviewed by", "Edited by",
#: "Fact-checked by", "Editor:": the reviewer is no author.
REVIEW_CREDIT = (
    r"(?:(?:(?:medically|clinically|medical|expert|peer|legally|financially|technically|"
    r"editorially)[\s-]+)?reviewed\s+by\b|(?:copy[\s-]?|sub[\s-]?)?edited\s+by\b|"
    r"fact[\s-]?checked\s+by\b|proof-?read\s+by\b|(?:copy\s+)?editors?\s*:|editing\s*:)"
)
#: A translator's credit in any of the byline's languages ("übersetzt von", "traduit par",
#: "Traducción:", `languages.TRANSLATED_BY`, `languages.TRANSLATION_WORDS`; walk193 #5).
_TRANSLATED = (
    "(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in languages.words_of(languages.TRANSLATED_BY)
    )
    + r")\b|(?:"
    + "|".join(map(re.escape, languages.words_of(languages.TRANSLATION_WORDS)))
    + r")\s*:"
)
#: A translator's credit and the names after it, to its clause's end ("übersetzt von Paul Quinn").
TRANSLATOR_CREDIT = re.compile(
    rf"(?i:{_TRANSLATED}|translated\s+from\s+(?:the\s+)?[\w-]+\s+by\b)\s*(?P<names>[^.;|—–]+)"
)
_BEHIND_THE_SCENES = (
    r"(?:(?:produced|edited|mixed|engineered|recorded|composed|designed|illustrated|"
    r"photographed|translated|fact-checked)\s+by|(?:executive\s+|senior\s+|series\s+|assistant\s+)?producers?\b|"
    r"(?:sound|music|theme|artwork|mixing|editing|production|research|photographs?|photos?|"
    rf"illustrations?|additional reporting|translation|translators?)\b|{PICTURE_CREDIT}|"
    rf"{REVIEW_CREDIT}|{_TRANSLATED})"
)
#: The label of a byline's part that names who wrote it ("By", "Written by", "Words by", "Words:",
#: "Text:", "Text by", "Story by", "Reporting by"): after a picture's or a reviewer's part, the
#: part that credits the authors ("Medically reviewed by Sam Tate, MD — Written by Tomas Berg").
WRITER_CREDIT = (
    rf"(?:{WRITING_AND_PICTURES_LABEL}|{_WRITING_WORDS}\s+by|"
    r"(?:words|text|story|writer|written|authors?)\s*:|by)"
)
#: A byline's parts: at a semicolon, and at a sentence's end, a comma, a bar, a dash or an "and"
#: before a labelled part (a picture's, a reviewer's, a producer's, or the writer's own: "By
#: Tomas Berg. Photography: Leo Grant", "Medically reviewed by Sam Tate — Written by Tomas
#: Berg"). Before an unlabelled part a full stop or a dash stays ("Finian Cunningham. Sputnik
#: International" is read by `credits._split_commas`), and "and" before a picture's role only
#: ("By Tomas Berg and Photo Editor Sam Tate"; "and Art Garfunkel" is a name).
CREDIT_CLAUSE_SPLIT = re.compile(
    r"\s*;\s*"
    rf"|(?:\.\s+|\s*,\s*|\s*[—–]\s*|\s+-\s+|\s*\|\s*)(?=(?i:{_BEHIND_THE_SCENES}))"
    rf"|(?:\.\s+|\s*[—–]\s*|\s+-\s+|\s*\|\s*)(?=(?i:{WRITER_CREDIT})\s+[A-Z\u00c0-\u024f])"
    # not after a writing word: "Words and photography by Tomas Berg" is one part, the writer's
    + "|"
    + "".join(rf"(?<!\b{w})(?<!\b{w.capitalize()})(?<!\b{w.upper()})" for w in WRITING_LABEL_WORDS)
    + rf"\s+(?:and|&)\s+(?=(?i:{PICTURE_CREDIT}))"
)
CREDIT_PRESENTERS = re.compile(
    r"^\s*(?:(?:presented|hosted|co-hosted|narrated|read)\s+by|presenters?|hosts?)\s*[:\-–—]?\s*",
    re.I,
)
CREDIT_BEHIND_THE_SCENES = re.compile(rf"^\s*{_BEHIND_THE_SCENES}", re.I)
#: A line that opens with a picture's or a reviewer's credit and goes on, after a sentence's end,
#: a semicolon, a bar or a dash, with the writer's ("Medically reviewed by Sam Tate, MD — Written
#: by Tomas Berg", "Photography: Leo Grant | Words: Tomas Berg"): a byline, as one opening with
#: "By" is (walk167 #1: it was never read, and the page credited no one).
CREDIT_HELPER_LEAD = re.compile(rf"^\s*(?:{PICTURE_CREDIT}|{REVIEW_CREDIT})", re.I)
#: A translator's credit that names the original's author ("Translated by Paul Quinn from an
#: essay by Olga Petrova.", walk193 #5: the page credited no one, and a feed naming the
#: translator was published unsaid): a byline of the author; the translator is none.
TRANSLATED_FROM = re.compile(
    r"^\s*(?P<credit>translated\s+(?:from\s+(?:the\s+)?[A-Z][\w-]*\s+)?by\s+[^.;:]+?)\s+from\s+"
    r"(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:essay|article|story|piece|post|text|"
    r"book|column|op-ed|original|interview|speech|lecture|letter|report|chapter)s?\s+"
    r"(?:(?:written\s+)?by|of)\s+(?P<author>[^.;:()]+?)\s*(?:[.;:(]|$)",
    re.I,
)
CREDIT_WRITER_PART = re.compile(
    rf"(?:[.;|]\s*|\s*[—–]\s*|\s+-\s+)(?i:{WRITER_CREDIT})\s+[A-Z\u00c0-\u024f]"
)

#: Words that end a name and start a role or a date ("Jane Doe, Senior Editor", "Jane Doe -
#: Reporter").
ROLE_WORDS: frozenset[str] = (
    ROLE_NOUNS
    | ROLE_RANKS
    | frozenset(
        [
            "director",
            "president",
            "founder",
            "ceo",
            "cto",
            "cmo",
            "vp",
            "head",
            "manager",
            "lead",
            "photos",
            "photo",
            "illustrations",
            "illustration",
            "video",
            # a picture's credit in other words and languages ("Text: Anna Schmidt, Fotos: Leo
            # Grant", walk163 N2: the photographer was a co-author)
            "fotos",
            "foto",
            "fotografie",
            "photography",
            "photographs",
            "pictures",
            "images",
            "grafik",
            "grafiken",
            "graphics",
            "illustrationen",
            "ilustración",
            "ilustraciones",
            "updated",
            "published",
            "posted",
            "professor",
            "phd",
            "md",
            "research",
            "researcher",
            "engineer",
            "officer",
            "specialist",
            "strategist",
            "consultant",
            "partner",
            "bureau",
            "desk",
            "team",
        ]
    )
    # a reporter's role in French, German, Spanish, Italian, Dutch, Portuguese ("Par Jean Dupont,
    # envoyé spécial à Berlin", walk180 #2: the role was credited as a co-author)
    | frozenset(w for words in languages.ROLE_NOUNS.values() for w in words)
)

#: A "By ..." line that goes on as a sentence after its names: a comma, then a clause with its own
#: subject and verb ("By Jane Quote and her team at Acme, the survey was run twice.", walk158 #11):
#: a sentence of the article's text, no byline.
BYLINE_SENTENCE = re.compile(
    r",\s+(?:the|a|an|this|that|these|those|it|we|they|he|she|i|you|there|our|his|her|their|its)"
    r"\s+(?:[\w'’-]+\s+){0,5}?(?:was|were|is|are|has|have|had|will|would|can|could|did|does|do"
    r"|may|might|must|should|shall)\b"
)

#: A credit that names a guest ("Guest post by Carlos Mendes", "Guest author: Ian Ford", "Jane
#: Roe is a guest contributor", "This is a guest post by Farid Haddad."): the page says its author is not the site's usual one, so its
#: byline beats the feed's (`articles_credits.choose_authors`), which on a blog often names the owner as
#: every entry's author.
GUEST_CREDIT = re.compile(
    rf"^\s*{NOTE_LABEL}?(?:this\s+is\s+an?\s+)?guest\s+(?:post|article|column|essay|piece|author|writer|contributor|blogger|columnist)"
    r"\s*(?:by\b|:)|^\s*(?:ein\s+)?gastbeitrag\s*(?:von\b|:)|\s+is\s+(?:a|an|our)\s+guest\s+"
    r"(?:contributor|writer|author|blogger|columnist|poster)\b"
    rf"|^\s*{NOTE_LABEL}?{GUEST_LEADS}(?=\s|$)"
    rf"|^\s*{OTHER_GUEST_LABEL}",
    re.I,
)

#: A line that credits the interviewer ("Interview conducted by Nora Kim. It has been edited for
#: length.", walk193 #2): the credit is its first sentence, wherever on the page it stands.
INTERVIEWER_LEAD = re.compile(
    rf"^\s*(?:(?:interview(?:\s+conducted)?|interviewed)\s+by\b|{_INTERVIEWER_OTHER}\b)", re.I
)

#: The end of a guest credit's first sentence, when more follow in its paragraph ("Guest post by
#: Farid Haddad. He runs a bike shop in Leeds.", walk144 #5): the credit is the sentence before
#: it. After a word of two letters or more, so "By J. R. Roe" keeps its initials.
GUEST_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+(?=\S)")

#: A visible line naming its guest author before the label: "Jane Roe is a guest contributor",
#: with or without its full stop (README's example, walk139 #1: such a paragraph was not read
#: unless its element was marked as a byline). The name is cut from the label by `AUTHOR_TAIL`.
GUEST_SENTENCE = re.compile(
    r"^\s*[^\W\d_][^.!?]{2,60}?\s+is\s+(?:a|an|our)\s+guest\s+"
    r"(?:contributor|writer|author|blogger|columnist|poster)\b",
    re.I,
)
