"""The news agencies a credit can name: a table of `extract_rules_names` and of
`extract_rules_bylines` (another language's "by" before an agency, "Par AFP"), kept apart so
that neither imports the other."""

from __future__ import annotations

#: News agencies, whose name in a feed's author field or after a byline's comma ("By John Smith,
#: Associated Press") is where a story came from, not a person who wrote it.
NEWS_AGENCIES: frozenset[str] = frozenset(
    {
        "reuters",
        "thomson reuters",
        "associated press",
        "the associated press",
        "ap",
        "afp",
        "agence france presse",
        "bloomberg",
        "bloomberg news",  # its "News" is no firm's word (walk112 #1, `credits._firm_named`)
        "xinhua news agency",
        "yonhap news agency",
        "dpa",
        "efe",
        "ansa",
        "xinhua",
        "upi",
        "united press international",
        "kyodo",
        "kyodo news",
        "pa media",
        "press association",
        "aap",
        "australian associated press",
        "canadian press",
        "the canadian press",
        "tass",
        # Europe's national agencies as French, German, Spanish, Italian, Dutch and Portuguese
        # bylines name them after "avec", "mit", "con", "met", "com" (walk180 #2)
        "anp",
        "lusa",
        "agência lusa",
        "belga",
        "apa",
        "sda",
        "ats",
        "keystone sda",
        "kna",
        "epd",
        "europa press",
        "agencia efe",
        "agenzia ansa",
        "adnkronos",
        # Russian agencies as their bylines write them ("Мария Соколова и РИА Новости", walk147 #3)
        "тасс",
        "итар тасс",
        "риа новости",
        "ria novosti",
        "интерфакс",
        "interfax",
        "연합뉴스",
        "yonhap",
        "anadolu",
        "press trust of india",
        "pti",
        "ians",
        "wire",
        "wires",
        "wire services",
        "news agencies",
        "agencies",
        # broadcasters' newsrooms that write a story under their own name ("By BBC NEWS", fixlq
        # #3: credited no one, its "News" read as a firm's word), credited as an agency is
        "bbc news",
        "nbc news",
        "cbs news",
        "abc news",
        "sky news",
        "fox news",
        "itv news",
        "cbc news",
        "nhk world",
        "al jazeera",
    }
)
