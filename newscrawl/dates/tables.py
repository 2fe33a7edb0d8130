"""Per-language word tables for the fast path (data only, no logic).

Each language maps phrases to canonical English tokens understood by `grammar`:
unit names (second … century), `ago`, `in`, `now`, `today`, `yesterday`,
`tomorrow`, and digits for spelled-out numbers. Phrases are matched as whole
words, longest first; languages written without spaces set `spaced=False`.
dateparser's own locale data covers far more languages; these tables exist for
speed (no language detection) and for forms dateparser misses.
"""

from __future__ import annotations

from typing import TypedDict


class LanguageTable(TypedDict, total=False):
    """Phrase → canonical-token table for one language."""

    words: dict[str, str]
    spaced: bool


def _units(**forms: str) -> dict[str, str]:
    """Expand `unit="form1 form2"` keyword lists into a word → unit table."""
    return {word: unit for unit, words in forms.items() for word in words.split("|")}


#: UI labels and glue that precede or follow a date chip (lower case, any language).
LABELS: tuple[str, ...] = (
    "last updated", "updated on", "updated", "update", "published on", "published",
    "posted on", "posted", "first published", "modified", "date", "time", "on",
    "aktualisiert am", "aktualisiert", "veröffentlicht am", "veröffentlicht", "stand",
    "publié le", "publié", "mis à jour le", "mis à jour", "actualizado el", "actualizado",
    "publicado el", "publicado em", "publicado", "atualizado em", "atualizado",
    "pubblicato il", "pubblicato", "aggiornato il", "aggiornato", "bijgewerkt",
    "gepubliceerd", "opublikowano", "zaktualizowano", "опубликовано", "обновлено",
    "güncelleme", "güncellendi", "yayınlanma", "yayınlandı", "更新", "公開", "发布", "發布",
    "업데이트", "입력", "수정",
)

#: Separators between a date and a source name ("2 hours ago • Reuters").
SEPARATORS: tuple[str, ...] = ("•", "|", "·", " — ", " – ", "/ ", " - ")

#: English compact unit spellings ("10H ago", "52m", "1 hr 4 mins", "3 hrs").
COMPACT_UNITS: dict[str, str] = _units(
    second="s|sec|secs|seg",
    minute="m|min|mins|mn|mins.|min.",
    hour="h|hr|hrs|hs|hr.|hrs.",
    day="d|dy|dys",
    week="w|wk|wks",
    month="mo|mos|mth|mths|mon",
    year="y|yr|yrs",
)

_EN_NUMBERS = {
    "a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "a couple of": "2", "a couple": "2", "couple of": "2", "half an": "0.5",
    "half a": "0.5",
}

