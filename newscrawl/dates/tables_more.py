"""More languages for the fast path, in the compact `lang(...)` form (data only).

Each keyword lists `|`-separated phrases; a phrase ending in `*` is a stem matching any
word that starts with it (for inflecting languages). `numbers` maps words to digits or
to whole canonical phrases ("2 hour" for Arabic duals).
"""

from __future__ import annotations

from newscrawl.dates.tables import LanguageTable

_KEYS = ("ago", "later", "now", "today", "yesterday", "tomorrow", "filler")
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


def lang(numbers: dict[str, str] | None = None, spaced: bool = True, **forms: str) -> LanguageTable:
    """Build a table from `ago="…|…"`, `minute="…|…"`, … keyword lists."""
    words: dict[str, str] = dict(numbers or {})
    for key, phrases in forms.items():
        token = "" if key == "filler" else key
        if key not in _KEYS and key not in _UNITS:
            raise ValueError(f"unknown table key {key}")
        for phrase in phrases.split("|"):
            words.setdefault(phrase, token)
    return {"words": words, "spaced": spaced}


MORE: dict[str, LanguageTable] = {
    "ar": lang(
        {"دقيقتين": "2 minute", "ساعتين": "2 hour", "يومين": "2 day", "أسبوعين": "2 week",
         "شهرين": "2 month", "سنتين": "2 year", "عامين": "2 year", "واحد": "1",
         "يوم أمس": "yesterday"},
        ago="منذ|قبل", now="الآن|منذ لحظات|للتو|لحظات|منذ قليل", yesterday="أمس|البارحة",
        today="اليوم", second="ثانية|ثوان|ثواني|ثوانٍ", minute="دقيقة|دقائق",
        hour="ساعة|ساعات", day="يوم|أيام", week="أسبوع|أسابيع", month="شهر|أشهر|شهور",
        year="سنة|سنوات|سنين|عام|أعوام", filler="حوالي|نحو",
    ),
    "el": lang(
        {"ένα": "1", "μία": "1", "μια": "1", "ένας": "1"},
        ago="πριν από|πριν", later="σε|μετά από", now="μόλις τώρα|τώρα|πριν λίγο",
        today="σήμερα", yesterday="χθες", tomorrow="αύριο",
        second="δευτερόλεπτο|δευτερόλεπτα|δευτ", minute="λεπτό|λεπτά|λεπ",
        hour="ώρα|ώρες|ωρα|ώρας", day="μέρα|μέρες|ημέρα|ημέρες", week="εβδομάδα|εβδομάδες",
        month="μήνα|μήνες|μήνας", year="χρόνο|χρόνια|έτος|έτη|χρόνος", filler="περίπου",
    ),
    "eo": lang(
        {"unu": "1", "du": "2", "tri": "3"},
        ago="antaŭ", later="post|en", now="nun mem|ĵus|nun", today="hodiaŭ",
        yesterday="hieraŭ", tomorrow="morgaŭ", second="sekund*", minute="minut*",
        hour="hor*", day="tag*", week="semajn*", month="monat*", year="jar*",
    ),
    "eu": lang(
        {"bat": "1", "bi": "2"},
        ago="duela|orain dela", later="barru|geroago", now="oraintxe|orain", today="gaur",
        yesterday="atzo", tomorrow="bihar", second="segundo*|segundu*", minute="minutu*",
        hour="ordu*", day="egun*", week="aste*", month="hilabete*|hillabete*", year="urte*",
    ),
    "fi": lang(
        {"yksi": "1", "kaksi": "2"},
        ago="sitten", later="päästä|kuluttua", now="juuri äsken|juuri nyt|hetki sitten|äsken|nyt",
        today="tänään", yesterday="eilen", tomorrow="huomenna", second="sekun*",
        minute="minuut*", hour="tunti*|tunni*", day="päiv*", week="viiko*|viikk*",
        month="kuukau*|kk", year="vuo*", filler="noin",
    ),
    "hu": lang(
        {"egy": "1", "két": "2", "kettő": "2"},
        ago="ezelőtt|óta|korábban", later="múlva", now="éppen most|épp most|most|az imént",
        today="ma", yesterday="tegnap", tomorrow="holnap", second="másodperc*",
        minute="perc*", hour="ór*", day="nap*", week="het*|hét", month="hónap*", year="év*",
        filler="körülbelül|kb",
    ),
    "he": lang(
        {"שעתיים": "2 hour", "יומיים": "2 day", "שבועיים": "2 week", "חודשיים": "2 month",
         "שנתיים": "2 year", "דקותיים": "2 minute"},
        ago="לפני", later="בעוד", now="זה עתה|עכשיו|כרגע|ממש עכשיו", today="היום",
        yesterday="אתמול", tomorrow="מחר", second="שנייה|שניות|שניה", minute="דקה|דקות",
        hour="שעה|שעות", day="יום|ימים", week="שבוע|שבועות", month="חודש|חודשים",
        year="שנה|שנים", filler="כ|בערך",
    ),
    "fa": lang(
        {"یک": "1"},
        ago="پیش|قبل", later="بعد|دیگر", now="لحظاتی پیش|همین الان|هم اکنون|الان|اکنون",
        today="امروز", yesterday="دیروز", tomorrow="فردا", second="ثانیه", minute="دقیقه",
        hour="ساعت", day="روز", week="هفته", month="ماه", year="سال",
    ),
    "hi": lang(
        {"एक": "1"},
        ago="पहले|पूर्व", later="में|बाद", now="अभी अभी|अभी|कुछ क्षण पहले", today="आज",
        yesterday="कल", second="सेकंड|सेकेंड|सेकण्ड", minute="मिनट", hour="घंटा|घंटे|घण्टा|घण्टे",
        day="दिन", week="हफ्ता|हफ्ते|हफ़्ता|हफ़्ते|सप्ताह", month="महीना|महीने|माह",
        year="साल|वर्ष", filler="लगभग",
    ),
    "ne": lang(
        {"एक": "1"},
        ago="अघि|पहिले", later="पछि", now="भर्खरै|अहिले", today="आज", yesterday="हिजो",
        second="सेकेन्ड|सेकेण्ड|सेकन्ड", minute="मिनेट|मिनट", hour="घण्टा|घन्टा|घंटा",
        day="दिन", week="हप्ता", month="महिना|महिनाा", year="वर्ष|बर्ष|साल",
    ),
    "bn": lang(
        {"এক": "1"},
        ago="আগে|পূর্বে", later="পরে", now="এইমাত্র|এখন", today="আজ", yesterday="গতকাল",
        second="সেকেন্ড", minute="মিনিট", hour="ঘন্টা|ঘণ্টা", day="দিন", week="সপ্তাহ",
        month="মাস", year="বছর", filler="এর|প্রায়",
    ),
    "id": lang(
        {"satu": "1", "dua": "2", "sedetik": "1 second", "semenit": "1 minute",
         "sejam": "1 hour", "sehari": "1 day", "seminggu": "1 week", "sebulan": "1 month",
         "setahun": "1 year"},
        ago="yang lalu|lalu|sebelumnya", later="lagi|dalam", now="baru saja|barusan|sekarang",
        today="hari ini", yesterday="kemarin", tomorrow="besok", second="detik|dtk",
        minute="menit|mnt", hour="jam", day="hari", week="minggu|pekan", month="bulan|bln",
        year="tahun|thn", filler="sekitar",
    ),
    "ms": lang(
        {"satu": "1", "dua": "2", "sesaat": "1 second", "seminit": "1 minute",
         "sejam": "1 hour", "sehari": "1 day", "seminggu": "1 week", "sebulan": "1 month",
         "setahun": "1 year"},
        ago="yang lalu|lalu|yang lepas", later="lagi|dalam", now="baru sahaja|baru saja|sekarang",
        today="hari ini", yesterday="semalam", tomorrow="esok", second="saat",
        minute="minit", hour="jam", day="hari", week="minggu", month="bulan", year="tahun",
    ),
    "is": lang(
        {"einni": "1", "einum": "1", "tveimur": "2"},
        ago="fyrir", later="eftir|eftir", now="rétt í þessu|núna|rétt áðan", today="í dag",
        yesterday="í gær", second="sekúnd*", minute="mínút*", hour="klukkustund*|klukkutím*",
        day="dag*|dög*", week="vik*", month="mánuð*", year="ár|ári|árum|ára",
    ),
    "ka": lang(
        ago="წინ", later="შემდეგ", now="ამ წამს|ახლახან|ახლა", today="დღეს", yesterday="გუშინ",
        second="წამის|წამი|წამში", minute="წუთის|წუთი|წუთში", hour="საათის|საათი|საათში",
        day="დღის|დღე|დღეში", week="კვირის|კვირა|კვირაში", month="თვის|თვე|თვეში",
        year="წლის|წელი|წელიწადის|წელში",
    ),
    "my": lang(
        spaced=False, ago="အကြာက|က", later="အတွင်း", now="ယခုအတွင်း|ယခု|အခု",
        today="ယနေ့", yesterday="မနေ့က", second="စက္ကန့်", minute="မိနစ်", hour="နာရီ",
        day="ရက်", week="ပတ်", month="လ", year="နှစ်",
    ),
    "ml": lang(
        ago="മുന്പ്|മുമ്പ്|മുന്പ|മുന്പു", later="കഴിഞ്ഞ്|ശേഷം", now="ഇപ്പോള്|ഇപ്പോൾ",
        today="ഇന്ന്", yesterday="ഇന്നലെ", second="സെക്കന്റ*|സെക്കൻഡ*", minute="മിനിറ്റ*",
        hour="മണിക്കൂര*|മണിക്കൂർ*", day="ദിവസ*", week="ആഴ്ച*", month="മാസ*",
        year="വര്ഷ*|വർഷ*", filler="ഒരു",
    ),
    "ta": lang(
        ago="முன்பு|முன்", later="இல்|பிறகு", now="இப்போது|சற்று முன்|தற்போது",
        today="இன்று", yesterday="நேற்று", second="நொடி*|வினாடி*", minute="நிமிட*",
        hour="மணி நேர*|மணிநேர*|மணி*", day="நாள்*|நாட்க*|நாட்*", week="வார*",
        month="மாத*", year="வருட*|ஆண்டு*",
    ),
    "th": lang(
        spaced=False, ago="ที่แล้ว|ที่ผ่านมา|ก่อน|มาแล้ว", later="ข้างหน้า|ต่อจากนี้",
        now="เมื่อสักครู่|เมื่อกี้|ตอนนี้|เมื่อครู่|เพิ่งเกิดขึ้น", today="วันนี้", yesterday="เมื่อวาน",
        second="วินาที", minute="นาที", hour="ชั่วโมง|ชม.", day="วัน", week="สัปดาห์|อาทิตย์",
        month="เดือน", year="ปี", filler="ประมาณ",
    ),
    "vi": lang(
        {"một": "1", "hai": "2"},
        ago="trước|cách đây", later="nữa|sau", now="vừa xong|vừa mới|bây giờ|mới đây|vừa",
        today="hôm nay", yesterday="hôm qua", tomorrow="ngày mai", second="giây",
        minute="phút", hour="giờ|tiếng", day="ngày", week="tuần", month="tháng", year="năm",
        filler="khoảng",
    ),
    "km": lang(
        spaced=False, ago="មុន", later="ទៀត|ក្នុងរយៈពេល", now="ឥឡូវនេះ|មិញនេះ", today="ថ្ងៃនេះ",
        yesterday="ម្សិលមិញ", second="វិនាទី", minute="នាទី", hour="ម៉ោង", day="ថ្ងៃ",
        week="សប្ដាហ៍|សប្តាហ៍", month="ខែ", year="ឆ្នាំ",
    ),
    "be": lang(
        {"адну": "1", "адзін": "1", "два": "2", "дзве": "2"},
        ago="таму|назад", later="праз", now="толькі што|зараз", today="сёння",
        yesterday="учора|ўчора", second="секунд*", minute="хвілін*", hour="гадзін*",
        day="дзень|дні|дзён|дня", week="тыдзень|тыдні|тыдняў|тыдня", month="месяц*|месяц",
        year="год|гады|гадоў|года", filler="каля",
    ),
    "bg": lang(
        {"една": "1", "един": "1", "две": "2", "два": "2"},
        ago="преди", later="след", now="току що|току-що|сега|преди малко", today="днес",
        yesterday="вчера", tomorrow="утре", second="секунд*|сек", minute="минут*|мин",
        hour="час|часа|часове", day="ден|дни|дена", week="седмиц*", month="месец*",
        year="годин*", filler="около",
    ),
    "sr": lang(
        {"сат времена": "1 hour", "месец дана": "1 month", "недељу дана": "1 week",
         "годину дана": "1 year", "sat vremena": "1 hour", "mesec dana": "1 month",
         "nedelju dana": "1 week", "godinu dana": "1 year", "један": "1", "jedan": "1"},
        ago="пре|pre|prije", later="за|za", now="малопре|управо|сада|malopre|upravo|sada",
        today="данас|danas", yesterday="јуче|juče|jučer", second="секунд*|sekund*",
        minute="минут*|minut*", hour="сат|сата|сати|sat|sata|sati", day="дан|дана|dan|dana",
        week="недељ*|nedelj*|tjed*", month="месец*|mesec*|mjesec*", year="годин*|godin*",
    ),
    "sq": lang(
        {"një": "1", "dy": "2"},
        ago="më parë|para", later="pas|për", now="pak më parë|tani|sapo", today="sot",
        yesterday="dje", second="sekond*", minute="minut*", hour="orë|orësh|ore|orëve",
        day="ditë|ditësh|dite|ditëve", week="javë|javësh|jave|javëve", month="muaj*",
        year="vit|vite|vjet|vjetësh|viti|vjetëve",
    ),
    "sw": lang(
        {"moja": "1", "mbili": "2"},
        ago="iliyopita|iliopita|zilizopita|yaliyopita|uliopita|iliyopita|kabla|zilizopita",
        later="baadaye|ijayo", now="sasa hivi|sasa|hivi punde", today="leo", yesterday="jana",
        second="sekunde|sekunde", minute="dakika", hour="saa", day="siku",
        week="wiki", month="mwezi|miezi", year="mwaka|miaka",
    ),
    "ro": lang(
        {"o": "1", "un": "1", "una": "1", "două": "2", "doi": "2"},
        ago="acum|în urmă", later="peste|în", now="chiar acum|acum câteva secunde|adineauri",
        today="azi|astăzi", yesterday="ieri", tomorrow="mâine",
        second="secundă|secunde|secunda", minute="minut|minute", hour="oră|ore|ora",
        day="zi|zile", week="săptămână|săptămâni", month="lună|luni|luna", year="an|ani",
        filler="de|aproximativ",
    ),
    "nb": lang(
        {"en": "1", "ett": "1", "ei": "1", "et": "1", "to": "2"},
        ago="siden|sidan|sedan", later="om|etter", now=(
            "akkurat nå|nettopp|nå nettopp|nett no|for et øjeblik siden|lige nu|just nu|"
            "alldeles nyss|nyss|nå|no|nu"
        ),
        today="i dag|idag", yesterday="i går|igår|i går", tomorrow="i morgen",
        second="sekund*", minute="minut*|minutt*", hour="time|timer|timar|timme|timmar|timen",
        day="dag|dager|dagar|dage|døgn|dagen|døgn", week="uke|uker|veke|veker|uge|uger|vecka|veckor",
        month="måned*|månad*", year="år|året|åren", filler="for|för|ca|omkring",
    ),
}