TABLES: dict[str, LanguageTable] = {
    "en": {"words": {
        **_EN_NUMBERS,
        **_units(
            second="second|seconds|sec|secs",
            minute="minute|minutes|min|mins",
            hour="hour|hours|hr|hrs",
            day="day|days", week="week|weeks", fortnight="fortnight|fortnights",
            month="month|months", year="year|years", decade="decade|decades",
            century="century|centuries",
        ),
        "ago": "ago", "before": "ago", "earlier": "ago", "back": "ago",
        "in": "in", "from now": "later", "later": "later", "hence": "later",
        "just now": "now", "right now": "now", "now": "now", "moments ago": "now",
        "a moment ago": "now", "a few seconds ago": "now", "few seconds ago": "now",
        "seconds ago": "now", "less than a minute ago": "now", "a few moments ago": "now",
        "just": "", "today": "today", "yesterday": "yesterday", "tomorrow": "tomorrow",
        "the day before yesterday": "2 day ago", "day before yesterday": "2 day ago",
        "last": "last", "this": "this", "next": "next", "about": "", "around": "",
        "approximately": "", "approx": "", "almost": "", "nearly": "", "over": "",
        "roughly": "", "some": "", "at": "", "and": "", "by": "",
    }},
    "de": {"words": {
        "ein": "1", "eine": "1", "einem": "1", "einer": "1", "einen": "1", "zwei": "2",
        "drei": "3", "vier": "4", "fünf": "5", "sechs": "6", "sieben": "7", "acht": "8",
        "neun": "9", "zehn": "10", "zwölf": "12", "zwanzig": "20", "dreißig": "30",
        **_units(
            second="sekunde|sekunden|sek", minute="minute|minuten|min",
            hour="stunde|stunden|std", day="tag|tage|tagen", week="woche|wochen",
            month="monat|monate|monaten|monats", year="jahr|jahre|jahren|jahres",
            decade="jahrzehnt|jahrzehnten",
        ),
        "vor": "ago", "in": "in", "gerade eben": "now", "soeben": "now", "eben": "now",
        "jetzt": "now", "gerade": "now", "vor wenigen sekunden": "now",
        "vor einigen sekunden": "now", "vor einem moment": "now", "vor kurzem": "now", "heute": "today",
        "gestern": "yesterday", "vorgestern": "2 day ago", "morgen": "tomorrow",
        "etwa": "", "ca.": "", "ungefähr": "", "um": "", "und": "", "uhr": "",
    }},
    "fr": {"words": {
        "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5",
        "six": "6", "sept": "7", "huit": "8", "neuf": "9", "dix": "10", "vingt": "20",
        **_units(
            second="seconde|secondes|sec", minute="minute|minutes|min|mn",
            hour="heure|heures|h", day="jour|jours|j", week="semaine|semaines",
            month="mois", year="an|ans|année|années",
        ),
        "il y a": "ago", "il ya": "ago", "dans": "in", "à l'instant": "now",
        "à l’instant": "now", "maintenant": "now", "il y a quelques secondes": "now",
        "il y a un instant": "now", "aujourd'hui": "today", "aujourd’hui": "today",
        "hier": "yesterday", "avant-hier": "2 day ago", "demain": "tomorrow",
        "environ": "", "à": "", "et": "", "moins de": "",
    }},
    "es": {"words": {
        "un": "1", "una": "1", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4",
        "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9", "diez": "10",
        **_units(
            second="segundo|segundos|seg", minute="minuto|minutos|min",
            hour="hora|horas|h", day="día|días|dia|dias", week="semana|semanas",
            month="mes|meses", year="año|años|ano|anos",
        ),
        "hace": "ago", "en": "in", "dentro de": "in", "ahora": "now",
        "ahora mismo": "now", "justo ahora": "now", "hace un momento": "now",
        "hace unos segundos": "now", "hace instantes": "now", "hoy": "today",
        "ayer": "yesterday", "anteayer": "2 day ago", "antier": "2 day ago",
        "mañana": "tomorrow", "alrededor de": "", "aproximadamente": "", "a las": "",
        "a la": "", "y": "", "unos": "", "unas": "",
    }},
    "it": {"words": {
        "un": "1", "uno": "1", "una": "1", "un'": "1", "due": "2", "tre": "3",
        "quattro": "4", "cinque": "5", "sei": "6", "sette": "7", "otto": "8",
        "nove": "9", "dieci": "10",
        **_units(
            second="secondo|secondi", minute="minuto|minuti|min", hour="ora|ore",
            day="giorno|giorni", week="settimana|settimane", month="mese|mesi",
            year="anno|anni",
        ),
        "fa": "ago", "tra": "in", "fra": "in", "adesso": "now",
        "proprio ora": "now", "poco fa": "now", "un momento fa": "now",
        "qualche secondo fa": "now", "pochi secondi fa": "now", "oggi": "today",
        "ieri": "yesterday", "l'altro ieri": "2 day ago", "altroieri": "2 day ago",
        "domani": "tomorrow", "circa": "", "alle": "", "e": "",
    }},
    "pt": {"words": {
        "um": "1", "uma": "1", "dois": "2", "duas": "2", "três": "3", "quatro": "4",
        "cinco": "5", "seis": "6", "sete": "7", "oito": "8", "nove": "9", "dez": "10",
        **_units(
            second="segundo|segundos|seg", minute="minuto|minutos|min",
            hour="hora|horas|h", day="dia|dias", week="semana|semanas",
            month="mês|mes|meses", year="ano|anos",
        ),
        "há": "ago", "ha": "ago", "atrás": "ago", "em": "in", "daqui a": "in",
        "agora": "now", "agora mesmo": "now", "há pouco": "now", "há poucos segundos": "now",
        "há alguns segundos": "now", "há um momento": "now", "hoje": "today",
        "ontem": "yesterday", "anteontem": "2 day ago", "amanhã": "tomorrow",
        "cerca de": "", "às": "", "e": "",
    }},
    "nl": {"words": {
        "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5",
        **_units(
            second="seconde|seconden|sec", minute="minuut|minuten|min",
            hour="uur|uren|u", day="dag|dagen", week="week|weken", month="maand|maanden",
            year="jaar|jaren",
        ),
        "geleden": "ago", "over": "in", "zojuist": "now", "net": "now", "nu": "now",
        "enkele seconden geleden": "now", "een moment geleden": "now",
        "vandaag": "today", "gisteren": "yesterday", "eergisteren": "2 day ago",
        "morgen": "tomorrow", "ongeveer": "", "recent": "now", "zonet": "now", "om": "", "en": "",
    }},
    "ru": {"words": {
        "одну": "1", "один": "1", "одна": "1", "два": "2", "две": "2", "три": "3",
        "четыре": "4", "пять": "5", "шесть": "6", "семь": "7", "восемь": "8",
        "девять": "9", "десять": "10", "пару": "2", "полчаса": "30 minute",
        **_units(
            second="секунду|секунды|секунд|сек|с", minute="минуту|минуты|минут|мин",
            hour="час|часа|часов|ч", day="день|дня|дней|сутки|суток|дн",
            week="неделю|недели|недель|нед", month="месяц|месяца|месяцев|мес",
            year="год|года|лет|г",
        ),
        "назад": "ago", "тому назад": "ago", "через": "in", "только что": "now",
        "сейчас": "now", "несколько секунд назад": "now", "мгновение назад": "now",
        "сегодня": "today", "вчера": "yesterday", "позавчера": "2 day ago",
        "завтра": "tomorrow", "около": "", "примерно": "", "в": "", "и": "",
    }},
    "uk": {"words": {
        "одну": "1", "один": "1", "два": "2", "дві": "2", "три": "3",
        **_units(
            second="секунду|секунди|секунд|сек", minute="хвилину|хвилини|хвилин|хв",
            hour="годину|години|годин|год", day="день|дні|днів",
            week="тиждень|тижні|тижнів", month="місяць|місяці|місяців",
            year="рік|роки|років",
        ),
        "тому": "ago", "за": "in", "щойно": "now", "зараз": "now",
        "сьогодні": "today", "вчора": "yesterday", "учора": "yesterday",
        "позавчора": "2 day ago", "завтра": "tomorrow", "близько": "", "о": "", "і": "",
    }},
    "pl": {"words": {
        "jedną": "1", "jeden": "1", "dwa": "2", "dwie": "2", "trzy": "3", "cztery": "4",
        "pięć": "5",
        **_units(
            second="sekundę|sekundy|sekund|sek", minute="minutę|minuty|minut|min",
            hour="godzinę|godziny|godzin|godz.|godz|h", day="dzień|dni|dnia",
            week="tydzień|tygodnie|tygodni", month="miesiąc|miesiące|miesięcy",
            year="rok|lata|lat",
        ),
        "temu": "ago", "za": "in", "przed chwilą": "now", "teraz": "now",
        "kilka sekund temu": "now", "w tej chwili": "now", "chwilę temu": "now", "dzisiaj": "today", "dziś": "today",
        "wczoraj": "yesterday", "przedwczoraj": "2 day ago", "jutro": "tomorrow",
        "około": "", "o": "", "i": "",
    }},
    "tr": {"words": {
        "bir": "1", "iki": "2", "üç": "3", "dört": "4", "beş": "5", "altı": "6",
        "yedi": "7", "sekiz": "8", "dokuz": "9", "on": "10", "yirmi": "20", "otuz": "30",
        **_units(
            second="saniye|sn", minute="dakika|dk", hour="saat|sa", day="gün",
            week="hafta", month="ay", year="yıl|sene",
        ),
        "önce": "ago", "evvel": "ago", "sonra": "later", "içinde": "later",
        "az önce": "now", "şimdi": "now", "şu anda": "now", "birkaç saniye önce": "now",
        "bugün": "today", "dün": "yesterday", "evvelsi gün": "2 day ago",
        "yarın": "tomorrow", "yaklaşık": "",
    }},
    "tk": {"words": {
        "bir": "1", "iki": "2", "üç": "3",
        **_units(
            second="sekunt", minute="minut", hour="sagat", day="gün", week="hepde",
            month="aý", year="ýyl",
        ),
        "öň": "ago", "soň": "later", "biraz öň": "now", "şu wagt": "now",
        "şu gün": "today", "düýn": "yesterday", "ertir": "tomorrow",
    }},
    "an": {"words": {
        "un": "1", "una": "1", "dos": "2",
        **_units(
            second="segundo|segundos", minute="minuto|minutos", hour="hora|horas",
            day="día|días", week="semana|semanas", month="mes|meses", year="anyo|anyos",
        ),
        "fa": "ago", "en": "in", "fa un momento": "now", "agora": "now", "hue": "today",
        "ayer": "yesterday",
    }},
    "oc": {"words": {
        "un": "1", "una": "1", "dos": "2", "doas": "2",
        **_units(
            second="segonda|segondas", minute="minuta|minutas", hour="ora|oras",
            day="jorn|jorns", week="setmana|setmanas", month="mes|meses", year="an|ans",
        ),
        "fa": "ago", "d'aquí": "in", "fa un moment": "now", "ara": "now",
        "uèi": "today", "ièr": "yesterday",
    }},
    "ca": {"words": {
        "un": "1", "una": "1", "dos": "2", "dues": "2",
        **_units(
            second="segon|segons", minute="minut|minuts", hour="hora|hores",
            day="dia|dies", week="setmana|setmanes", month="mes|mesos", year="any|anys",
        ),
        "fa": "ago", "d'aquí a": "in", "ara mateix": "now", "ara": "now",
        "fa un moment": "now", "avui": "today", "ahir": "yesterday",
        "abans-d'ahir": "2 day ago", "demà": "tomorrow", "i": "",
    }},
    "ku": {"words": {
        **_units(
            second="چرکە", minute="دەقە|خولەک", hour="کاتژمێر|سەعات", day="ڕۆژ",
            week="هەفتە", month="مانگ", year="ساڵ",
        ),
        "لەمەوپێش": "ago", "پێش": "ago", "لە ماوەی": "in", "هەر ئێستا": "now",
        "ئێستا": "now", "ئەمڕۆ": "today", "دوێنێ": "yesterday",
    }},
    "ja": {"spaced": False, "words": {
        **_units(
            second="秒", minute="分", hour="時間", day="日", week="週間|週",
            month="か月|ヶ月|ケ月|カ月|箇月|月", year="年",
        ),
        "前": "ago", "後": "later", "たった今": "now", "今さっき": "now", "さっき": "now",
        "今": "now", "数秒前": "now", "今日": "today", "昨日": "yesterday",
        "一昨日": "2 day ago", "おととい": "2 day ago", "明日": "tomorrow",
        "約": "", "ほど": "", "くらい": "", "すこし前": "now", "少し前": "now",
        "今年": "this year", "今月": "this month", "今週": "this week", "先週": "last week",
        "先月": "last month", "去年": "last year", "昨年": "last year",
    }},
    "zh": {"spaced": False, "words": {
        **_units(
            second="秒钟|秒鐘|秒", minute="分钟|分鐘|分", hour="小时|小時|个小时|個小時",
            day="天|日", week="周|週|个星期|個星期|星期", month="个月|個月|月",
            year="年",
        ),
        "前": "ago", "以前": "ago", "之前": "ago", "后": "later", "後": "later",
        "刚刚": "now", "剛剛": "now", "刚才": "now", "剛才": "now", "几秒前": "now",
        "幾秒前": "now", "现在": "now", "現在": "now", "今天": "today", "昨天": "yesterday",
        "前天": "2 day ago", "大前天": "3 day ago", "明天": "tomorrow", "约": "", "約": "",
        "一": "1", "两": "2", "兩": "2", "二": "2", "三": "3", "半": "0.5",
        "今年": "this year", "本月": "this month", "这个月": "this month", "本周": "this week",
        "这周": "this week", "上周": "last week", "上個星期": "last week", "上个月": "last month",
        "上個月": "last month", "去年": "last year",
    }},
    "ko": {"spaced": False, "words": {
        **_units(
            second="초", minute="분", hour="시간", day="일", week="주", month="개월|달",
            year="년",
        ),
        "전": "ago", "후": "later", "방금 전": "now", "방금": "now", "지금": "now",
        "몇 초 전": "now", "오늘": "today", "어제": "yesterday", "그저께": "2 day ago",
        "그제": "2 day ago", "내일": "tomorrow", "약": "", "한": "1", "두": "2", "주일": "week",
        "이번 주": "this week", "지난주": "last week", "지난 주": "last week",
        "지난달": "last month", "작년": "last year", "올해": "this year",
    }},
}


def _merge() -> None:
    """Add the compact tables of `tables_more` (imported late: it builds on LanguageTable)."""
    from newscrawl.dates.tables_more import MORE

    for name, table in MORE.items():
        TABLES.setdefault(name, table)


_merge()
